/**
 * The two periods of a before/after comparison (docs/statistics.md): a cut-over date C (before: start events
 * before C; after: from C on, optionally leaving out a transition window of N days after C), or two
 * explicit date ranges. Dates are whole days, both ends of a range included.
 */
import { assertDate, nextDay, type Bounds } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

export interface ComparePeriodOptions {
  /** YYYY-MM-DD */
  readonly cutover?: string;
  /** FROM..TO, both YYYY-MM-DD and included; with `after`, instead of a cut-over */
  readonly before?: string;
  readonly after?: string;
  /** a transition window: items starting within this many days from the cut-over are not "after" */
  readonly excludeDays?: number | string;
}

/** A period as inclusive dates; null is an open end. */
export interface DateRange {
  readonly from: string | null;
  readonly to: string | null;
}

export interface ComparePeriods {
  readonly cutover: string | null;
  readonly exclude_days: number;
  readonly before: DateRange;
  readonly after: DateRange;
  readonly bounds: { readonly before: Bounds; readonly after: Bounds };
}

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export function comparePeriods(options: ComparePeriodOptions): ComparePeriods {
  const excludeDays = parseExcludeDays(options.excludeDays);
  const ranges = Boolean(options.before || options.after);
  if (ranges && options.cutover) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'cutoverOrRanges'));
  if (!ranges) {
    if (!options.cutover) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'cutoverRequired'));
    assertDate(options.cutover, '--cutover');
    const afterFrom = addDays(options.cutover, excludeDays);
    return {
      cutover: options.cutover,
      exclude_days: excludeDays,
      before: { from: null, to: addDays(options.cutover, -1) },
      after: { from: afterFrom, to: null },
      bounds: {
        before: { from: '-infinity', to: `${options.cutover} 00:00:00` },
        after: { from: `${afterFrom} 00:00:00`, to: 'infinity' },
      },
    };
  }
  if (!options.before || !options.after) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'beforeAfterTogether'));
  if (excludeDays > 0) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'excludeDaysWithRanges'));
  const before = parseRange(options.before, '--before');
  const after = parseRange(options.after, '--after');
  if (before.to >= after.from) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'rangesOverlap', { before: options.before, after: options.after }));
  return {
    cutover: null,
    exclude_days: 0,
    before,
    after,
    bounds: { before: rangeBounds(before), after: rangeBounds(after) },
  };
}

function parseExcludeDays(value: number | string | undefined): number {
  if (value === undefined || value === '') return 0;
  const days = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    throw new UsageError(sayAll(ANALYSIS_ERRORS, 'excludeDays', { value: String(value) }));
  }
  return days;
}

function parseRange(text: string, option: string): { from: string; to: string } {
  const match = RANGE.exec(text);
  if (!match) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'dateRange', { name: option, value: text }));
  const [, from, to] = match;
  assertDate(from, option);
  assertDate(to, option);
  if (from > to) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'dateRangeOrder', { name: option, value: text }));
  return { from, to };
}

function rangeBounds(range: { from: string; to: string }): Bounds {
  return { from: `${range.from} 00:00:00`, to: `${nextDay(range.to)} 00:00:00` };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
