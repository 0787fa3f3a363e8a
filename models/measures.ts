/**
 * The LTC measures (docs/measures.md) for one period: conversion rate, sales cycle, order processing,
 * collection and lead-to-cash time.
 */
import type { Database } from './db/database.ts';
import {
  assertMoment, periodBounds, filterParam, windowDays, type Bounds, type PeriodOptions, type SegmentKey, type Segments,
} from './period.ts';
import { sqlFile } from './sql-files.ts';

export type MeasureId =
  | 'lead_conversion_rate' | 'sales_cycle_days' | 'order_processing_days' | 'collection_days' | 'lead_to_cash_days';

export interface MeasureInfo {
  readonly id: MeasureId;
  readonly label: string;
  readonly label_zh: string;
  readonly unit: 'ratio' | 'days';
  readonly better: 'higher' | 'lower';
}

export const MEASURES: readonly MeasureInfo[] = [
  { id: 'lead_conversion_rate', label: 'Lead conversion rate', label_zh: '客户转化率', unit: 'ratio', better: 'higher' },
  { id: 'sales_cycle_days', label: 'Sales cycle', label_zh: '销售周期', unit: 'days', better: 'lower' },
  { id: 'order_processing_days', label: 'Order processing time', label_zh: '订单处理时间', unit: 'days', better: 'lower' },
  { id: 'collection_days', label: 'Collection period', label_zh: '平均收款周期', unit: 'days', better: 'lower' },
  { id: 'lead_to_cash_days', label: 'Lead-to-cash time', label_zh: '线索到回款周期', unit: 'days', better: 'lower' },
];

export interface MeasureValue extends MeasureInfo {
  /** the headline: the rate, or the mean of a duration; null when nothing was completed */
  readonly value: number | null;
  readonly n: number;
  readonly count: number | null;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly censored: number;
  readonly available: boolean;
  /** why a measure is unavailable or how it was measured differently, in English and Chinese */
  readonly note?: string;
  readonly note_zh?: string;
}

export interface DataFacts {
  readonly data_end: string | null;
  readonly leads: number;
  readonly qualified_leads: number;
  readonly opportunities: number;
  readonly quotes: number;
  readonly orders: number;
  readonly deliveries: number;
  readonly invoices: number;
  readonly payments: number;
  readonly accounts: number;
  readonly events: number;
}

export async function dataFacts(db: Database): Promise<DataFacts> {
  const [facts] = await db.query<Record<string, unknown>>(
    `SELECT strftime(data_end, '%Y-%m-%dT%H:%M:%S') AS data_end, * EXCLUDE (data_end) FROM model.facts`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(facts)) out[k] = k === 'data_end' ? v : Number(v);
  return out as unknown as DataFacts;
}

/** as_of as a SQL timestamp: the override, else data_end. */
export function asOfMoment(facts: DataFacts, options: PeriodOptions): string | null {
  if (options.asOf) {
    assertMoment(options.asOf, '--as-of');
    return options.asOf.length === 10 ? `${options.asOf} 23:59:59.999999` : options.asOf;
  }
  return facts.data_end;
}

export type DurationMeasureId = Exclude<MeasureId, 'lead_conversion_rate'>;

/** The items query of each duration measure (models/sql/measures/): start_at, end_at (NULL when open), the case's segment keys. */
export const DURATION_ITEMS: Readonly<Record<DurationMeasureId, string>> = {
  sales_cycle_days: 'sales-cycle.sql',
  order_processing_days: 'order-processing.sql',
  collection_days: 'collection.sql',
  lead_to_cash_days: 'lead-to-cash.sql',
};

export async function computeMeasures(
  db: Database, facts: DataFacts, bounds: Bounds, asOf: string | null, window: number, segments: Segments = {},
): Promise<MeasureValue[]> {
  const results: MeasureValue[] = [];
  for (const m of MEASURES) results.push(await measureValue(db, facts, m.id, bounds, asOf, window, segments));
  return results;
}

/** One measure (docs/measures.md) for one period (computeMeasures asks each in turn). */
export async function measureValue(
  db: Database, facts: DataFacts, id: MeasureId, bounds: Bounds, asOf: string | null, window: number, segments: Segments = {},
): Promise<MeasureValue> {
  return (await measureStrata(db, facts, id, bounds, asOf, window, segments, null))(null);
}

/** A measure's value per stratum (a value of the segment key); null is every item together when not grouped. */
export type StratumValues = (stratum: string | null) => MeasureValue;

/**
 * Every measure of one period within each value of segment key `by` (the strata of the mix
 * comparison, docs/statistics.md): one grouped query per measure instead of one per measure and stratum.
 */
export async function measuresByStratum(
  db: Database, facts: DataFacts, bounds: Bounds, asOf: string | null, window: number, segments: Segments, by: SegmentKey,
): Promise<StratumValues[]> {
  const results: StratumValues[] = [];
  for (const m of MEASURES) results.push(await measureStrata(db, facts, m.id, bounds, asOf, window, segments, by));
  return results;
}

