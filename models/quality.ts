/**
 * Data quality (docs/quality.md): the records whose numbers cannot be right — timelines that run
 * backwards, absurd durations, dates in the future or before 1990, invoices paid more than their
 * amount — each check with its count and its first offending records. A report of the whole
 * workspace: the period and segment filters do not apply.
 */
import type { Database } from './db/database.ts';
import { UsageError } from './analysis/errors.ts';
import {
  ABSURD_DAYS, EARLIEST_PLAUSIBLE, QUALITY_CHECKS, type QualityCheckCode, type QualityCheckInfo,
} from './quality-checks.ts';
import { sqlFile } from './sql-files.ts';
import { sayAll } from './messages/catalogue.ts';
import { PARAM_ERRORS } from './messages/errors.ts';

export { QUALITY_CHECKS, type QualityCheckCode, type QualityCheckInfo } from './quality-checks.ts';

/** Offending records listed per check unless asked otherwise, and the most one may ask for. */
export const QUALITY_EXAMPLES = 10;
export const QUALITY_EXAMPLES_MAX = 1000;

/** One offending record, and the record or moment it was checked against. */
export interface QualityExample {
  readonly table: string;
  readonly id: string;
  /** the case the record belongs to; null for a record stitched into none */
  readonly case_id: string | null;
  readonly field: string;
  /** a moment as YYYY-MM-DDTHH:MM:SS, or an amount with two decimals */
  readonly value: string;
  /** what it was checked against: a linked record's field (the import batch for dates in the future), or null */
  readonly other_table: string | null;
  readonly other_id: string | null;
  readonly other_field: string | null;
  readonly other_value: string | null;
  /** value − other_value: days (negative when backwards), or the amount paid beyond the invoice; null without other */
  readonly difference: number | null;
}

export interface QualityCheck extends QualityCheckInfo {
  /** offending records (for payment_before_invoice: payment–invoice pairs) */
  readonly count: number;
  /** the first of them, the furthest off first */
  readonly examples: QualityExample[];
}

export interface QualityResult {
  /** findings over all checks */
  readonly problems: number;
  /** checks with at least one finding */
  readonly failing_checks: number;
  /** the examples asked per check */
  readonly limit: number;
  readonly absurd_days: number;
  readonly earliest_plausible: string;
  readonly checks: QualityCheck[];
}

export interface QualityOptions {
  /** examples per check (default QUALITY_EXAMPLES, 0 for counts only); text as a query string gives it */
  readonly limit?: number | string;
}

interface FindingRow {
  code: QualityCheckCode;
  total: unknown;
  record_table: string;
  record_id: string;
  case_id: string | null;
  field: string;
  value: string;
  other_table: string | null;
  other_id: string | null;
  other_field: string | null;
  other_value: string | null;
  difference: unknown;
}

/** The queries and the parameters each one takes. */
const QUERIES: readonly [string, readonly ('limit' | 'absurd_days' | 'earliest')[]][] = [
  ['quality-timeline.sql', ['limit', 'absurd_days', 'earliest']],
  ['quality-dates.sql', ['limit', 'earliest']],
  ['quality-amounts.sql', ['limit']],
];

/** Every check of QUALITY_CHECKS over the whole workspace, zeros included, in their order. */
export async function quality(db: Database, options: QualityOptions = {}): Promise<QualityResult> {
  const limit = examplesLimit(options.limit);
  const params = { limit, absurd_days: ABSURD_DAYS, earliest: EARLIEST_PLAUSIBLE };
  const rows: FindingRow[] = [];
  for (const [file, names] of QUERIES) {
    rows.push(...await db.query<FindingRow>(sqlFile(file), Object.fromEntries(names.map((n) => [n, params[n]]))));
  }
  const checks = QUALITY_CHECKS.map((info): QualityCheck => {
    const found = rows.filter((r) => r.code === info.code);
    return {
      ...info,
      count: found.length ? Number(found[0].total) : 0,
      examples: found.slice(0, limit).map(example),
    };
  });
  return {
    problems: checks.reduce((sum, c) => sum + c.count, 0),
    failing_checks: checks.filter((c) => c.count > 0).length,
    limit, absurd_days: ABSURD_DAYS, earliest_plausible: EARLIEST_PLAUSIBLE, checks,
  };
}

function example(r: FindingRow): QualityExample {
  return {
    table: r.record_table, id: r.record_id, case_id: r.case_id, field: r.field, value: r.value,
    other_table: r.other_table, other_id: r.other_id, other_field: r.other_field, other_value: r.other_value,
    difference: r.difference === null || r.difference === undefined ? null : Number(r.difference),
  };
}

/** The examples per check asked for: a whole number from 0 to QUALITY_EXAMPLES_MAX. */
export function examplesLimit(value: number | string | undefined): number {
  if (value === undefined || value === '') return QUALITY_EXAMPLES;
  const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > QUALITY_EXAMPLES_MAX) {
    throw new UsageError(sayAll(PARAM_ERRORS, 'wholeNumberInRange', { name: 'limit', min: '0', max: String(QUALITY_EXAMPLES_MAX), value: String(value) }));
  }
  return n;
}
