/**
 * The LTC measures (docs/measures.md) for one period: the lead, order and invoice measures and the
 * opportunity measures (win rate, opportunity cycle, deal value), as declared in models/measure-catalog.ts.
 */
import { readFileSync } from 'node:fs';
import type { Database } from './db/database.ts';
import {
  MEASURE_SPECS, MEASURE_UNITS, MEASURES, measureInfo, measureSpec, THIN_BELOW,
  type DurationMeasureId, type MeasureId, type MeasureInfo, type MeasureSpec, type MeasureUnit, type Note, type ValueMeasureId,
} from './measure-catalog.ts';
import {
  assertMoment, periodBounds, filterParam, windowDays, type Bounds, type PeriodOptions, type SegmentKey, type Segments,
} from './period.ts';
import { count as countOf } from './messages/format.ts';
import { sayAll } from './messages/catalogue.ts';
import { MEASURE_NOTES } from './messages/measure-notes.ts';
import { sqlFile } from './sql-files.ts';

export {
  MEASURES, THIN_BELOW, type DurationMeasureId, type MeasureId, type MeasureInfo, type MeasureUnit, type ValueMeasureId,
} from './measure-catalog.ts';

/** The figures of a measure over a group of items (a period, a stratum, a trend's point). */
export interface MeasureFigures {
  /** the headline: the rate, or the mean of a duration or amount; null when nothing was completed */
  readonly value: number | null;
  readonly n: number;
  readonly count: number | null;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  readonly censored: number;
  /** impossible items left out (a duration ending before it starts, a negative amount) */
  readonly excluded: number;
  /** a value from fewer than THIN_BELOW items: shown with a caution, never a headline on its own */
  readonly thin: boolean;
}

export interface MeasureValue extends MeasureInfo, MeasureFigures {
  /** items left out because the source makes their value constant (an order that is its own invoice) */
  readonly by_construction: number;
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

/** The items query of a measure (its file in models/sql/measures/, or the file its URL names). */
function itemsQuery(spec: MeasureSpec): string {
  return typeof spec.items === 'string' ? sqlFile(`measures/${spec.items}`) : readFileSync(spec.items, 'utf8');
}

/** The items of a measure as the CTE `items`, the items it marks by construction left out (see MeasureDeclaration). */
export function itemsCte(spec: MeasureSpec): string {
  return spec.byConstruction
    ? `WITH marked AS (${itemsQuery(spec)}),\nitems AS (SELECT * EXCLUDE (by_construction) FROM marked WHERE NOT by_construction)`
    : `WITH items AS (${itemsQuery(spec)})`;
}

/**
 * The summary of a measure's items by its unit (models/sql/measures/*-summary.sql), one row per value
 * `grp` of the SQL expression `key` over an item: a stratum of the mix, a calendar period of the trends.
 */
export function summarySql(spec: MeasureSpec, key: string): string {
  return `${itemsCte(spec)},\ngrouped AS (SELECT *, ${key} AS grp FROM items)\n${sqlFile(MEASURE_UNITS[spec.unit].summary)}`;
}

/** The stratum of an item: the value of segment key $by, NULL for all items when $by is NULL. */
const STRATUM = 'ltc_stratum(source, owner, region, segment, $by::VARCHAR)';

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
  const spec = measureSpec(id);
  if (asOf === null) return () => unavailable(spec, ...noteOf('no_data_loaded'));
  const missing = spec.needs(facts);
  if (missing) return () => unavailable(spec, ...missing);
  const params = { ...measureParams(facts, bounds, asOf, window, segments), by };
  const sql = summarySql(spec, STRATUM);
  const rows = await db.query<Record<string, unknown>>(sql, used(sql, params));
  const notes = await measureNotes(db, spec, facts, params);
  const byStratum = new Map(rows.map((row) => [row.grp as string | null, withNotes(summaryValue(spec, row), notes)]));
  return (stratum) => byStratum.get(stratum) ?? withNotes(summaryValue(spec, undefined), notes);
}

/** Whether the data gives a measure at all — something loaded, the tables it needs — as measureStrata decides before any query. */
export function measurable(id: MeasureId, facts: DataFacts, asOf: string | null): boolean {
  return asOf !== null && measureSpec(id).needs(facts) === null;
}

/** The figures of a group of items from its summary row (or none: no items), as kpis and trends give them. */
export function summaryFigures(unit: MeasureUnit, row: Record<string, unknown> | undefined): MeasureFigures {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const n = Number(row?.n ?? 0);
  const censored = Number(row?.censored ?? 0);
  const excluded = Number(row?.excluded ?? 0);
  if (unit === 'ratio') {
    const count = Number(row?.count ?? 0);
    const value = n > 0 ? count / n : null;
    return { value, n, count, mean: null, median: null, p90: null, censored, excluded, thin: value !== null && n < THIN_BELOW };
  }
  const mean = num(row?.mean);
  return { value: mean, n, count: null, mean, median: num(row?.median), p90: num(row?.p90), censored, excluded, thin: mean !== null && n < THIN_BELOW };
}

