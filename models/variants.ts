/**
 * Variants of the event log (docs/process-mining.md): the activity sequence of each case (ordered by timestamp,
 * ties by file order, all lifecycle events kept) with the number of cases and their mean and median
 * duration in seconds — pm4py's get_variants. Sorted by count desc, then lexicographically.
 */
import type { Database } from './db/database.ts';
import { eventLogView, onEventLog, type EventLogOptions } from './event-log.ts';
import { UsageError } from './analysis/errors.ts';
import { sqlFile } from './sql-files.ts';
import { sayAll } from './messages/catalogue.ts';
import { PARAM_ERRORS } from './messages/errors.ts';

export interface Variant {
  readonly activities: string[];
  readonly count: number;
  readonly median_seconds: number;
  readonly mean_seconds: number;
}

/** `ltc variants --json` and GET /api/variants (docs/api.md). */
export interface VariantsResult {
  /** the log read: events, ltc or ocel:<object type> */
  readonly log: string;
  readonly filters_ignored: string[];
  /** cases in the log (the variants' counts add up to it before --top) */
  readonly cases: number;
  readonly variants: Variant[];
}

export interface VariantsOptions extends EventLogOptions {
  /** keep only the N most frequent variants */
  readonly top?: number;
}

export async function variants(db: Database, options: VariantsOptions = {}): Promise<VariantsResult> {
  const { top } = options;
  if (top !== undefined && (!Number.isInteger(top) || top < 0)) throw new UsageError(sayAll(PARAM_ERRORS, 'wholeNumber', { name: 'top', value: String(top) }));
  const view = await eventLogView(db, options);
  const rows = await db.query<Variant>(...onEventLog(sqlFile('variants.sql'), view));
  const cases = rows.reduce((sum, v) => sum + v.count, 0);
  return { log: view.log, filters_ignored: view.ignored, cases, variants: top === undefined ? rows : rows.slice(0, top) };
}

/** Parses a --top / ?top= value: undefined when absent, else a whole number ≥ 0. */
export function parseTop(value: string | null | undefined, name = '--top'): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(sayAll(PARAM_ERRORS, 'wholeNumber', { name, value }));
  return Number(value);
}
