/**
 * Which event log the process-mining models read (docs/process-mining.md). A workspace can hold three kinds:
 * - `events`: logs loaded as such (XES, an events CSV) — their own case ids and activity names;
 * - `ltc`: the log derived from the CRM/ERP tables (model.ltc_events), one case per LTC case;
 * - `ocel:<object type>`: an object-centric log (OCEL) flattened on one object type: every event
 *   related to an object of that type becomes an event of the case named by that object.
 * Every model query reads the chosen log as the relation `event_log` with the columns case_id,
 * activity, timestamp, lifecycle, resource, object_type, object_id and the tie keys (tie_batch, tie_index) that
 * order events with equal timestamps by file order.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Database } from './db/database.ts';
import { filterParam, periodBounds, SEGMENT_KEYS, type PeriodOptions } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

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
    SELECT log, count(*)::INTEGER AS cases, sum(events)::INTEGER AS events
    FROM model.log_cases
    GROUP BY log
    ORDER BY CASE log WHEN 'events' THEN 0 WHEN 'ltc' THEN 1 ELSE 2 END, events DESC, log`);
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
    const type = requested.slice(OCEL_PREFIX.length);
    throw new UsageError(types.length
      ? sayAll(ANALYSIS_ERRORS, 'ocelTypeLoaded', { type, loaded: types.join(', ') })
      : sayAll(ANALYSIS_ERRORS, 'ocelTypeNone', { type }));
  }
  throw new UsageError(sayAll(ANALYSIS_ERRORS, 'log', { value: requested }));
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

// The LTC log's steps are model.ltc_events itself, ordered once when it is built (its one copy):
// the same columns as model.log_steps.
const LTC_STEPS = `(SELECT 'ltc' AS log, case_id, activity, timestamp, event_index AS step, next_activity, seconds_to_next
  FROM model.ltc_events)`;

/** A chosen log with the filters of the view, ready to be put into a model query. */
export interface EventLogView {
  readonly log: string;
  /** the raw events (with lifecycle, resource, object), to stand where a query says {{event_log}} */
  readonly relation: string;
  /** model.log_steps of the kept cases, for {{log_steps}} */
  readonly steps: string;
  /** model.log_cases of the kept cases, for {{log_cases}} */
  readonly cases: string;
  readonly params: Record<string, string>;
  /** filters that do not apply to this log (segments exist only on LTC cases) */
  readonly ignored: string[];
}

export interface EventLogOptions extends PeriodOptions {
  readonly log?: string;
}

/**
 * The chosen log as relations. Cases are kept when their first event falls in [from, to]; the
 * segment filters keep LTC cases by their segments and do not apply to other logs (reported).
 */
export async function eventLogView(db: Database, options: EventLogOptions = {}): Promise<EventLogView> {
  const log = await chooseEventLog(db, options.log);
  const params: Record<string, string> = { log_name: log };
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
    keep.push('started_at >= $log_from::TIMESTAMP AND started_at < $log_to::TIMESTAMP');
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
  const kept = `SELECT case_id FROM model.log_cases WHERE log = $log_name${keep.map((k) => ` AND ${k}`).join('')}`;
  const filtered = keep.length > 0;
  // The LTC log's steps are model.ltc_events; another log's are its rows of model.log_steps.
  const stepConditions = [...(log === LTC_LOG ? [] : ['log = $log_name']), ...(filtered ? [`case_id IN (${kept})`] : [])];
  const stepTable = log === LTC_LOG ? LTC_STEPS : 'model.log_steps';
  const stepWhere = stepConditions.length ? ` WHERE ${stepConditions.join(' AND ')}` : '';
  return {
    log,
    relation: filtered ? `(SELECT * FROM (${base}) WHERE case_id IN (${kept})) AS event_log` : `(${base}) AS event_log`,
    steps: `(SELECT * FROM ${stepTable}${stepWhere}) AS log_steps`,
    cases: `(SELECT * FROM model.log_cases WHERE log = $log_name${keep.map((k) => ` AND ${k}`).join('')}) AS log_cases`,
    params,
    ignored,
  };
}

/** A model query on the view: its {{event_log}}, {{log_steps}} and {{log_cases}} filled in, with the parameters it uses. */
export function onEventLog(sql: string, view: EventLogView, extra: Record<string, unknown> = {}): [string, Record<string, DuckDBValue>] {
  if (!/\{\{(event_log|log_steps|log_cases)\}\}/.test(sql)) throw new Error('the query reads no event log');
  const text = sql.replaceAll('{{event_log}}', view.relation).replaceAll('{{log_steps}}', view.steps).replaceAll('{{log_cases}}', view.cases);
  // DuckDB refuses parameters a statement does not use: pass only those it names.
  const all: Record<string, unknown> = { ...view.params, ...extra };
  const used = Object.entries(all).filter(([name]) => new RegExp(`\\$${name}\\b`).test(text));
  return [text, Object.fromEntries(used) as Record<string, DuckDBValue>];
}
