/**
 * Mix-adjusted before/after (docs/statistics.md): a change in the lead mix is not a process improvement. Every
 * measure is compared within the strata of one segment key (source, owner, region or segment); the
 * after values of the strata are re-weighted to the before mix (direct standardization: weight of a
 * stratum = its share of the before items), and the pooled change is shown beside the adjusted one.
 * When they point in opposite directions the pooled figure is a Simpson's paradox and is flagged.
 */
import type { Database } from './db/database.ts';
import { changeOf, periodMeasures } from './compare.ts';
import { filterOptions } from './filters.ts';
import { measureInfo, type MeasureInfo } from './measure-catalog.ts';
import { measuresByStratum, MEASURES, type MeasureId } from './measures.ts';
import { SEGMENT_KEYS, type PeriodOptions, type SegmentKey } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sayAll } from './messages/catalogue.ts';
import { MIX_NOTES } from './messages/before-after.ts';
import { fieldPair } from './words.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

export interface StratumValue {
  readonly id: MeasureId;
  readonly before: number | null;
  readonly after: number | null;
  /** items behind each value (the rate's denominator, a duration's completed items) */
  readonly n_before: number;
  readonly n_after: number;
  readonly change_pct: number | null;
  readonly improved: boolean | null;
}

export interface Stratum {
  /** the segment value; null for cases without one */
  readonly value: string;
  readonly kpis: StratumValue[];
}

export interface MixAdjusted extends MeasureInfo {
  readonly before: number | null;
  /** the pooled after value, as compare gives it */
  readonly after: number | null;
  readonly pooled_change_pct: number | null;
  /** Σ (before share of stratum) × (after value of stratum), over strata with both values */
  readonly adjusted_after: number | null;
  readonly adjusted_change_pct: number | null;
  /** share of the before items in strata that also have an after value (what the adjustment covers) */
  readonly coverage: number | null;
  /** pooled and adjusted changes point in opposite directions */
  readonly simpson: boolean;
  readonly note?: string;
  readonly note_zh?: string;
}

export interface MixResult {
  readonly cutover: string;
  readonly by: SegmentKey;
  readonly kpis: MixAdjusted[];
  readonly strata: Stratum[];
}

export interface MixOptions extends PeriodOptions {
  readonly cutover: string;
  readonly by?: string;
  /** days after the cut-over left out as a transition (compare's --exclude-days) */
  readonly excludeDays?: number | string;
}

/** At most this many strata (the most frequent values); `coverage` says how much of the before items they hold. */
const MAX_STRATA = 12;

export async function mixComparison(db: Database, options: MixOptions): Promise<MixResult> {
  const by = (options.by ?? 'source') as SegmentKey;
  if (!SEGMENT_KEYS.includes(by)) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'mixBy', { choices: SEGMENT_KEYS.join(', '), value: String(options.by) }));
  if (options.segments?.[by]) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'mixByFiltered', { segment: by }));
  // The values compare() would give for the whole view and for each stratum — one grouped query
  // per measure and period (models/sql/measures), not a comparison per stratum.
  const { periods: { bounds }, facts, window, asOf, before: pooledBefore, after: pooledAfter } = await periodMeasures(db, options);
  const strataBefore = await measuresByStratum(db, facts, bounds.before, asOf, window, options.segments ?? {}, by);
  const strataAfter = await measuresByStratum(db, facts, bounds.after, asOf, window, options.segments ?? {}, by);
  const field = (await filterOptions(db)).fields.find((f) => f.key === by)!;
  const values = field.values.slice(0, MAX_STRATA).map((v) => v.value);
  const strata: Stratum[] = values.map((value) => ({
    value,
    kpis: MEASURES.map((m, i) => {
      const b = strataBefore[i](value);
      const a = strataAfter[i](value);
      return { id: m.id, before: b.value, after: a.value, n_before: b.n, n_after: a.n, ...changeOf(b, a) };
    }),
  }));
  const kpis = pooledBefore.map((before, i): MixAdjusted => {
    const after = pooledAfter[i];
    const rows = strata.map((s) => s.kpis[i]);
    const beforeItems = rows.reduce((sum, r) => sum + (r.before === null ? 0 : r.n_before), 0);
    const usable = rows.filter((r) => r.before !== null && r.after !== null && r.n_before > 0);
    const usableItems = usable.reduce((sum, r) => sum + r.n_before, 0);
    // Standardized to the before mix of the strata that can be compared; their before value is the
    // same re-weighting of the before side, so both sides share one mix.
    const adjustedBefore = usableItems > 0 ? usable.reduce((sum, r) => sum + (r.n_before / usableItems) * r.before!, 0) : null;
    const adjustedAfter = usableItems > 0 ? usable.reduce((sum, r) => sum + (r.n_before / usableItems) * r.after!, 0) : null;
    const adjustedChange = adjustedBefore !== null && adjustedAfter !== null && adjustedBefore !== 0
      ? (adjustedAfter - adjustedBefore) / Math.abs(adjustedBefore) : null;
    const pooledChange = changeOf(before, after).change_pct;
    const simpson = pooledChange !== null && adjustedChange !== null && pooledChange * adjustedChange < 0
      && Math.abs(pooledChange) > 0.01 && Math.abs(adjustedChange) > 0.01;
    return {
      ...measureInfo(before),
      before: before.value, after: after.value, pooled_change_pct: pooledChange,
      adjusted_after: adjustedAfter, adjusted_change_pct: adjustedChange,
      coverage: beforeItems > 0 ? usableItems / beforeItems : null,
      simpson,
      ...(simpson ? fieldPair('note', sayAll(MIX_NOTES, 'simpson', { by })) : {}),
    };
  });
  return { cutover: options.cutover, by, kpis, strata };
}
