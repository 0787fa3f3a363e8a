/**
 * CSV export of an event log: case_id, activity, timestamp (ISO 8601, UTC), lifecycle, resource,
 * object_type, object_id — the canonical events layout of docs/data-contract.md, so `ltc ingest` reads it back.
 * Cells a spreadsheet would run as a formula are prefixed with an apostrophe (docs/safety.md).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database } from '../db/database.ts';
import type { EventLogView } from '../event-log.ts';
import { csvCell } from './csv-cell.ts';
import { logEventsByCase } from './log-events.ts';
import { write, type ExportCounts } from './xes.ts';

const COLUMNS = ['case_id', 'activity', 'timestamp', 'lifecycle', 'resource', 'object_type', 'object_id'] as const;

/** One CSV cell of any value (null is empty), quoted when it must be and formula-safe (csv-cell.ts). */
export function safeCell(value: unknown): string {
  return value === null || value === undefined ? '' : csvCell(String(value));
}

export async function writeEventCsv(db: Database, view: EventLogView, path: string): Promise<ExportCounts> {
  const out = createWriteStream(path, 'utf8');
  let cases = 0;
  let events = 0;
  try {
    await write(out, `${COLUMNS.join(',')}\n`);
    for await (const trace of logEventsByCase(db, view)) {
      cases++;
      events += trace.length;
      await write(out, trace.map((e) => `${COLUMNS.map((c) => safeCell(e[c])).join(',')}\n`).join(''));
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { cases, events };
}
