/** `ltc log-overview`: the overview of an event log (docs/process-mining.md, docs/api.md). */
import logOverviewAnalysis from '../../../models/analyses/log-overview.ts';
import type { LogOverview } from '../../../models/log-overview.ts';
import { count, MISSING, percent, seconds } from '../../../models/messages/format.ts';
import { textView } from '../command.ts';
import { ignoredNote } from './process.ts';

export const views = {
  'log-overview': textView(logOverviewAnalysis, {
    note: ignoredNote,
    text(result, context) {
      if (result.cases === 0) {
        context.out('no events loaded: import an event log (XES, OCEL, or a CSV with case_id, activity, timestamp) first');
        return 0;
      }
      context.out(overviewText(result));
      return 0;
    },
  }),
};

export function overviewText(o: LogOverview): string {
  const t = o.throughput;
  const s = o.slowest_transition;
  const lines = [
    `log ${o.log}: ${count(o.cases)} cases · ${count(o.events)} events · ${o.activities} activities · ${o.first_event_at ?? MISSING} to ${o.last_event_at ?? MISSING}`,
    `throughput time (n = ${count(t.n)} cases): median ${seconds(t.median_seconds)} · mean ${seconds(t.mean_seconds)} · p90 ${seconds(t.p90_seconds)}`,
    `variants: ${count(o.variants.count)}; the ${count(o.variants.for_80_percent)} most frequent cover 80% of cases; the top one ${percent(o.variants.top_share)} (${o.variants.top_cases} ${o.variants.top_cases === 1 ? 'case' : 'cases'})`,
    `rework: ${count(o.rework.cases)} cases (${percent(o.rework.share)}) repeat an activity`,
    s === null ? `slowest transition: ${MISSING} (no case has two events)`
      : `slowest transition: ${s.from} → ${s.to}, median ${seconds(s.median_seconds)} (n = ${s.count})${s.thin
        ? ` — thin: no transition is followed by ${o.thin_below} or more cases` : ''}`,
  ];
  return lines.join('\n');
}
