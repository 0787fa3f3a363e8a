/**
 * The process map of SPEC §4 on the `events` table: the directly-follows graph with frequency and
 * performance (mean and median seconds per edge), start and end activities, activity counts and
 * case durations — equal to pm4py's discover_dfg, discover_performance_dfg, get_start_activities,
 * get_end_activities and get_all_case_durations on the same log. Events of a case are ordered by
 * timestamp, ties by file order; every lifecycle event is kept; activity = the activity column.
 */
import type { Database } from './db/database.ts';
import { sqlFile } from './sql-files.ts';

export interface ActivityCount {
  readonly name: string;
  readonly count: number;
}

export interface ProcessEdge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly mean_seconds: number;
  readonly median_seconds: number;
}

export interface EndpointCount {
  readonly activity: string;
  readonly count: number;
}

/** SPEC §6 `ltc process-map --json` and GET /api/process-map. */
export interface ProcessMap {
  readonly cases: number;
  readonly events: number;
  readonly activities: ActivityCount[];
  readonly edges: ProcessEdge[];
  readonly start: EndpointCount[];
  readonly end: EndpointCount[];
}

export async function processMap(db: Database): Promise<ProcessMap> {
  const [summary] = await db.query<{ cases: number; events: number }>(sqlFile('process-map-summary.sql'));
  const activities = await db.query<ActivityCount>(sqlFile('process-map-activities.sql'));
  const edges = await db.query<ProcessEdge>(sqlFile('process-map-edges.sql'));
  const endpoints = await db.query<{ side: 'start' | 'end'; activity: string; count: number }>(sqlFile('process-map-endpoints.sql'));
  const side = (which: 'start' | 'end') =>
    endpoints.filter((e) => e.side === which).map(({ activity, count }) => ({ activity, count }));
  return {
    cases: Number(summary?.cases ?? 0),
    events: Number(summary?.events ?? 0),
    activities,
    edges,
    start: side('start'),
    end: side('end'),
  };
}

export interface CaseDuration {
  readonly case_id: string;
  readonly seconds: number;
}

/** Last − first timestamp of each case in seconds, shortest first (pm4py get_all_case_durations). */
export async function caseDurations(db: Database): Promise<CaseDuration[]> {
  return db.query<CaseDuration>(sqlFile('process-map-case-durations.sql'));
}
