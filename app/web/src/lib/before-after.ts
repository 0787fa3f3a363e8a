/**
 * The Before/After page's client side (SPEC §5, §7): its state in the query string and the shapes
 * and requests of the evidence endpoints — /api/compare with p-values and intervals
 * (models/compare.ts), /api/survival (models/survival.ts), /api/mix (models/mix.ts) and
 * /api/change-point (models/change-point.ts); the monthly series come from /api/trends
 * (lib/overview.ts).
 */

import { queryString, type ApiParams } from './api.ts';
import { getApiJson, globalFilterParams, type SegmentKey } from './filters.ts';
import { dateParam, SEGMENT_KEYS } from './query.ts';
import type { CompareResponse, CompareRow } from './types.ts';

export const DEFAULT_CUTOVER = '2025-01-01';
export const DEFAULT_WINDOW = '90';

/** A row of the before/after table with its evidence (models/compare-evidence.ts). */
export interface EvidenceRow extends CompareRow {
  /** two-sided; null when it cannot be computed (see note) */
  p_value: number | null;
  /** 95% interval of after − before: a rate difference, or a difference of medians in days */
  ci95: [number, number] | null;
  test: 'two-proportion z' | 'Mann–Whitney U' | string;
  /** median after − median before, in days (durations only) */
  median_diff: number | null;
  note?: string;
  note_zh?: string;
}

export interface DateRange {
  from: string | null;
  to: string | null;
}

export interface EvidenceResponse extends CompareResponse {
  exclude_days: number;
  periods: { before: DateRange; after: DateRange };
  kpis: EvidenceRow[];
}

export interface CurvePoint {
  day: number;
  survival: number;
  at_risk: number;
}

export interface PeriodCurve {
  n: number;
  events: number;
  censored: number;
  median_days: number | null;
  share_by: { '30': number; '60': number; '90': number };
  points: CurvePoint[];
}

export type SurvivalId = 'time_to_order' | 'time_to_cash';

export interface SurvivalComparison {
  id: SurvivalId;
  label: string;
  label_zh: string;
  before: PeriodCurve;
  after: PeriodCurve;
  log_rank: { chi2: number; p_value: number } | null;
}

export interface SurvivalResponse {
  cutover: string;
  data_end: string | null;
  as_of: string | null;
  curves: SurvivalComparison[];
}

export interface StratumValue {
  id: string;
  before: number | null;
  after: number | null;
  n_before: number;
  n_after: number;
  change_pct: number | null;
  improved: boolean | null;
}

export interface Stratum {
  /** the segment value; null for cases without one */
  value: string | null;
  kpis: StratumValue[];
}

export interface MixAdjusted {
  id: string;
  label: string;
  label_zh: string;
  unit: 'ratio' | 'days';
  better: 'higher' | 'lower';
  before: number | null;
  after: number | null;
  pooled_change_pct: number | null;
  adjusted_after: number | null;
  adjusted_change_pct: number | null;
  coverage: number | null;
  simpson: boolean;
  note?: string;
  note_zh?: string;
}

export interface MixResponse {
  cutover: string;
  by: SegmentKey;
  kpis: MixAdjusted[];
  strata: Stratum[];
}

export interface SplitScore {
  cutover: string;
  explained: number;
  before: number;
  after: number;
}

export interface MeasureChange {
  id: string;
  label: string;
  label_zh: string;
  suggested: SplitScore | null;
  chosen: SplitScore | null;
}

export interface ChangePointResponse {
  months: number;
  suggested_cutover: string | null;
  chosen_cutover: string | null;
  measures: MeasureChange[];
}

/** The page's state as the query string holds it (SPEC §7), defaults filled in. */
export interface BeforeAfterView {
  cutover: string;
  window: string;
  /** transition days left out after the cut-over (`exclude`), 0 when absent */
  exclude: number;
  /** the segment key the mix panel stratifies by (`by`) */
  by: SegmentKey;
  /** segment keys filtered on, which the mix cannot stratify by */
  filteredKeys: SegmentKey[];
}

export function beforeAfterView(params: URLSearchParams): BeforeAfterView {
  const window = params.get('window');
  const exclude = params.get('exclude');
  const filteredKeys = SEGMENT_KEYS.filter((key) => Boolean(params.get(key)));
  const asked = params.get('by') as SegmentKey | null;
  const free = SEGMENT_KEYS.filter((key) => !filteredKeys.includes(key));
  return {
    cutover: dateParam(params, 'cutover') ?? DEFAULT_CUTOVER,
    window: window && /^\d+$/.test(window) && Number(window) > 0 ? window : DEFAULT_WINDOW,
    exclude: exclude && /^\d+$/.test(exclude) && Number(exclude) <= 3650 ? Number(exclude) : 0,
    by: asked && free.includes(asked) ? asked : (free[0] ?? 'source'),
    filteredKeys,
  };
}

/** The global filters, the window and the cut-over, as every evidence request takes them. */
function baseParams(params: URLSearchParams, view: BeforeAfterView): ApiParams {
  return { ...globalFilterParams(params), window: view.window, cutover: view.cutover };
}

/** Query strings of the page's requests, stable so that they serve as effect keys. */
export function beforeAfterQueries(params: URLSearchParams, view: BeforeAfterView) {
  const base = baseParams(params, view);
  return {
    compare: queryString({ ...base, exclude_days: view.exclude > 0 ? String(view.exclude) : undefined }),
    survival: queryString(base),
    changePoint: queryString(base),
    mix: queryString({ ...base, by: view.by }),
    trends: queryString({ ...globalFilterParams(params), window: view.window, by: 'month' }),
    /** change-point scored at another cut-over (the suggested one), for its explained share */
    changePointAt: (cutover: string) => queryString({ ...base, cutover }),
  };
}

export const getEvidence = (query: string, signal?: AbortSignal) => getApiJson<EvidenceResponse>('/api/compare', query, signal);
export const getSurvival = (query: string, signal?: AbortSignal) => getApiJson<SurvivalResponse>('/api/survival', query, signal);
export const getMix = (query: string, signal?: AbortSignal) => getApiJson<MixResponse>('/api/mix', query, signal);
export const getChangePoint = (query: string, signal?: AbortSignal) =>
  getApiJson<ChangePointResponse>('/api/change-point', query, signal);

/**
 * The share of the monthly variation a split explains, averaged over the measures that can be
 * split there (each measure's `chosen` score is the split at the cut-over the request named).
 */
export function explainedShare(result: ChangePointResponse): number | null {
  const scores = result.measures.map((m) => m.chosen?.explained).filter((x): x is number => x != null);
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}

/** YYYY-MM-DD plus `days` whole days (UTC calendar arithmetic, no time zone shift). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