/** A measure's value from its summary row (or none: a period without items), thin and excluded marked. */
function summaryValue(spec: MeasureSpec, row: Record<string, unknown> | undefined): MeasureValue {
  const { value, n, count, mean, median, p90, censored, excluded, thin } = summaryFigures(spec.unit, row);
  return { ...measureInfo(spec), n, censored, excluded, by_construction: 0, available: true, value, count, mean, median, p90, thin };
}

/** The notes of a measure in this period: how it was measured, what it left out and why. */
async function measureNotes(
  db: Database, spec: MeasureSpec, facts: DataFacts, params: SqlParams,
): Promise<{ notes: Note[]; by_construction: number }> {
  const notes: Note[] = [];
  let byConstruction = 0;
  const measuredAs = spec.measuredAs?.(facts);
  if (measuredAs) notes.push(measuredAs);
  if (spec.byConstruction) {
    const sql = `WITH marked AS (${itemsQuery(spec)})\nSELECT count(*) FILTER (WHERE by_construction) AS n FROM marked`;
    const [row] = await db.query<{ n: number }>(sql, used(sql, params));
    byConstruction = Number(row.n);
    if (byConstruction > 0) notes.push(spec.byConstruction(byConstruction));
  }
  if (spec.opportunityItems) {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM opportunities WHERE created_at IS NULL');
    const undated = Number(row.n);
    if (undated > 0) {
      notes.push(noteOf('undated_opportunities', undated));
    }
  }
  return { notes, by_construction: byConstruction };
}

/** The value with its notes, and the impossible items it left out said in words. */
function withNotes(value: MeasureValue, { notes, by_construction }: { notes: Note[]; by_construction: number }): MeasureValue {
  const all: Note[] = [...notes];
  if (value.excluded > 0) {
    all.push(noteOf(value.unit === 'amount' ? 'negative_amounts' : 'end_before_start', value.excluded));
  }
  if (all.length === 0) return { ...value, by_construction };
  return { ...value, by_construction, note: all.map((n) => n[0]).join(MEASURE_NOTES.separator.en), note_zh: all.map((n) => n[1]).join(MEASURE_NOTES.separator.zh) };
}

/**
 * The completed items of a duration measure in one period, as days, ascending (an amount measure: its
 * values): exactly the items computeMeasures summarises (same query, filters, window and censoring), for
 * the tests of docs/statistics.md. Call it only for a measure computeMeasures reported as available.
 */
export async function itemValues(
  db: Database, facts: DataFacts, id: ValueMeasureId, bounds: Bounds, asOf: string, window: number, segments: Segments = {},
): Promise<Float64Array> {
  const spec = measureSpec(id);
  const values = MEASURE_UNITS[spec.unit].values;
  if (values === null) throw new Error(`${id} is a rate: its items have no values`);
  const sql = `${itemsCte(spec)}\n${sqlFile(values)}`;
  const [row] = await db.query<{ days: number[] }>(sql, used(sql, measureParams(facts, bounds, asOf, window, segments)));
  return Float64Array.from(row.days).sort();
}

/** itemValues of a duration measure, in days. */
export const durationDays = (
  db: Database, facts: DataFacts, id: DurationMeasureId, bounds: Bounds, asOf: string, window: number, segments: Segments = {},
): Promise<Float64Array> => itemValues(db, facts, id, bounds, asOf, window, segments);

/** The measures (docs/measures.md) for one period, with data_end and the window. */
export async function kpis(db: Database, options: PeriodOptions = {}) {
  const facts = await dataFacts(db);
  const window = windowDays(options);
  const measures = await computeMeasures(db, facts, periodBounds(options), asOfMoment(facts, options), window, options.segments);
  return { data_end: facts.data_end, window_days: window, thin_below: THIN_BELOW, kpis: measures };
}

type SqlParams = Record<string, string | number | null>;

/** Every parameter a measure query may name; order processing ends at the last delivery, or the first invoice without deliveries. */
export function measureParams(facts: DataFacts, bounds: Bounds, asOf: string, window: number, segments: Segments) {
  return {
    from: bounds.from, to: bounds.to, as_of: asOf, window, ...filterParam({ segments }),
    basis: facts.deliveries > 0 ? 'delivery' : 'invoice',
  };
}

/** A note of models/messages/measure-notes.ts, with the count it is about. */
function noteOf(code: Exclude<keyof typeof MEASURE_NOTES, 'separator'>, count?: number): Note {
  const { en, zh } = sayAll(MEASURE_NOTES, code, count === undefined ? {} : { count: countOf(count) });
  return [en, zh];
}

function unavailable(info: MeasureInfo, note: string, note_zh: string): MeasureValue {
  return {
    ...measureInfo(info),
    value: null, n: 0, count: null, mean: null, median: null, p90: null, censored: 0, excluded: 0, by_construction: 0,
    thin: false, available: false, note, note_zh,
  };
}

/** Only the parameters the statement names ($name); DuckDB refuses unused ones. */
export function used(sql: string, params: SqlParams): SqlParams {
  const out: SqlParams = {};
  for (const [k, v] of Object.entries(params)) if (new RegExp(`\\$${k}\\b`).test(sql)) out[k] = v;
  return out;
}

export { MEASURE_SPECS };
