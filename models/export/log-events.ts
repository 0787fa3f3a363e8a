/**
 * The events of a chosen log, case by case (cases by id; events by timestamp, then file order), read
 * in slices of cases so that an export of millions of events never holds the whole log in memory.
 */
import type { Database } from '../db/database.ts';
import { onEventLog, type EventLogView } from '../event-log.ts';

export interface LogEvent {
  readonly case_id: string;
  readonly activity: string;
  /** ISO 8601 in UTC with milliseconds, e.g. 2025-01-31T08:00:00.000Z */
  readonly timestamp: string;
  readonly lifecycle: string | null;
  readonly resource: string | null;
  readonly object_type: string | null;
  readonly object_id: string | null;
}

const CASES_PER_SLICE = 5000;

export async function* logEventsByCase(db: Database, view: EventLogView): AsyncGenerator<LogEvent[]> {
  const cases = await db.query<{ case_id: string }>(...onEventLog('SELECT case_id FROM {{log_cases}} ORDER BY case_id', view));
  for (let start = 0; start < cases.length; start += CASES_PER_SLICE) {
    const slice = cases.slice(start, start + CASES_PER_SLICE);
    const rows = await db.query<LogEvent>(...onEventLog(`
      SELECT case_id, activity, strftime(timestamp, '%Y-%m-%dT%H:%M:%S.%gZ') AS timestamp,
        lifecycle, resource, object_type, object_id
      FROM {{event_log}}
      WHERE case_id BETWEEN $slice_first AND $slice_last
      ORDER BY case_id, event_log.timestamp, tie_batch, tie_index`, view,
    { slice_first: slice[0].case_id, slice_last: slice[slice.length - 1].case_id }));
    let caseEvents: LogEvent[] = [];
    for (const row of rows) {
      if (caseEvents.length > 0 && caseEvents[0].case_id !== row.case_id) {
        yield caseEvents;
        caseEvents = [];
      }
      caseEvents.push(row);
    }
    if (caseEvents.length > 0) yield caseEvents;
  }
}
