/**
 * The Bottlenecks page's data (docs/measures.md, bottlenecks): every transition with its cycle times, days
 * spent, share of lead-to-cash time, waiting cases and markedly slower segments
 * (GET /api/bottlenecks, as `ltc bottlenecks --json`), and the slowest cases of one transition
 * (GET /api/bottlenecks/cases?transition=…, models/bottlenecks.ts).
 */

import type {
  Bottleneck, BottleneckCase, BottleneckCasesResult, BottlenecksResult, BottleneckTransition, SegmentTest, Waiting,
  WaitingBucket, WaitingBucketId,
} from '../../../../models/bottlenecks.ts';
import type { Histogram, HistogramBin } from '../../../../models/transitions.ts';
import { ask } from './client.ts';
import type { ApiParams } from './api.ts';
import { globalFilterParams } from './filters.ts';

export type { HistogramBin, Histogram };
export type { Bottleneck, BottleneckCase, BottleneckTransition, SegmentTest, Waiting, WaitingBucket, WaitingBucketId };
export type BottlenecksResponse = BottlenecksResult;
export type BottleneckCasesResponse = BottleneckCasesResult;

/** How many slow cases the drill-down lists at first, and after "show more". */
export const CASES_FIRST = 20;
export const CASES_MORE = 100;

/** The Bottlenecks page's own state in the query string: transition= (the row drilled into). */
export function selectedTransition(params: URLSearchParams): string | undefined {
  return params.get('transition') || undefined;
}

export const getBottlenecks = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('bottlenecks', params, signal);

export const getBottleneckCases = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('bottleneck-cases', params, signal);

/** API parameters of the drill-down: the global filters, the transition and the limit. */
export function bottleneckCaseParams(params: URLSearchParams, transition: string, limit: number): ApiParams {
  return { ...globalFilterParams(params), transition, limit: String(limit) };
}

/**
 * Whether shares of lead-to-cash time can be spoken of: some transition ends at cash. A workspace
 * without payments (an opportunity export alone) has none, and its pages leave the share out.
 */
export function reachesCash(transitions: readonly BottleneckTransition[]): boolean {
  return transitions.some((t) => t.to === 'paid');
}

/** The widest share of the transitions, so the share bars use the column's full width. */
export function largestShare(transitions: readonly BottleneckTransition[]): number {
  return Math.max(0, ...transitions.map((t) => t.share_of_lead_to_cash ?? 0));
}

/** The aging buckets' colours, light to dark with the days waited (one hue: readable without colour vision). */
export const AGING_COLORS = ['#fed7aa', '#fdba74', '#f97316', '#c2410c'];
