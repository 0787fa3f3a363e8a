/**
 * The Funnel page's data: the windowed funnel per lead cohort (GET /api/funnel/cohorts, as
 * `ltc funnel-cohorts --json`; models/funnel-cohorts.ts) and the page state it is asked with.
 */

import type {
  CohortFunnel, CohortGrain, CohortStage, FunnelCohorts, SegmentFunnels, WindowedFunnel,
} from '../../../../models/funnel-cohorts.ts';
import { ask } from './client.ts';
import type { ApiParams } from './api.ts';
import { globalFilterParams } from './filters.ts';
import { positiveIntParam } from './query.ts';

export type { CohortFunnel, CohortGrain, CohortStage, SegmentFunnels, WindowedFunnel };
export type StageLabel = FunnelCohorts['stages'][number];
export type FunnelCohortsResponse = FunnelCohorts;

/** The Funnel page's own state in the query string: by=, split=, window=, rate=. */
export interface FunnelView {
  by: CohortGrain;
  /** the segment key or extra column the view is split by; '' for none */
  split: string;
  window: string | undefined;
  /** which conversion the cohort table shows */
  rate: 'cumulative' | 'step';
}

export function funnelView(params: URLSearchParams): FunnelView {
  return {
    by: params.get('by') === 'quarter' ? 'quarter' : 'month',
    split: params.get('split') ?? '',
    window: positiveIntParam(params, 'window'),
    rate: params.get('rate') === 'step' ? 'step' : 'cumulative',
  };
}

/** The API parameters for the view: the global filters plus by, by_segment and window. */
export function funnelCohortParams(params: URLSearchParams, view: FunnelView): ApiParams {
  return { ...globalFilterParams(params), by: view.by, by_segment: view.split || undefined, window: view.window };
}

export const getFunnelCohorts = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('funnel-cohorts', params, signal);

/** The stage's conversion as the cohort table shows it. */
export function conversionOf(stage: CohortStage, rate: FunnelView['rate']): number | null {
  return rate === 'step' ? stage.step_conversion : stage.cumulative_conversion;
}

/** A timestamp's day: '2025-10-02T21:59:33' → '2025-10-02'. */
export function dayOf(moment: string | null): string {
  return moment ? moment.slice(0, 10) : '';
}

/** The lowest and highest conversion of one stage column. */
export interface ColumnRange {
  min: number;
  max: number;
}

/**
 * A cell background for a conversion: the accent, stronger the closer `value` is to the best
 * value of its column, so cohorts or groups compare at a glance; none when the column is all alike.
 */
export function conversionShade(value: number | null, range: ColumnRange | undefined): string | undefined {
  if (value == null || !range || !(range.max > 0)) return undefined;
  const spread = range.max - range.min;
  if (!(spread > 0)) return undefined;
  const position = (value - range.min) / spread;
  const strength = 0.03 + 0.2 * Math.min(1, Math.max(0, position));
  return `rgba(79, 70, 229, ${strength.toFixed(3)})`;
}

/** The range of conversions per stage position across `funnels` (for conversionShade). */
export function columnRanges(funnels: readonly WindowedFunnel[], rate: FunnelView['rate']): ColumnRange[] {
  const out: ColumnRange[] = [];
  for (const funnel of funnels) {
    if (funnel.observable === 0) continue;
    funnel.stages.forEach((stage, i) => {
      const value = conversionOf(stage, rate);
      if (value == null) return;
      const range = out[i];
      out[i] = range ? { min: Math.min(range.min, value), max: Math.max(range.max, value) } : { min: value, max: value };
    });
  }
  return out;
}
