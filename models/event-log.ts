/**
 * Which event log the process-mining models read (SPEC §4). A workspace can hold three kinds:
 * - `events`: logs loaded as such (XES, an events CSV) — their own case ids and activity names;
 * - `ltc`: the log derived from the CRM/ERP tables (model.ltc_events), one case per LTC case;
 * - `ocel:<object type>`: an object-centric log (OCEL) flattened on one object type: every event
 *   related to an object of that type becomes an event of the case named by that object.
 * Every model query reads the chosen log as the relation `event_log` with the columns case_id,
 * activity, timestamp, lifecycle, resource, object_type, object_id and the tie keys (tie_batch, tie_index) that
 * order events with equal timestamps by file order.
 */
import type { Database } from './db/database.ts';
import { filterParam, periodBounds, SEGMENT_KEYS, UsageError, type PeriodOptions } from './period.ts';

export const IMPORTED_LOG = 'events';
export const LTC_LOG = 'ltc';
const OCEL_PREFIX = 'ocel:';

export interface EventLogInfo {
  /** the value of --log / ?log= */
  readonly log: string;
  readonly cases: number;
  readonly events: number;
}

/** The logs this workspace holds, in the order of preference for the default. */
export async function eventLogs(db: Database): Promise<EventLogInfo[]> {
  const rows = await db.query<EventLogInfo>(`
    SELECT 'events' AS log, count(DISTINCT case_id)::INTEGER AS cases, count(*)::INTEGER AS events, 0 AS rank FROM events
    UNION ALL
    SELECT 'ltc', count(DISTINCT case_id)::INTEGER, count(*)::INTEGER, 1 FROM model.ltc_events
    UNION ALL
    SELECT 'ocel:' || o.object_type, count(DISTINCT o.object_id)::INTEGER, count(*)::INTEGER, 2
    FROM (SELECT DISTINCT event_id, object_id FROM ocel_event_objects) r
    JOIN (SELECT DISTINCT object_id, object_type FROM ocel_objects) o USING (object_id)
    GROUP BY o.object_type
    ORDER BY rank, events DESC, log`);
  return rows.filter((r) => r.events > 0).map(({ log, cases, events }) => ({ log, cases, events }));
}

/**
 * The log to read: the one asked for (refused when the workspace has no such log), else imported
 * event logs first, then the LTC log, then the OCEL object type with the most events.
 */
export async function chooseEventLog(db: Database, requested?: string): Promise<string> {
  const logs = await eventLogs(db);
  if (requested === undefined || requested === '') return logs[0]?.log ?? LTC_LOG;
  if (requested === IMPORTED_LOG || requested === LTC_LOG) return requested;
  if (requested.startsWith(OCEL_PREFIX) && requested.length > OCEL_PREFIX.length) {
    if (logs.some((l) => l.log === requested)) return requested;
    const types = logs.filter((l) => l.log.startsWith(OCEL_PREFIX)).map((l) => l.log);
    throw new UsageError(`no OCEL object type "${requested.slice(OCEL_PREFIX.length)}" with events is loaded`
      + (types.length ? ` (loaded: ${types.join(', ')})` : ' (no OCEL log is loaded)'));
  }
  throw new UsageError(`--log must be events, ltc or ocel:<object type>, not "${requested}"`);
}

const BASE: Record<string, string> = {
  [IMPORTED_LOG]: `SELECT case_id, activity, timestamp, lifecycle, resource, object_type, object_id,
    coalesce(batch_id, -1) AS tie_batch, event_index AS tie_index FROM events`,
  [LTC_LOG]: `SELECT case_id, activity, timestamp, NULL::VARCHAR AS lifecycle, resource, object_type, object_id,
    0 AS tie_batch, event_index AS tie_index FROM model.ltc_events`,
};

// Flattening (as pm4py's ocel_flattening): an event related to several objects of the type is an
// event of each of their cases; one relation per event and object however many qualifiers it has.
const OCEL_FLATTENED = `SELECT r.object_id AS case_id, e.activity, e.timestamp, NULL::VARCHAR AS lifecycle, NULL::VARCHAR AS resource,
    o.object_type, r.object_id, e.batch_id AS tie_batch, e.event_index AS tie_index
  FROM ocel_events e
  JOIN (SELECT DISTINCT event_id, object_id FROM ocel_event_objects) r ON r.event_id = e.event_id
  JOIN (SELECT DISTINCT object_id, object_type FROM ocel_objects) o ON o.object_id = r.object_id AND o.object_type = $object_type`;

/** A chosen log with the filters of the view, ready to be put into a model query. */
export interface EventLogView {
  readonly log: string;
  /** the relation, to stand where a query says {{event_log}} */
  readonly relation: string;
  readonly params: Record<string, string>;
  /** filters that do not apply to this log (segments exist only on LTC cases) */
  readonly ignored: string[];
}

export interface EventLogOptions extends PeriodOptions {
  readonly log?: string;
}

/**
 * The chosen log as a relation. Cases are kept when their first event falls in [from, to]; the
 * segment filters keep LTC cases by their segments and do not apply to other logs (reported).
 */
export async function eventLogView(db: Database, options: EventLogOptions = {}): Promise<EventLogView> {
  const log = await chooseEventLog(db, options.log);
  const params: Record<string, string> = {};
  let base = BASE[log];
  if (base === undefined) {
    base = OCEL_FLATTENED;
    params.object_type = log.slice(OCEL_PREFIX.length);
  }
  const keep: string[] = [];
  if (options.from || options.to) {
    const bounds = periodBounds(options);
    params.log_from = bounds.from;
    params.log_to = bounds.to;
    keep.push(`case_id IN (SELECT case_id FROM log GROUP BY case_id
      HAVING min(timestamp) >= $log_from::TIMESTAMP AND min(timestamp) < $log_to::TIMESTAMP)`);
  }
  const segments = filterParam(options).filter;
  const ignored: string[] = [];
  if (segments !== '{}') {
    if (log === LTC_LOG) {
      params.filter = segments;
      keep.push(`case_id IN (SELECT case_id FROM model.cases c
        WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON))`);
    } else {
      const given = JSON.parse(segments) as Record<string, unknown>;
      for (const key of SEGMENT_KEYS) if (given[key] !== undefined) ignored.push(key);
      for (const key of Object.keys((given.attributes ?? {}) as object)) ignored.push(`attr.${key}`);
    }
  }
  const relation = keep.length === 0
    ? `(${base}) AS event_log`
    : `(WITH log AS (${base}) SELECT * FROM log WHERE ${keep.join(' AND ')}) AS event_log`;
  return { log, relation, params, ignored };
}

/** Puts the view's relation where the SQL text says {{event_log}}. */
export function onEventLog(sql: string, view: EventLogView): string {
  if (!sql.includes('{{event_log}}')) throw new Error('the query does not read {{event_log}}');
  return sql.replaceAll('{{event_log}}', view.relation);
}
