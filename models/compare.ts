/**
 * Before/after (docs/statistics.md): every measure for the start events of two periods — before and after a
 * cut-over, or two explicit date ranges — the change, whether it is an improvement, and the
 * evidence: a p-value and a 95% confidence interval of the difference (models/compare-evidence.ts).
 * The values are quick and the evidence is not (every completed item of both periods, a bootstrap):
 * compareValues and compareEvidence give each on its own, for the Before/After page to show the
 * table first; compare gives both at once.
 */
import type { Database } from './db/database.ts';
import { itemsEvidence, notAvailable, rateEvidence, VALUE_TEST, type Evidence } from './compare-evidence.ts';
import { comparePeriods, type ComparePeriodOptions, type DateRange } from './compare-periods.ts';
import { measureInfo, MEASURES, type MeasureId } from './measure-catalog.ts';
import {
  asOfMoment, computeMeasures, dataFacts, itemValues, measurable, measureValue,
  type DataFacts, type MeasureInfo, type MeasureValue, type ValueMeasureId,
} from './measures.ts';
import { windowDays, type Bounds, type PeriodOptions, type Segments } from './period.ts';

/** A measure before and after, and the change (a row of the table without its evidence). */
export interface ComparedValues extends MeasureInfo {
  readonly before: MeasureValue;
  readonly after: MeasureValue;
  /** (after − before) ÷ before, as a fraction (−0.5 = −50%); null when before is 0 or missing */
  readonly change_pct: number | null;
  /** direction-aware: a lower duration or a higher rate is better; null when not comparable */
  readonly improved: boolean | null;
}

export interface Comparison extends ComparedValues, Evidence {}

export interface CompareOptions extends PeriodOptions, ComparePeriodOptions {}

interface CompareHead {
  /** null when two explicit ranges are compared */
  readonly cutover: string | null;
  readonly data_end: string | null;
  readonly window_days: number;
  readonly exclude_days: number;
  /** the two periods as inclusive dates (null: open end) */
  readonly periods: { readonly before: DateRange; readonly after: DateRange };
}

export interface CompareResult extends CompareHead {
  readonly kpis: Comparison[];
}

/** compare without the evidence. */
export interface CompareValuesResult extends CompareHead {
  readonly kpis: ComparedValues[];
}

/** The evidence of one row of compare, by its measure. */
export interface MeasureEvidence extends Evidence {
  readonly id: MeasureId;
}

/** compare's evidence without the values, in the order of compare's rows. */
export interface CompareEvidenceResult {
  readonly kpis: MeasureEvidence[];
}

/** The two periods of a comparison with what they are measured on, and every measure of each (compare and the mix). */
export async function periodMeasures(db: Database, options: CompareOptions) {
  const periods = comparePeriods(options);
  const facts = await dataFacts(db);
  const window = windowDays(options);
  const asOf = asOfMoment(facts, options);
  const { bounds } = periods;
  const before = await computeMeasures(db, facts, bounds.before, asOf, window, options.segments);
  const after = await computeMeasures(db, facts, bounds.after, asOf, window, options.segments);
  return { periods, facts, window, asOf, before, after };
}

type PeriodMeasures = Awaited<ReturnType<typeof periodMeasures>>;

/** Every measure before and after, the change, and the evidence of each. */
export async function compare(db: Database, options: CompareOptions): Promise<CompareResult> {
  const measured = await periodMeasures(db, options);
  const { periods, facts, asOf, window } = measured;
  const values = valuesOf(measured);
  const scope: Scope = { bounds: periods.bounds, asOf, window, segments: options.segments };
  const kpis: Comparison[] = [];
  for (const row of values.kpis) {
    const { before: b, after: a } = row;
    const evidence = b.unit === 'ratio'
      ? rateEvidence(b, a)
      : await valueComparison(db, facts, b.id as ValueMeasureId, b.available && a.available, scope);
    kpis.push({ ...row, ...evidence });
  }
  return { ...values, kpis };
}

/** compare's values and changes without the evidence: its quick part. */
export async function compareValues(db: Database, options: CompareOptions): Promise<CompareValuesResult> {
  return valuesOf(await periodMeasures(db, options));
}

/**
 * compare's evidence without the values: the same numbers, from the counts of the rates (measured
 * again, they are few) and the items of the durations and amounts.
 */
export async function compareEvidence(db: Database, options: CompareOptions): Promise<CompareEvidenceResult> {
  const periods = comparePeriods(options);
  const facts = await dataFacts(db);
  const window = windowDays(options);
  const asOf = asOfMoment(facts, options);
  const { bounds } = periods;
  const scope: Scope = { bounds, asOf, window, segments: options.segments };
  const kpis: MeasureEvidence[] = [];
  for (const { id, unit } of MEASURES) {
    const measured = (period: Bounds) => measureValue(db, facts, id, period, asOf, window, options.segments);
    const evidence = unit === 'ratio'
      ? rateEvidence(await measured(bounds.before), await measured(bounds.after))
      : await valueComparison(db, facts, id as ValueMeasureId, measurable(id, facts, asOf), scope);
    kpis.push({ id, ...evidence });
  }
  return { kpis };
}

function valuesOf({ periods, facts, window, before, after }: PeriodMeasures): CompareValuesResult {
  return {
    cutover: periods.cutover, data_end: facts.data_end, window_days: window, exclude_days: periods.exclude_days,
    periods: { before: periods.before, after: periods.after },
    kpis: before.map((b, i) => ({ ...measureInfo(b), before: b, after: after[i], ...changeOf(b, after[i]) })),
  };
}

/** The change after − before as a fraction of before, and whether it is an improvement (direction-aware). */
export function changeOf(before: MeasureValue, after: MeasureValue): { change_pct: number | null; improved: boolean | null } {
  const b = before.value;
  const a = after.value;
  return {
    change_pct: b !== null && a !== null && b !== 0 ? (a - b) / Math.abs(b) : null,
    improved: b === null || a === null || a === b
      ? (a === b && a !== null ? false : null)
      : before.better === 'higher' ? a > b : a < b,
  };
}

interface Scope {
  readonly bounds: { readonly before: Bounds; readonly after: Bounds };
  readonly asOf: string | null;
  readonly window: number;
  readonly segments?: Segments;
}

/**
 * Evidence on a duration (days) or an amount from the items' values of both periods; `available`:
 * the data gives the measure in both.
 */
async function valueComparison(db: Database, facts: DataFacts, id: ValueMeasureId, available: boolean, scope: Scope): Promise<Evidence> {
  const { asOf } = scope;
  if (!available || asOf === null) return notAvailable(VALUE_TEST);
  const values = (bounds: Bounds) => itemValues(db, facts, id, bounds, asOf, scope.window, scope.segments);
  return itemsEvidence(await values(scope.bounds.before), await values(scope.bounds.after));
}
