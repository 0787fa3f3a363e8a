/** `ltc process-map`, `ltc variants`: the directly-follows graph and the variants of the event log (SPEC §4, §6). */
import { processMap } from '../../../models/process-map.ts';
import { parseTop, variants } from '../../../models/variants.ts';
import { withDb, type Command } from '../command.ts';
import { table } from '../format.ts';

/** Seconds as a short human duration: 45s, 12.5m, 3.2h, 4.1d. */
function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  if (seconds < 60) return `${Number(seconds.toFixed(1))}s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)}m`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)}h`;
  return `${(seconds / 86400).toFixed(1)}d`;
}

export const commands: Record<string, Command> = {

  'process-map': {
    args: '',
    summary: 'directly-follows graph of the event log: edges with count, mean and median time',
    options: {},
    async run(context) {
      const map = await withDb(context, (db) => processMap(db));
      if (context.json) {
        context.out(JSON.stringify(map));
        return 0;
      }
      if (map.events === 0) {
        context.out('no events loaded: import an event log (case_id, activity, timestamp) first');
        return 0;
      }
      context.out(`${map.cases} cases · ${map.events} events · ${map.activities.length} activities · ${map.edges.length} edges\n`);
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
    args: '[--top N]',
    summary: 'activity sequences of the cases, most frequent first, with their durations',
    options: { top: { type: 'string' } },
    async run(context) {
      const top = parseTop(context.values.top as string | undefined);
      const result = await withDb(context, (db) => variants(db, { top }));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      if (result.variants.length === 0) {
        context.out('no events loaded: import an event log (case_id, activity, timestamp) first');
        return 0;
      }
      context.out(table(['#', 'cases', 'mean', 'median', 'activities'], result.variants.map((v, i) => [
        String(i + 1), String(v.count), formatSeconds(v.mean_seconds), formatSeconds(v.median_seconds), v.activities.join(' → '),
      ])));
      return 0;
    },
  },
};
