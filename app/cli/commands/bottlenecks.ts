/**
 * `ltc transitions`, `ltc bottlenecks`: the cycle time of every milestone-to-milestone transition,
 * and the bottleneck analysis of docs/measures.md with its drill-down to the slow cases.
 */
import { bottleneckCases, bottlenecks, type BottleneckTransition } from '../../../models/bottlenecks.ts';
import { UsageError } from '../../../models/period.ts';
import { transitions } from '../../../models/transitions.ts';
import { PERIOD_OPTIONS, periodOptions, withDb, type Command } from '../command.ts';
import { formatDays, formatRatio, table } from '../format.ts';

const OPTIONS = { from: PERIOD_OPTIONS!.from, to: PERIOD_OPTIONS!.to, 'as-of': PERIOD_OPTIONS!['as-of'], where: PERIOD_OPTIONS!.where };

export const commands: Record<string, Command> = {

  transitions: {
    args: '[--from D] [--to D] [--as-of D] [--where K=V]',
    summary: 'cycle time of every milestone-to-milestone transition',
    options: OPTIONS,
    async run(context) {
      const result = await withDb(context, (db) => transitions(db, periodOptions(context.values)));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      if (result.transitions.length === 0) {
        context.out(NO_TRANSITIONS);
        return 0;
      }
      context.out(`data end ${result.data_end ?? '–'} · as of ${result.as_of ?? '–'} · by the start of each transition\n`);
      context.out(table(['transition', 'n', 'mean', 'median', 'p90', 'waiting', 'out of order'], result.transitions.map((t) => [
        t.label, thinMark(t), formatDays(t.mean), formatDays(t.median), formatDays(t.p90), String(t.censored), String(t.out_of_order),
      ])));
      if (result.transitions.some((t) => t.thin)) context.out(`\n${thinNote(result.thin_below)}`);
      return 0;
    },
  },

  bottlenecks: {
    args: '[--from D] [--to D] [--as-of D] [--where K=V] [--transition FROM→TO | --cases] [--limit N]',
    summary: 'days spent per transition, cases waiting, slower segments, the bottleneck; --transition/--cases: the slow cases',
    options: { ...OPTIONS, transition: { type: 'string' }, cases: { type: 'boolean' }, limit: { type: 'string' } },
    async run(context) {
      const options = periodOptions(context.values);
      const limitText = context.values.limit as string | undefined;
      if (limitText !== undefined && !/^\d+$/.test(limitText)) throw new UsageError(`--limit must be a whole number, not "${limitText}"`);
      const limit = limitText === undefined ? undefined : Number(limitText);
      const transition = context.values.transition as string | undefined;
      if (transition === undefined && !context.values.cases) {
        if (limit !== undefined) throw new UsageError('--limit goes with --transition or --cases');
        const result = await withDb(context, (db) => bottlenecks(db, options));
        if (context.json) {
          context.out(JSON.stringify(result));
          return 0;
        }
        if (result.transitions.length === 0) {
          context.out(NO_TRANSITIONS);
          return 0;
        }
        context.out(`data end ${result.data_end ?? '–'} · as of ${result.as_of ?? '–'} · lead-to-cash: ${result.lead_to_cash.cases} cases paid\n`);
        context.out(table(['transition', 'n', 'median', 'mean', 'p90', 'total days', 'share of LTC', 'waiting', '> 30 d', 'markedly slower in'],
          result.transitions.map((t) => [
            t.label, thinMark(t), formatDays(t.median), formatDays(t.mean), formatDays(t.p90), Math.round(t.total_days).toLocaleString('en-US'),
            formatRatio(t.share_of_lead_to_cash), String(t.waiting.count), String(t.waiting.over_30_days), slowerIn(t),
          ])));
        if (result.bottleneck) context.out(`\nBottleneck: ${result.bottleneck.sentence}`);
        else if (result.thin_only) context.out(`\nNo bottleneck named: no transition has ${result.thin_below} or more completed cases.`);
        if (result.transitions.some((t) => t.thin)) context.out(thinNote(result.thin_below));
        context.out(`\nshare of LTC: of the leads created in the period and paid, the share of their lead-to-cash days spent in the transition.
markedly slower: ${result.segment_test.test}, Holm-adjusted p < ${result.segment_test.alpha} and median ≥ ${result.segment_test.min_ratio}× the rest's (values with ≥ ${result.segment_test.min_cases} cases).`);
        return 0;
      }
      const result = await withDb(context, async (db) => {
        const id = transition ?? (await bottlenecks(db, options)).bottleneck?.transition;
        return id === undefined ? null : bottleneckCases(db, id, { ...options, limit });
      });
      if (result === null) {
        context.err('no bottleneck: no transition completed in the period; name one with --transition');
        return 1;
      }
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      context.out(`${result.transition.label}: ${result.total} cases started it in the period, ${result.waiting} still waiting at ${result.as_of ?? '–'}; slowest ${result.cases.length}\n`);
      context.out(table(['case', 'start', 'end', 'days', 'source', 'owner', 'region', 'segment'], result.cases.map((c) => [
        c.case_id, c.start_at, c.end_at ?? 'waiting', `${c.days.toFixed(1)} d`, c.source ?? '', c.owner ?? '', c.region ?? '', c.segment ?? '',
      ])));
      return 0;
    },
  },
};

const NO_TRANSITIONS = 'no transitions: import leads, opportunities or orders (and what follows them) first';

/** n, with a * when the transition is thin. */
function thinMark(t: { n: number; thin: boolean }): string {
  return t.thin ? `${t.n}*` : String(t.n);
}

function thinNote(below: number): string {
  return `* thin: fewer than ${below} completed cases — shown, never named the bottleneck.`;
}

function slowerIn(t: BottleneckTransition): string {
  return t.slower_segments.map((s) => `${s.key} ${s.value} ${s.ratio === null ? '' : `${s.ratio.toFixed(1)}×`}`.trim()).join(', ');
}
