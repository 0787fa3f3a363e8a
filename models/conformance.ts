/**
 * Conformance of the LTC cases to the reference order (docs/process-mining.md), as rates per period:
 * - out_of_order: cases with an invoice issued before its order's first delivery, or money received
 *   before the invoice it paid was issued ÷ cases with an invoice;
 * - skipped_steps: cases that reached a step of the reference order without an earlier one ÷ cases
 *   (steps whose table is not loaded are not expected; details say which step was skipped);
 * - rework: cases with a repeated quote, a delivery in parts or an invoice paid in instalments ÷
 *   cases that reached a quote, a delivery or an invoice;
 * - late_payment: invoices paid after due_at, or unpaid with due_at passed at as_of ÷ invoices with
 *   a due date whose outcome is known (open invoices not yet due are censored).
 * Case checks belong to the period of the case's first event, late payment to the invoice's issue;
 * --as-of is the moment late payment is judged at.
 * The definitions are the SQL of models/sql/conformance.sql; it reads the LTC event log.
 */
import type { Database } from './db/database.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { filterParam, periodBounds, type PeriodOptions } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sqlFile } from './sql-files.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

export const REFERENCE_ORDER = ['Lead created', 'Lead qualified', 'Opportunity created', 'Quote sent', 'Order created',
  'Delivered', 'Invoice issued', 'Fully paid'] as const;

export type CheckId = 'out_of_order' | 'skipped_steps' | 'rework' | 'late_payment';

const CHECKS: readonly { id: CheckId; unit: 'case' | 'invoice'; details: readonly string[] }[] = [
  { id: 'out_of_order', unit: 'case', details: ['invoice_before_delivery', 'payment_before_invoice'] },
  { id: 'skipped_steps', unit: 'case', details: [] },
  { id: 'rework', unit: 'case', details: ['repeated_quotes', 'partial_deliveries', 'instalment_payments'] },
  { id: 'late_payment', unit: 'invoice', details: [] },
];

export interface ConformanceCheck {
  readonly id: CheckId;
  /** what is counted: cases, or invoices for late_payment */
  readonly unit: 'case' | 'invoice';
  /** items that broke the rule */
  readonly count: number;
  /** items the rule applies to */
  readonly n: number;
  /** count ÷ n; null when n = 0 */
  readonly rate: number | null;
  /** items whose outcome is not known yet (late_payment: unpaid, not yet due) */
  readonly censored: number;
  /** how the count splits (a case can fall in several): per kind, or per skipped step */
  readonly details: Record<string, number>;
}

export interface ConformancePeriod {
  /** YYYY-MM or YYYY-Qn */
  readonly period: string;
  readonly checks: ConformanceCheck[];
}

export interface ConformanceResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  readonly log: 'ltc';
  readonly reference: readonly string[];
  readonly by: 'month' | 'quarter';
  /** the whole selection */
  readonly checks: ConformanceCheck[];
  readonly periods: ConformancePeriod[];
}

export interface ConformanceOptions extends PeriodOptions {
  readonly by?: string;
}

interface Row {
  month: string;
  id: CheckId | 'skipped_step';
  step: string | null;
  count: number;
  n: number;
  censored: number;
  d1: number;
  d2: number;
  d3: number;
}

export async function conformance(db: Database, options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const by = options.by ?? 'month';
  if (by !== 'month' && by !== 'quarter') throw new UsageError(sayAll(ANALYSIS_ERRORS, 'byMonthOrQuarter', { value: String(by) }));
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const rows = asOf === null ? [] : await db.query<Row>(sqlFile('conformance.sql'),
    { ...periodBounds(options), as_of: asOf, ...filterParam(options) });
  const periodOf = (month: string) => by === 'month' ? month : `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  const periods = [...new Set(rows.map((r) => periodOf(r.month)))].sort();
  return {
    data_end: facts.data_end,
    as_of: asOf === null ? null : asOf.replace(' ', 'T').slice(0, 19),
    log: 'ltc',
    reference: REFERENCE_ORDER,
    by,
    checks: summarize(rows),
    periods: periods.map((period) => ({ period, checks: summarize(rows.filter((r) => periodOf(r.month) === period)) })),
  };
}

function summarize(rows: readonly Row[]): ConformanceCheck[] {
  return CHECKS.map(({ id, unit, details: names }) => {
    const mine = rows.filter((r) => r.id === id);
    const sum = (pick: (r: Row) => number) => mine.reduce((s, r) => s + Number(pick(r)), 0);
    const count = sum((r) => r.count);
    const n = sum((r) => r.n);
    const details: Record<string, number> = {};
    if (id === 'skipped_steps') {
      for (const r of rows) if (r.id === 'skipped_step' && r.step) details[r.step] = (details[r.step] ?? 0) + Number(r.count);
    } else {
      names.forEach((name, i) => { details[name] = sum((r) => [r.d1, r.d2, r.d3][i]); });
    }
    return { id, unit, count, n, rate: n > 0 ? count / n : null, censored: sum((r) => r.censored), details };
  });
}
