/** One door to the event-log exports (`ltc export`, GET /api/export: docs/process-mining.md). */
import { EVENT_LOG, PERIOD_NO_WINDOW, text } from '../analysis/params.ts';
import type { Database } from '../db/database.ts';
import { eventLogView, type EventLogOptions } from '../event-log.ts';
import { filterParam } from '../period.ts';
import { NothingSelected, UsageError } from '../analysis/errors.ts';
import { writeEventCsv } from './csv.ts';
import { writeOcel } from './ocel.ts';
import { writeXes } from './xes.ts';
import { sayAll } from '../messages/catalogue.ts';
import { EXPORT_ERRORS } from '../messages/workspace-errors.ts';

export const EXPORT_FORMATS = {
  xes: { write: writeXes, extension: 'xes', contentType: 'application/xml; charset=utf-8' },
  ocel: { write: writeOcel, extension: 'jsonocel', contentType: 'application/json; charset=utf-8' },
  csv: { write: writeEventCsv, extension: 'csv', contentType: 'text/csv; charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The export's parameters (`ltc export`, GET /api/export): the format, the log, its period and filters. */
export const EXPORT_PARAMS = {
  ...PERIOD_NO_WINDOW,
  log: EVENT_LOG,
  format: text('xes|ocel|csv', 'XES, OCEL 2.0 JSON or CSV'),
} as const;

export function exportFormat(value: string | null | undefined): ExportFormat {
  // Own keys only: `in` would also find toString, constructor, __proto__ …
  if (!value || !Object.hasOwn(EXPORT_FORMATS, value)) throw new UsageError(value ? sayAll(EXPORT_ERRORS, 'formatNot', { value }) : sayAll(EXPORT_ERRORS, 'format'));
  return value as ExportFormat;
}

export interface ExportResult {
  readonly log: string;
  readonly cases: number;
  readonly events: number;
  /** filters given that do not apply to this log */
  readonly filters_ignored: string[];
}

/** Writes the chosen log to path; refuses an empty log (nothing is written then). */
export async function exportEventLog(db: Database, format: ExportFormat, path: string, options: EventLogOptions = {}): Promise<ExportResult> {
  const view = await eventLogView(db, options);
  const counts = await EXPORT_FORMATS[format].write(db, view, path);
  if (counts.events === 0) {
    const filtered = Boolean(options.from || options.to) || filterParam(options).filter !== '{}';
    throw new NothingSelected(sayAll(EXPORT_ERRORS, filtered ? 'noEventsMatch' : 'logEmpty'));
  }
  return { log: view.log, cases: counts.cases, events: counts.events, filters_ignored: view.ignored };
}
