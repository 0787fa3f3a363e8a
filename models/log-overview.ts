/**
 * The overview of an event log (docs/process-mining.md): what the Overview page shows when a workspace
 * holds an event log and no CRM/ERP tables — cases and events, throughput time (case durations),
 * variants coverage, rework, and the slowest transition of the directly-follows graph.
 *
 * - throughput: last − first event of a case (pm4py's get_all_case_durations); median and p90 by
 *   linear interpolation, mean.
 * - variants_for_80: the fewest most-frequent variants that together hold ≥ 80% of the cases.
 * - rework: cases in which some activity occurs more than once.
 * - slowest transition: the directly-follows edge with the largest median time (pm4py's performance
 *   DFG) among edges followed by at least THIN_CASES cases; when no edge has that many, the slowest
 *   edge of all, marked thin.
 */
import type { Database } from './db/database.ts';
import { eventLogView, onEventLog, type EventLogOptions } from './event-log.ts';
import type { ProcessEdge } from './process-map.ts';
import { sqlFile } from './sql-files.ts';
import { THIN_CASES } from './transitions.ts';

export interface SlowestTransition extends ProcessEdge {
  /** followed fewer than thin_below times: no edge had enough cases to be named on its own */
  readonly thin: boolean;
}

/** `ltc log-overview --json` and GET /api/log-overview (docs/api.md). */
export interface LogOverview {
  /** the log read: events, ltc or ocel:<object type> (models/event-log.ts) */
  readonly log: string;
  readonly filters_ignored: string[];
  readonly thin_below: number;
  readonly cases: number;
  readonly events: number;
  readonly activities: number;
  /** first and last event, YYYY-MM-DDTHH:MM:SS; null without events */
  readonly first_event_at: string | null;
  readonly last_event_at: string | null;
  /** case durations in seconds; null without cases */
  readonly throughput: { readonly n: number; readonly median_seconds: number | null; readonly mean_seconds: number | null; readonly p90_seconds: number | null };
  readonly variants: {
    readonly count: number;
    /** cases of the most frequent variant, and their share of all cases */
    readonly top_cases: number;
    readonly top_share: number | null;
    /** the fewest most frequent variants that cover at least 80% of the cases */
    readonly for_80_percent: number;
  };
  /** cases with an activity repeated */
  readonly rework: { readonly cases: number; readonly share: number | null };
  readonly slowest_transition: SlowestTransition | null;
}

interface SummaryRow {
  cases: number;
  events: number;
  activities: number;
  first_event_at: string | null;
  last_event_at: string | null;
  median_seconds: number | null;
  mean_seconds: number | null;
  p90_seconds: number | null;
  variants: number;
  top_variant_cases: number | null;
  variants_for_80: number;
  rework_cases: number;
}

export async function logOverview(db: Database, options: EventLogOptions = {}): Promise<LogOverview> {
  const view = await eventLogView(db, options);
  const [s] = await db.query<SummaryRow>(...onEventLog(sqlFile('log-overview.sql'), view));
  const edges = await db.query<ProcessEdge>(...onEventLog(sqlFile('process-map-edges.sql'), view));
  const cases = Number(s?.cases ?? 0);
  const share = (count: number) => (cases > 0 ? count / cases : null);
  const topCases = Number(s?.top_variant_cases ?? 0);
  const rework = Number(s?.rework_cases ?? 0);
  return {
    log: view.log,
    filters_ignored: view.ignored,
    thin_below: THIN_CASES,
    cases,
    events: Number(s?.events ?? 0),
    activities: Number(s?.activities ?? 0),
    first_event_at: s?.first_event_at ?? null,
    last_event_at: s?.last_event_at ?? null,
    throughput: { n: cases, median_seconds: s?.median_seconds ?? null, mean_seconds: s?.mean_seconds ?? null, p90_seconds: s?.p90_seconds ?? null },
    variants: { count: Number(s?.variants ?? 0), top_cases: topCases, top_share: share(topCases), for_80_percent: Number(s?.variants_for_80 ?? 0) },
    rework: { cases: rework, share: share(rework) },
    slowest_transition: slowest(edges),
  };
}

/** The edge with the largest median among those followed by enough cases, else among all (thin). */
export function slowest(edges: readonly ProcessEdge[]): SlowestTransition | null {
  const order = (a: ProcessEdge, b: ProcessEdge) =>
    b.median_seconds - a.median_seconds || b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
  const enough = edges.filter((e) => e.count >= THIN_CASES).sort(order)[0];
  if (enough) return { ...enough, thin: false };
  const any = [...edges].sort(order)[0];
  return any ? { ...any, thin: true } : null;
}