async function measureStrata(
  db: Database, facts: DataFacts, id: MeasureId, bounds: Bounds, asOf: string | null, window: number, segments: Segments,
  by: SegmentKey | null,
): Promise<StratumValues> {
  const info = MEASURES.find((m) => m.id === id)!;
  const missing = (note: string, note_zh: string): StratumValues => () => unavailable(info, note, note_zh);
  if (asOf === null) return missing('no data loaded', '尚未导入数据');
  const params = { ...measureParams(facts, bounds, asOf, window, segments), by };
  switch (id) {
    case 'lead_conversion_rate':
      return facts.leads > 0 ? conversion(db, info, params) : missing('needs leads', '需要线索数据');
    case 'sales_cycle_days':
      return facts.leads > 0 && facts.orders > 0
        ? duration(db, info, params)
        : missing('needs leads and orders', '需要线索和订单数据');
    case 'order_processing_days': {
      if (facts.orders === 0 || (facts.deliveries === 0 && facts.invoices === 0)) {
        return missing('needs orders with deliveries (or invoices)', '需要订单及其发货（或发票）数据');
      }
      const processing = await duration(db, info, params);
      return params.basis === 'invoice'
        ? (stratum) => ({
          ...processing(stratum),
          note: 'no deliveries loaded: measured to the first invoice instead of the last delivery',
          note_zh: '未导入发货数据：按首张发票而非最后一次发货计算',
        })
        : processing;
    }
    case 'collection_days':
      return facts.invoices > 0
        ? duration(db, info, params)
        : missing('needs invoices (payments alone cannot date an invoice)', '需要发票数据（仅有回款无法确定开票时间）');
    case 'lead_to_cash_days':
      return facts.leads > 0 && facts.orders > 0 && facts.payments > 0
        ? duration(db, info, params)
        : missing('needs leads, orders and payments', '需要线索、订单和回款数据');
  }
}

/**
 * The completed items of a duration measure in one period, as days, ascending: exactly the items
 * computeMeasures summarises (same query, filters, window and censoring), for the tests of docs/statistics.md.
 * Call it only for a measure computeMeasures reported as available.
 */
export async function durationDays(
  db: Database, facts: DataFacts, id: DurationMeasureId, bounds: Bounds, asOf: string, window: number, segments: Segments = {},
): Promise<Float64Array> {
  const sql = `WITH items AS (${sqlFile(`measures/${DURATION_ITEMS[id]}`)})\n${sqlFile('measures/duration-days.sql')}`;
  const [row] = await db.query<{ days: number[] }>(sql, used(sql, measureParams(facts, bounds, asOf, window, segments)));
  return Float64Array.from(row.days).sort();
}

/** The measures (docs/measures.md) for one period, with data_end and the window. */
export async function kpis(db: Database, options: PeriodOptions = {}) {
  const facts = await dataFacts(db);
  const window = windowDays(options);
  const measures = await computeMeasures(db, facts, periodBounds(options), asOfMoment(facts, options), window, options.segments);
  return { data_end: facts.data_end, window_days: window, kpis: measures };
}

type SqlParams = Record<string, string | number | null>;

/** Every parameter a measure query may name; order processing ends at the last delivery, or the first invoice without deliveries. */
function measureParams(facts: DataFacts, bounds: Bounds, asOf: string, window: number, segments: Segments) {
  return {
    from: bounds.from, to: bounds.to, as_of: asOf, window, ...filterParam({ segments }),
    basis: facts.deliveries > 0 ? 'delivery' : 'invoice',
  };
}

async function conversion(db: Database, info: MeasureInfo, params: SqlParams): Promise<StratumValues> {
  const sql = sqlFile('measures/lead-conversion.sql');
  const rows = await db.query<{ stratum: string | null; n: number; count: number; censored: number }>(sql, used(sql, params));
  const byStratum = new Map(rows.map((row) => {
    const n = Number(row.n);
    const count = Number(row.count);
    const value: MeasureValue = {
      ...info, value: n > 0 ? count / n : null, n, count, mean: null, median: null, p90: null,
      censored: Number(row.censored), available: true,
    };
    return [row.stratum, value];
  }));
  return (stratum) => byStratum.get(stratum) ?? noItems(info, 0);
}

async function duration(db: Database, info: MeasureInfo, params: SqlParams): Promise<StratumValues> {
  const items = sqlFile(`measures/${DURATION_ITEMS[info.id as DurationMeasureId]}`);
  const sql = `WITH items AS (${items})\n${sqlFile('measures/duration-summary.sql')}`;
  const rows = await db.query<{ stratum: string | null; n: number; mean: number | null; median: number | null; p90: number | null; censored: number }>(
    sql, used(sql, params));
  const byStratum = new Map(rows.map((row) => {
    const value: MeasureValue = {
      ...info, value: row.mean, n: Number(row.n), count: null, mean: row.mean, median: row.median, p90: row.p90,
      censored: Number(row.censored), available: true,
    };
    return [row.stratum, value];
  }));
  return (stratum) => byStratum.get(stratum) ?? noItems(info, null);
}

/** A stratum (or period) without items: nothing to measure, the measure still available. */
function noItems(info: MeasureInfo, count: 0 | null): MeasureValue {
  return { ...info, value: null, n: 0, count, mean: null, median: null, p90: null, censored: 0, available: true };
}

function unavailable(info: MeasureInfo, note: string, note_zh: string): MeasureValue {
  return { ...info, value: null, n: 0, count: null, mean: null, median: null, p90: null, censored: 0, available: false, note, note_zh };
}

/** Only the parameters the statement names ($name); DuckDB refuses unused ones. */
function used(sql: string, params: SqlParams): SqlParams {
  const out: SqlParams = {};
  for (const [k, v] of Object.entries(params)) if (new RegExp(`\\$${k}\\b`).test(sql)) out[k] = v;
  return out;
}
