/**
 * Before/after (docs/statistics.md): every measure for the start events of two periods — before and after a
 * cut-over, or two explicit date ranges — the change, whether it is an improvement, and the
 * evidence: a p-value and a 95% confidence interval of the difference (models/compare-evidence.ts).
 */
import type { Database } from './db/database.ts';
import { durationEvidence, rateEvidence, type Evidence } from './compare-evidence.ts';
import { comparePeriods, type ComparePeriodOptions, type DateRange } from './compare-periods.ts';
import { measureInfo } from './measure-catalog.ts';
import {
  asOfMoment, computeMeasures, dataFacts, itemValues, type DataFacts, type MeasureInfo, type MeasureValue, type ValueMeasureId,
} from './measures.ts';
import { windowDays, type Bounds, type PeriodOptions, type Segments } from './period.ts';

export interface Comparison extends MeasureInfo, Evidence {
  readonly before: MeasureValue;
  readonly after: MeasureValue;
  /** (after − before) ÷ before, as a fraction (−0.5 = −50%); null when before is 0 or missing */
  readonly change_pct: number | null;
  /** direction-aware: a lower duration or a higher rate is better; null when not comparable */
  readonly improved: boolean | null;
}

export interface CompareOptions extends PeriodOptions, ComparePeriodOptions {}

export interface CompareResult {
  /** null when two explicit ranges are compared */
  readonly cutover: string | null;
  readonly data_end: string | null;
  readonly window_days: number;
  readonly exclude_days: number;
  /** the two periods as inclusive dates (null: open end) */
  readonly periods: { readonly before: DateRange; readonly after: DateRange };
  readonly kpis: Comparison[];
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

export async function compare(db: Database, options: CompareOptions): Promise<CompareResult> {
  const { periods, facts, window, asOf, before, after } = await periodMeasures(db, options);
  const { bounds } = periods;
  const kpis: Comparison[] = [];
  for (const [i, b] of before.entries()) {
    const a = after[i];
    const evidence = b.unit === 'ratio'
      ? rateEvidence(b, a)
      : await valueComparison(db, facts, b, a, { bounds, asOf, window, segments: options.segments });
    kpis.push({
      ...measureInfo(b),
      before: b, after: a, ...changeOf(b, a),
      ...evidence,
    });
  }
  return {
    cutover: periods.cutover, data_end: facts.data_end, window_days: window, exclude_days: periods.exclude_days,
    periods: { before: periods.before, after: periods.after }, kpis,
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

/** Evidence on a duration (days) or an amount from the items' values of both periods. */
async function valueComparison(
  db: Database, facts: DataFacts, before: MeasureValue, after: MeasureValue, scope: Scope,
): Promise<Evidence> {
  const { asOf } = scope;
  if (!before.available || !after.available || asOf === null) return durationEvidence(before, after, [], []);
  const id = before.id as ValueMeasureId;
  const values = (bounds: Bounds) => itemValues(db, facts, id, bounds, asOf, scope.window, scope.segments);
  return durationEvidence(before, after, await values(scope.bounds.before), await values(scope.bounds.after));
}
