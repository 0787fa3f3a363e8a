/** `ltc log-overview`: the overview of an event log (docs/process-mining.md, docs/api.md). */
import logOverviewAnalysis from '../../../models/analyses/log-overview.ts';
import type { LogOverview } from '../../../models/log-overview.ts';
import { textView } from '../command.ts';
import { formatSeconds, ignoredNote } from './process.ts';

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

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

export function overviewText(o: LogOverview): string {
  const t = o.throughput;
  const s = o.slowest_transition;
  const lines = [
    `log ${o.log}: ${o.cases.toLocaleString('en-US')} cases · ${o.events.toLocaleString('en-US')} events · ${o.activities} activities · ${o.first_event_at ?? '–'} to ${o.last_event_at ?? '–'}`,
    `throughput time (n = ${t.n.toLocaleString('en-US')} cases): median ${formatSeconds(t.median_seconds)} · mean ${formatSeconds(t.mean_seconds)} · p90 ${formatSeconds(t.p90_seconds)}`,
    `variants: ${o.variants.count.toLocaleString('en-US')}; the ${o.variants.for_80_percent.toLocaleString('en-US')} most frequent cover 80% of cases; the top one ${percent(o.variants.top_share)} (${o.variants.top_cases} ${o.variants.top_cases === 1 ? 'case' : 'cases'})`,
    `rework: ${o.rework.cases.toLocaleString('en-US')} cases (${percent(o.rework.share)}) repeat an activity`,
    s === null ? 'slowest transition: – (no case has two events)'
      : `slowest transition: ${s.from} → ${s.to}, median ${formatSeconds(s.median_seconds)} (n = ${s.count})${s.thin
        ? ` — thin: no transition is followed by ${o.thin_below} or more cases` : ''}`,
  ];
  return lines.join('\n');
}
