import { UsageError } from './analysis/errors.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS, PARAM_ERRORS } from './messages/errors.ts';

/**
 * The period a measure is computed for, as SQL parameters. Dates are whole days: `from` counts from
 * its midnight, `to` includes its whole day. Every measure is assigned to the period of its start
 * event (docs/measures.md).
 */
export interface PeriodOptions {
  /** YYYY-MM-DD, inclusive */
  readonly from?: string;
  /** YYYY-MM-DD, inclusive */
  readonly to?: string;
  /** overrides data_end (YYYY-MM-DD or a timestamp) */
  readonly asOf?: string;
  /** conversion window W in days, default 90 */
  readonly windowDays?: number;
  /** case segments to keep (the global filters, docs/api.md); absent keys keep every case */
  readonly segments?: Segments;
}

export const SEGMENT_KEYS = ['source', 'owner', 'region', 'segment'] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];
/** Segment filters; `attributes` holds filters on any extra column the data carries. */
export type Segments = Partial<Record<SegmentKey, string>> & { readonly attributes?: Readonly<Record<string, string>> };

/** The filters as the one JSON parameter `$filter` of the case filter macro (models/sql/macros.sql). */
export function filterParam(options: PeriodOptions): { filter: string } {
  const filter: Record<string, unknown> = {};
  for (const key of SEGMENT_KEYS) {
    const value = options.segments?.[key];
    if (value !== undefined && value !== '') filter[key] = value;
  }
  const attributes = Object.entries(options.segments?.attributes ?? {}).filter(([, v]) => v !== '');
  if (attributes.length) filter.attributes = Object.fromEntries(attributes);
  return { filter: JSON.stringify(filter) };
}

export const DEFAULT_WINDOW_DAYS = 90;

/** Bounds as SQL timestamps: start inclusive, end exclusive. */
export interface Bounds {
  readonly from: string;
  readonly to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** A YYYY-MM-DD that names a day of the calendar: Date.parse rolls 2025-02-30 over to March 2, DuckDB refuses it. */
function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

export function assertDate(value: string, option: string): void {
  if (!DATE.test(value) || !isCalendarDay(value)) {
    throw new UsageError(sayAll(PARAM_ERRORS, 'date', { name: option, value }));
  }
}

export function assertMoment(value: string, option: string): void {
  if (!(DATE.test(value) || TIMESTAMP.test(value)) || !isCalendarDay(value.slice(0, 10))
    || Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : `${value.replace(' ', 'T')}Z`))) {
    throw new UsageError(sayAll(PARAM_ERRORS, 'moment', { name: option, value }));
  }
}

export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function periodBounds(options: PeriodOptions): Bounds {
  if (options.from) assertDate(options.from, '--from');
  if (options.to) assertDate(options.to, '--to');
  return {
    from: options.from ? `${options.from} 00:00:00` : '-infinity',
    to: options.to ? `${nextDay(options.to)} 00:00:00` : 'infinity',
  };
}

export function windowDays(options: PeriodOptions): number {
  const w = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(w) || w < 1 || w > 3650) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'windowDays', { value: String(w) }));
  return w;
}
