/**
 * Trends of the measures (docs/measures.md): each measure per calendar month (or quarter) of its start event,
 * with the same fields as `kpis`. A period's point equals `kpis --from <its first day> --to <its
 * last day>`: the items come from the measures' own queries, grouped by period in one query per
 * measure.
 */
import type { Database } from './db/database.ts';
import { momentLabel } from './dso.ts';
import { measureInfo, measureSpec } from './measure-catalog.ts';
import {
  asOfMoment, computeMeasures, dataFacts, measureParams, summaryFigures, summarySql, used, type MeasureFigures, type MeasureId, type MeasureInfo, type MeasureValue,
} from './measures.ts';
import { nextDay, periodBounds, windowDays, type PeriodOptions } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

export type TrendGranularity = 'month' | 'quarter';

export interface TrendOptions extends PeriodOptions {
  /** calendar month (default) or quarter */
  readonly by?: TrendGranularity;
}

export interface TrendPeriod {
  /** `2025-01` by month, `2025-Q1` by quarter */
  readonly period: string;
  /** the days it covers, YYYY-MM-DD inclusive: the calendar period clipped to --from/--to */
  readonly first_day: string;
  readonly last_day: string;
  /** clipped by --from/--to, or not over at as_of */
  readonly partial: boolean;
}

export interface TrendPoint extends MeasureFigures {
  readonly period: string;
}

export interface TrendSeries extends MeasureInfo {
  readonly available: boolean;
  readonly note?: string;
  readonly note_zh?: string;
  /** the measure over the whole range, as `kpis` gives it */
  readonly total: TrendPoint;
  /** one point per entry of `periods`, in the same order */
  readonly points: TrendPoint[];
}

export interface TrendsResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  readonly window_days: number;
  readonly by: TrendGranularity;
  readonly periods: TrendPeriod[];
  readonly measures: TrendSeries[];
}

/**
 * The calendar period ($by = 'month' or 'quarter') of an item's start, as its first day. Dates are naive
 * UTC timestamps, so the period of an item never depends on the machine's timezone.
 */
const PERIOD = "strftime(date_trunc($by, start_at), '%Y-%m-%d')";

export async function trends(db: Database, options: TrendOptions = {}): Promise<TrendsResult> {
  const by = options.by ?? 'month';
  if (by !== 'month' && by !== 'quarter') throw new UsageError(sayAll(ANALYSIS_ERRORS, 'byMonthOrQuarter', { value: String(by) }));
  const facts = await dataFacts(db);
  const window = windowDays(options);
  const bounds = periodBounds(options);
  const asOf = asOfMoment(facts, options);
  const totals = await computeMeasures(db, facts, bounds, asOf, window, options.segments);

  const params: SqlParams = { by, ...measureParams(facts, bounds, asOf ?? '-infinity', window, options.segments ?? {}) };
  const grouped = new Map<MeasureId, Map<string, Record<string, unknown>>>();
  for (const total of totals) {
    if (!total.available) continue;
    const sql = summarySql(measureSpec(total.id), PERIOD);
    const rows = await db.query<Record<string, unknown>>(sql, used(sql, params));
    grouped.set(total.id, new Map(rows.map((r) => [String(r.grp), r])));
  }

  // From the first period with a start event (within --from) to the period of --to or as_of.
  const first = [...grouped.values()].flatMap((rows) => [...rows.keys()]).sort()[0];
  const lastDay = asOf === null ? undefined : minDate(options.to, asOf.slice(0, 10));
  const periods: (TrendPeriod & { start: string })[] = [];
  for (let start = first; start !== undefined && lastDay !== undefined && start <= lastDay; start = nextPeriod(start, by)) {
    const end = previousDay(nextPeriod(start, by));
    const firstDay = options.from && options.from > start ? options.from : start;
    const lastOfPeriod = options.to && options.to < end ? options.to : end;
    periods.push({
      start, period: periodLabel(start, by), first_day: firstDay, last_day: lastOfPeriod,
      partial: firstDay !== start || lastOfPeriod !== end || momentLabel(asOf)! < `${nextDay(end)}T00:00:00`,
    });
  }

  return {
    data_end: facts.data_end,
    as_of: momentLabel(asOf),
    window_days: window,
    by,
    periods: periods.map(({ start: _, ...p }) => p),
    measures: totals.map((total): TrendSeries => ({
      ...measureInfo(total),
      available: total.available,
      ...(total.note ? { note: total.note, note_zh: total.note_zh } : {}),
      total: { period: 'total', ...summary(total) },
      points: periods.map((p) => ({ period: p.period, ...point(total, grouped.get(total.id)?.get(p.start)) })),
    })),
  };
}

type SqlParams = Record<string, string | number | null>;
type Summary = MeasureFigures;

function summary(m: MeasureValue): Summary {
  return { value: m.value, n: m.n, count: m.count, mean: m.mean, median: m.median, p90: m.p90, censored: m.censored, excluded: m.excluded, thin: m.thin };
}

/** A period's figures in the shape `kpis` gives them, also for a period without items. */
function point(measure: MeasureValue, row: Record<string, unknown> | undefined): Summary {
  if (!measure.available) return { value: null, n: 0, count: null, mean: null, median: null, p90: null, censored: 0, excluded: 0, thin: false };
  return summaryFigures(measure.unit, row);
}

function nextPeriod(start: string, by: TrendGranularity): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + (by === 'quarter' ? 3 : 1));
  return d.toISOString().slice(0, 10);
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function periodLabel(start: string, by: TrendGranularity): string {
  return by === 'quarter' ? `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}` : start.slice(0, 7);
}

function minDate(a: string | undefined, b: string): string {
  return a !== undefined && a < b ? a : b;
}
