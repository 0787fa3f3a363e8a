/**
 * The Bottlenecks page's data (SPEC §4 bottlenecks): every transition with its cycle times, days
 * spent, share of lead-to-cash time, waiting cases and markedly slower segments
 * (GET /api/bottlenecks, as `ltc bottlenecks --json`), and the slowest cases of one transition
 * (GET /api/bottlenecks/cases?transition=…, models/bottlenecks.ts).
 */

import type { ApiParams } from './api.ts';
import { getApiJson, globalFilterParams, type SegmentKey } from './filters.ts';

export interface HistogramBin {
  from_days: number;
  /** null for an open last bin holding everything from from_days on */
  to_days: number | null;
  count: number;
}

export interface Histogram {
  bin_days: number;
  bins: HistogramBin[];
}

export type WaitingBucketId = '0-7' | '8-30' | '31-90' | '90+';

export interface WaitingBucket {
  id: WaitingBucketId;
  label: string;
  label_zh: string;
  min_days: number;
  max_days: number | null;
  count: number;
}

export interface Waiting {
  count: number;
  over_30_days: number;
  mean_days: number | null;
  max_days: number | null;
  aging: WaitingBucket[];
}

export interface SegmentTest {
  key: SegmentKey;
  value: string;
  n: number;
  median: number;
  rest_n: number;
  rest_median: number;
  ratio: number | null;
  u: number;
  z: number;
  p_value: number;
  p_adjusted: number;
  markedly_slower: boolean;
}

export interface BottleneckTransition {
  /** "order_created→delivered" */
  id: string;
  from: string;
  to: string;
  label: string;
  label_zh: string;
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  total_days: number;
  censored: number;
  out_of_order: number;
  histogram: Histogram | null;
  share_of_lead_to_cash: number | null;
  waiting: Waiting;
  slower_segments: SegmentTest[];
  segments_tested: SegmentTest[];
}

export interface Bottleneck {
  transition: string;
  label: string;
  label_zh: string;
  total_days: number;
  share_of_lead_to_cash: number | null;
  waiting_over_30_days: number;
  slower_segment: SegmentTest | null;
  sentence: string;
  sentence_zh: string;
}

export interface BottlenecksResponse {
  data_end: string | null;
  as_of: string | null;
  lead_to_cash: { cases: number; days: number };
  segment_test: { min_cases: number; alpha: number; min_ratio: number; test: string; correction: string };
  transitions: BottleneckTransition[];
  bottleneck: Bottleneck | null;
}

export interface BottleneckCase {
  case_id: string;
  origin: 'lead' | 'opportunity' | 'order';
  lead_id: string | null;
  order_id: string | null;
  source: string | null;
  owner: string | null;
  region: string | null;
  segment: string | null;
  start_at: string;
  end_at: string | null;
  /** the transition's duration, or for a waiting case the days waited so far */
  days: number;
  waiting: boolean;
  out_of_order: boolean;
}

export interface BottleneckCasesResponse {
  data_end: string | null;
  as_of: string | null;
  transition: { id: string; from: string; to: string; label: string; label_zh: string };
  total: number;
  waiting: number;
  limit: number;
  cases: BottleneckCase[];
}

/** How many slow cases the drill-down lists at first, and after "show more". */
export const CASES_FIRST = 20;
export const CASES_MORE = 100;

/** The Bottlenecks page's own state in the query string: transition= (the row drilled into). */
export function selectedTransition(params: URLSearchParams): string | undefined {
  return params.get('transition') || undefined;
}

export const getBottlenecks = (params: ApiParams | string, signal?: AbortSignal) =>
  getApiJson<BottlenecksResponse>('/api/bottlenecks', params, signal);

export const getBottleneckCases = (params: ApiParams | string, signal?: AbortSignal) =>
  getApiJson<BottleneckCasesResponse>('/api/bottlenecks/cases', params, signal);

/** API parameters of the drill-down: the global filters, the transition and the limit. */
export function bottleneckCaseParams(params: URLSearchParams, transition: string, limit: number): ApiParams {
  return { ...globalFilterParams(params), transition, limit: String(limit) };
}

/** The widest share of the transitions, so the share bars use the column's full width. */
export function largestShare(transitions: readonly BottleneckTransition[]): number {
  return Math.max(0, ...transitions.map((t) => t.share_of_lead_to_cash ?? 0));
}

/** The aging buckets' colours, light to dark with the days waited (one hue: readable without colour vision). */
export const AGING_COLORS = ['#fed7aa', '#fdba74', '#f97316', '#c2410c'];
