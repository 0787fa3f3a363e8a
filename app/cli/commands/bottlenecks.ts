/**
 * `ltc bottlenecks`: the bottleneck analysis of docs/measures.md (GET /api/bottlenecks) and, with
 * --transition or --cases, its drill-down to the slow cases (GET /api/bottlenecks/cases).
 */
import bottleneckCasesAnalysis from '../../../models/analyses/bottleneck-cases.ts';
import bottlenecksAnalysis from '../../../models/analyses/bottlenecks.ts';
import { flag, periodOf, text } from '../../../models/analysis/params.ts';
import { bottleneckCases, bottlenecks } from '../../../models/bottlenecks.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { cliArgs, cliOptions, readCliParams, withDb, type Command } from '../command.ts';
import { table } from '../table.ts';
import { NO_TRANSITIONS, slowerIn, thinMark, thinNote } from '../views/bottlenecks.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';
import { count, daysWithUnit, MISSING, percent } from '../../../models/messages/format.ts';

const PARAMS = {
  ...bottlenecksAnalysis.params,
  transition: text('FROM→TO', 'the slow cases of this transition'),
  cases: flag('the slow cases of the bottleneck'),
  limit: bottleneckCasesAnalysis.params.limit,
};

export const commands: Record<string, Command> = {

  bottlenecks: {
    args: cliArgs(PARAMS),
    summary: 'days spent per transition, cases waiting, slower segments, the bottleneck; --transition/--cases: the slow cases',
    options: cliOptions(PARAMS),
    async run(context) {
      const p = readCliParams(PARAMS, context);
      const options = periodOf(p);
      const { limit, transition } = p;
      if (transition === undefined && !p.cases) {
        if (limit !== undefined) throw new UsageError(sayAll(CLI_ERRORS, 'limitWithout'));
        const result = await withDb(context, (db) => bottlenecks(db, options));
        if (context.json) {
          context.out(JSON.stringify(result));
          return 0;
        }
        if (result.transitions.length === 0) {
          context.out(NO_TRANSITIONS);
          return 0;
        }
        context.out(`data end ${result.data_end ?? MISSING} · as of ${result.as_of ?? MISSING} · lead-to-cash: ${result.lead_to_cash.cases} cases paid\n`);
        context.out(table(['transition', 'n', 'median', 'mean', 'p90', 'total days', 'share of LTC', 'waiting', '> 30 d', 'markedly slower in'],
          result.transitions.map((t) => [
            t.label, thinMark(t), daysWithUnit(t.median, 'en'), daysWithUnit(t.mean, 'en'), daysWithUnit(t.p90, 'en'), count(t.total_days),
            percent(t.share_of_lead_to_cash), String(t.waiting.count), String(t.waiting.over_30_days), slowerIn(t),
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
      context.out(`${result.transition.label}: ${result.total} cases started it in the period, ${result.waiting} still waiting at ${result.as_of ?? MISSING}; slowest ${result.cases.length}\n`);
      context.out(table(['case', 'start', 'end', 'days', 'source', 'owner', 'region', 'segment'], result.cases.map((c) => [
        c.case_id, c.start_at, c.end_at ?? 'waiting', daysWithUnit(c.days, 'en'), c.source ?? '', c.owner ?? '', c.region ?? '', c.segment ?? '',
      ])));
      return 0;
    },
  },
};
