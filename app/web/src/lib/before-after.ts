/**
 * The Before/After page's client side (docs/statistics.md, docs/api.md): its state in the query string and the shapes
 * and requests of the evidence endpoints — the table from /api/compare/values and, after it,
 * its p-values and intervals from /api/compare/evidence (models/compare.ts), /api/survival
 * (models/survival.ts), /api/mix (models/mix.ts) and /api/change-point (models/change-point.ts);
 * the monthly series come from /api/trends (lib/overview.ts).
 */

import type { ChangePointResult, MeasureChange, SplitScore } from '../../../../models/change-point.ts';
import type { Evidence } from '../../../../models/compare-evidence.ts';
import type { DateRange } from '../../../../models/compare-periods.ts';
import type { CutoverDefault, CutoverSource } from '../../../../models/cutover-default.ts';
import type { MixAdjusted, MixResult, Stratum, StratumValue } from '../../../../models/mix.ts';
import type { CurvePoint, PeriodCurve, SurvivalComparison, SurvivalResult } from '../../../../models/survival.ts';
import { ask, type Answer } from './client.ts';
import { queryString, type ApiParams } from './api.ts';
import { globalFilterParams, type SegmentKey } from './filters.ts';
import { dateParam, SEGMENT_KEYS } from './query.ts';
import type { ComparedValues } from './types.ts';

export const DEFAULT_WINDOW = '90';

export type CompareValuesResponse = Answer<'compare-values'>;
export type CompareEvidenceResponse = Answer<'compare-evidence'>;

/** An answer with the query string it answers. */
export interface Answered<T> {
  readonly query: string;
  readonly data: T;
}

/** A row of the before/after table: a measure's values, and its evidence (models/compare-evidence.ts) once that has come. */
export interface TableRow extends ComparedValues {
  /** null until the evidence asked with the same query has come */
  readonly evidence: Evidence | null;
}

/**
 * The table's rows: the values, each with the evidence asked with the same query — never the
 * evidence of an earlier question beside the values of this one.
 */
export function tableRows(values: Answered<CompareValuesResponse>, evidence: Answered<CompareEvidenceResponse> | undefined): TableRow[] {
  const byId = evidence?.query === values.query ? new Map(evidence.data.kpis.map(({ id, ...rest }) => [id, rest])) : undefined;
  return values.data.kpis.map((row) => ({ ...row, evidence: byId?.get(row.id) ?? null }));
}
export type { DateRange };
export type { CurvePoint, PeriodCurve, SurvivalComparison };
export type SurvivalId = SurvivalComparison['id'];
export type SurvivalResponse = SurvivalResult;
export type { MixAdjusted, Stratum, StratumValue };
export type MixResponse = MixResult;
export type { MeasureChange, SplitScore };
export type ChangePointResponse = ChangePointResult;
export type { CutoverDefault, CutoverSource };

/** The page's state as the query string holds it (docs/api.md), defaults filled in. */
export interface BeforeAfterView {
  /** the link's cut-over, else the workspace's default; null until that is known (or without dated data) */
  cutover: string | null;
  /** 'chosen' when the link names the cut-over, else where the default came from */
  cutoverSource: CutoverSource | null;
  window: string;
  /** transition days left out after the cut-over (`exclude`), 0 when absent */
  exclude: number;
  /** the segment key the mix panel stratifies by (`by`) */
  by: SegmentKey;
  /** segment keys filtered on, which the mix cannot stratify by */
  filteredKeys: SegmentKey[];
}

/** The page's state; `fallback` is the workspace's default cut-over (GET /api/cutover-default), once loaded. */
export function beforeAfterView(params: URLSearchParams, fallback?: CutoverDefault): BeforeAfterView {
  const window = params.get('window');
  const exclude = params.get('exclude');
  const filteredKeys = SEGMENT_KEYS.filter((key) => Boolean(params.get(key)));
  const asked = params.get('by') as SegmentKey | null;
  const free = SEGMENT_KEYS.filter((key) => !filteredKeys.includes(key));
  const chosen = dateParam(params, 'cutover');
  return {
    cutover: chosen ?? fallback?.cutover ?? null,
    cutoverSource: chosen ? 'chosen' : fallback?.source ?? null,
    window: window && /^\d+$/.test(window) && Number(window) > 0 ? window : DEFAULT_WINDOW,
    exclude: exclude && /^\d+$/.test(exclude) && Number(exclude) <= 3650 ? Number(exclude) : 0,
    by: asked && free.includes(asked) ? asked : (free[0] ?? 'source'),
    filteredKeys,
  };
}

/** The global filters, the window and the cut-over, as every evidence request takes them. */
function baseParams(params: URLSearchParams, view: BeforeAfterView): ApiParams {
  return { ...globalFilterParams(params), window: view.window, cutover: view.cutover ?? undefined };
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

export const getCutoverDefault = (signal?: AbortSignal) => ask('cutover-default', {}, signal);
export const getCompareValues = (query: string, signal?: AbortSignal): Promise<Answered<CompareValuesResponse>> =>
  ask('compare-values', query, signal).then((data) => ({ query, data }));
export const getCompareEvidence = (query: string, signal?: AbortSignal): Promise<Answered<CompareEvidenceResponse>> =>
  ask('compare-evidence', query, signal).then((data) => ({ query, data }));
export const getSurvival = (query: string, signal?: AbortSignal) => ask('survival', query, signal);
export const getMix = (query: string, signal?: AbortSignal) => ask('mix', query, signal);
export const getChangePoint = (query: string, signal?: AbortSignal) =>
  ask('change-point', query, signal);

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
