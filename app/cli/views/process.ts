/** `ltc process-map`, `ltc variants`: the directly-follows graph and the variants of the event log (docs/process-mining.md, docs/api.md). */
import processMapAnalysis from '../../../models/analyses/process-map.ts';
import variantsAnalysis from '../../../models/analyses/variants.ts';
import conformanceAnalysis from '../../../models/analyses/conformance.ts';
import { MISSING, percent, seconds } from '../../../models/messages/format.ts';
import { textView, type CommandContext } from '../command.ts';
import { table } from '../table.ts';

function emptyLog(context: CommandContext): void {
  context.out('no events loaded: import an event log (XES, OCEL, or a CSV with case_id, activity, timestamp) or CRM/ERP exports first');
}

/** The filters a log other than the LTC cases does not apply, said on stderr. */
export function ignoredNote(result: { filters_ignored: readonly string[] }): string | undefined {
  const ignored = result.filters_ignored;
  return ignored.length ? `note: ${ignored.join(', ')} filter only LTC cases (--log ltc); not applied to this log` : undefined;
}

export const views = {

  'process-map': textView(processMapAnalysis, {
    note: ignoredNote,
    text(map, context) {
      if (map.events === 0) {
        emptyLog(context);
        return 0;
      }
      context.out(`log ${map.log}: ${map.cases} cases · ${map.events} events · ${map.activities.length} activities · ${map.edges.length} edges\n`);
      context.out(table(['from', 'to', 'count', 'mean', 'median'], map.edges.map((e) => [
        e.from, e.to, String(e.count), seconds(e.mean_seconds), seconds(e.median_seconds),
      ])));
      context.out('');
      context.out(`start: ${map.start.map((s) => `${s.activity} (${s.count})`).join(', ')}`);
      context.out(`end: ${map.end.map((s) => `${s.activity} (${s.count})`).join(', ')}`);
      return 0;
    },
  }),

  variants: textView(variantsAnalysis, {
    note: ignoredNote,
    text(result, context) {
      if (result.variants.length === 0) {
        emptyLog(context);
        return 0;
      }
      context.out(`log ${result.log}: ${result.cases} cases\n`);
      context.out(table(['#', 'cases', 'mean', 'median', 'activities'], result.variants.map((v, i) => [
        String(i + 1), String(v.count), seconds(v.mean_seconds), seconds(v.median_seconds), v.activities.join(' → '),
      ])));
      return 0;
    },
  }),

  conformance: textView(conformanceAnalysis, {
    text(result, context) {
      if (result.checks.every((c) => c.n === 0)) {
        context.out('no LTC cases to check: import leads, orders and what follows them first');
        return 0;
      }
      const rate = (c: { count: number; n: number; rate: number | null }) =>
        c.rate === null ? MISSING : `${percent(c.rate)} (${c.count}/${c.n})`;
      context.out(`reference order: ${result.reference.join(' → ')}\n`);
      context.out(table(['check', 'rate', 'details'], result.checks.map((c) => [
        c.id, rate(c), Object.entries(c.details).map(([k, v]) => `${k} ${v}`).join(', '),
      ])));
      context.out('');
      context.out(table([result.by, ...result.checks.map((c) => c.id)], result.periods.map((p) => [
        p.period, ...p.checks.map(rate),
      ])));
      return 0;
    },
  }),
};
