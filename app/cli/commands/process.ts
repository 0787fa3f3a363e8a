/** `ltc process-map`, `ltc variants`: the directly-follows graph and the variants of the event log (docs/process-mining.md, docs/api.md). */
import { conformance } from '../../../models/conformance.ts';
import { processMap } from '../../../models/process-map.ts';
import { parseTop, variants } from '../../../models/variants.ts';
import { PERIOD_OPTIONS, periodOptions, withDb, type Command, type CommandContext } from '../command.ts';
import { table } from '../format.ts';

/** Seconds as a short human duration: 45s, 12.5m, 3.2h, 4.1d. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  if (seconds < 60) return `${Number(seconds.toFixed(1))}s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)}m`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)}h`;
  return `${(seconds / 86400).toFixed(1)}d`;
}

/** --log, the case-start period and the segment filters (models/event-log.ts). */
const LOG_OPTIONS = { ...PERIOD_OPTIONS, log: { type: 'string' } } as const;

function logOptions(context: CommandContext) {
  return { ...periodOptions(context.values), log: context.values.log as string | undefined };
}

function emptyLog(context: CommandContext): void {
  context.out('no events loaded: import an event log (XES, OCEL, or a CSV with case_id, activity, timestamp) or CRM/ERP exports first');
}

function ignoredNote(context: CommandContext, ignored: readonly string[]): void {
  if (ignored.length) context.err(`note: ${ignored.join(', ')} filter only LTC cases (--log ltc); not applied to this log`);
}

export const commands: Record<string, Command> = {

  'process-map': {
    args: '[--log events|ltc|ocel:TYPE] [--from D] [--to D]',
    summary: 'directly-follows graph of the event log: edges with count, mean and median time',
    options: LOG_OPTIONS,
    async run(context) {
      const map = await withDb(context, (db) => processMap(db, logOptions(context)));
      ignoredNote(context, map.filters_ignored);
      if (context.json) {
        context.out(JSON.stringify(map));
        return 0;
      }
      if (map.events === 0) {
        emptyLog(context);
        return 0;
      }
      context.out(`log ${map.log}: ${map.cases} cases · ${map.events} events · ${map.activities.length} activities · ${map.edges.length} edges\n`);
      context.out(table(['from', 'to', 'count', 'mean', 'median'], map.edges.map((e) => [
        e.from, e.to, String(e.count), formatSeconds(e.mean_seconds), formatSeconds(e.median_seconds),
      ])));
      context.out('');
      context.out(`start: ${map.start.map((s) => `${s.activity} (${s.count})`).join(', ')}`);
      context.out(`end: ${map.end.map((s) => `${s.activity} (${s.count})`).join(', ')}`);
      return 0;
    },
  },

  variants: {
    args: '[--top N] [--log events|ltc|ocel:TYPE] [--from D] [--to D]',
    summary: 'activity sequences of the cases, most frequent first, with their durations',
    options: { ...LOG_OPTIONS, top: { type: 'string' } },
    async run(context) {
      const top = parseTop(context.values.top as string | undefined);
      const result = await withDb(context, (db) => variants(db, { ...logOptions(context), top }));
      ignoredNote(context, result.filters_ignored);
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      if (result.variants.length === 0) {
        emptyLog(context);
        return 0;
      }
      context.out(`log ${result.log}: ${result.cases} cases\n`);
      context.out(table(['#', 'cases', 'mean', 'median', 'activities'], result.variants.map((v, i) => [
        String(i + 1), String(v.count), formatSeconds(v.mean_seconds), formatSeconds(v.median_seconds), v.activities.join(' → '),
      ])));
      return 0;
    },
  },

  conformance: {
    args: '[--by month|quarter] [--from D] [--to D] [--as-of D]',
    summary: 'conformance to the reference LTC order: out-of-order, skipped steps, rework, late payment per period',
    options: { ...PERIOD_OPTIONS, by: { type: 'string' } },
    async run(context) {
      const result = await withDb(context, (db) => conformance(db, { ...periodOptions(context.values), by: context.values.by as string | undefined }));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      if (result.checks.every((c) => c.n === 0)) {
        context.out('no LTC cases to check: import leads, orders and what follows them first');
        return 0;
      }
      const rate = (c: { count: number; n: number; rate: number | null }) =>
        c.rate === null ? '–' : `${(c.rate * 100).toFixed(1)}% (${c.count}/${c.n})`;
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
  },
};
