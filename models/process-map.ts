/**
 * The process map (docs/process-mining.md) on the `events` table: the directly-follows graph with frequency and
 * performance (mean and median seconds per edge), start and end activities, activity counts and
 * case durations — equal to pm4py's discover_dfg, discover_performance_dfg, get_start_activities,
 * get_end_activities and get_all_case_durations on the same log. Events of a case are ordered by
 * timestamp, ties by file order; every lifecycle event is kept; activity = the activity column.
 */
import type { Database } from './db/database.ts';
import { eventLogView, onEventLog, type EventLogOptions } from './event-log.ts';
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

/** `ltc process-map --json` and GET /api/process-map (docs/api.md). */
export interface ProcessMap {
  /** the log read: events, ltc or ocel:<object type> (models/event-log.ts) */
  readonly log: string;
  /** filters given that do not apply to this log */
  readonly filters_ignored: string[];
  readonly cases: number;
  readonly events: number;
  readonly activities: ActivityCount[];
  readonly edges: ProcessEdge[];
  readonly start: EndpointCount[];
  readonly end: EndpointCount[];
}

export async function processMap(db: Database, options: EventLogOptions = {}): Promise<ProcessMap> {
  const view = await eventLogView(db, options);
  const run = <T extends object>(file: string) => db.query<T>(...onEventLog(sqlFile(file), view));
  const [summary] = await run<{ cases: number; events: number }>('process-map-summary.sql');
  const activities = await run<ActivityCount>('process-map-activities.sql');
  const edges = await run<ProcessEdge>('process-map-edges.sql');
  const endpoints = await run<{ side: 'start' | 'end'; activity: string; count: number }>('process-map-endpoints.sql');
  const side = (which: 'start' | 'end') =>
    endpoints.filter((e) => e.side === which).map(({ activity, count }) => ({ activity, count }));
  return {
    log: view.log,
    filters_ignored: view.ignored,
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
export async function caseDurations(db: Database, options: EventLogOptions = {}): Promise<CaseDuration[]> {
  const view = await eventLogView(db, options);
  return db.query<CaseDuration>(...onEventLog(sqlFile('process-map-case-durations.sql'), view));
}
