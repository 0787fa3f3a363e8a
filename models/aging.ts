/**
 * Receivables aging at any moment: the invoices open then, by days past due (models/sql/aging.sql).
 */
import type { Database } from './db/database.ts';
import type { DayBucket } from './day-buckets.ts';
import { cents, momentLabel } from './dso.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { filterParam, type PeriodOptions } from './period.ts';
import { sayAll } from './messages/catalogue.ts';
import { AGING_BUCKET_LABELS, RECEIVABLES_NOTES } from './messages/receivables.ts';
import { sqlFile } from './sql-files.ts';
import { fieldPair } from './words.ts';

/** An invoice without due_at is taken as due this many days after issue (net 30). */
export const DEFAULT_TERMS_DAYS = 30;

export type AgingBucketId = 'current' | '1-30' | '31-60' | '61-90' | '90+';

/** Whole days past due covered, inclusive. */
export const AGING_BUCKETS: readonly DayBucket<AgingBucketId>[] = ([
  { id: 'current', min_days: null, max_days: 0 },
  { id: '1-30', min_days: 1, max_days: 30 },
  { id: '31-60', min_days: 31, max_days: 60 },
  { id: '61-90', min_days: 61, max_days: 90 },
  { id: '90+', min_days: 91, max_days: null },
] as const).map(({ id, min_days, max_days }) => ({ id, ...fieldPair('label', sayAll(AGING_BUCKET_LABELS, id)), min_days, max_days }));

export interface AgingBucket extends DayBucket<AgingBucketId> {
  /** open invoices in the bucket and what is left of them */
  readonly count: number;
  readonly open_amount: number;
  /** of them, invoices without due_at (aged from issue + terms_days) */
  readonly no_due_date: number;
}

export interface AgingResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  readonly available: boolean;
  readonly note?: string;
  readonly note_zh?: string;
  /** the terms assumed where an invoice has no due date */
  readonly terms_days: number;
  /** open invoices without due_at (all buckets) */
  readonly no_due_date: number;
  readonly buckets: AgingBucket[];
  readonly overdue: { readonly count: number; readonly open_amount: number };
  readonly total: { readonly count: number; readonly open_amount: number };
}

/** Open receivables at as_of (--as-of, else data_end) in the buckets of AGING_BUCKETS. */
export async function aging(db: Database, options: PeriodOptions = {}): Promise<AgingResult> {
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const rows = asOf === null || facts.invoices === 0
    ? []
    : await db.query<{ bucket: string; count: unknown; open_amount: unknown; no_due_date: unknown }>(
      sqlFile('aging.sql'), { as_of: asOf, terms_days: DEFAULT_TERMS_DAYS, ...filterParam(options) });
  const buckets = AGING_BUCKETS.map((b): AgingBucket => {
    const row = rows.find((r) => r.bucket === b.id);
    return { ...b, count: Number(row?.count ?? 0), open_amount: cents(Number(row?.open_amount ?? 0)), no_due_date: Number(row?.no_due_date ?? 0) };
  });
  const sum = (list: AgingBucket[]) => ({
    count: list.reduce((s, b) => s + b.count, 0),
    open_amount: cents(list.reduce((s, b) => s + b.open_amount, 0)),
  });
  return {
    data_end: facts.data_end,
    as_of: momentLabel(asOf),
    available: facts.invoices > 0,
    ...(facts.invoices > 0 ? {} : fieldPair('note', sayAll(RECEIVABLES_NOTES, 'aging_needs_invoices'))),
    terms_days: DEFAULT_TERMS_DAYS,
    no_due_date: buckets.reduce((s, b) => s + b.no_due_date, 0),
    buckets,
    overdue: sum(buckets.filter((b) => b.id !== 'current')),
    total: sum(buckets),
  };
}
