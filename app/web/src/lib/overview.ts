/**
 * The Overview additions' client side: the shapes of /api/trends, /api/links, /api/dso and
 * /api/aging (models/trends.ts, links.ts, dso.ts, aging.ts) and their requests; the bottleneck
 * comes from lib/bottlenecks.ts.
 */

import type { AgingBucket, AgingResult } from '../../../../models/aging.ts';
import type { DsoMonth, DsoResult } from '../../../../models/dso.ts';
import type { DanglingLink, LinkQuality, OrderTracing, Orphans } from '../../../../models/links.ts';
import type { TrendPeriod, TrendPoint, TrendSeries, TrendsResult } from '../../../../models/trends.ts';
import { ask } from './client.ts';
import { queryString } from './api.ts';
import { globalFilterParams } from './filters.ts';
import { positiveIntParam } from './query.ts';

export type { TrendPeriod, TrendPoint, TrendSeries };
export type TrendsResponse = TrendsResult;
export type { DanglingLink, LinkQuality, OrderTracing, Orphans };
export type { DsoMonth };
export type DsoResponse = DsoResult;
export type { AgingBucket };
export type AgingResponse = AgingResult;

/** The filters and window of the query string, as every Overview request takes them. */
export function overviewQuery(params: URLSearchParams): string {
  return queryString({ ...globalFilterParams(params), window: positiveIntParam(params, 'window') });
}

export const getTrends = (query: string, signal?: AbortSignal) => ask('trends', query, signal);
export const getLinks = (query: string, signal?: AbortSignal) => ask('links', query, signal);
export const getDso = (query: string, signal?: AbortSignal) => ask('dso', query, signal);
export const getAging = (query: string, signal?: AbortSignal) => ask('aging', query, signal);


/** How well orders trace back to leads: below 80% the lead measures describe too few orders. */
export function tracingLevel(share: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (share === null) return 'none';
  return share >= 0.95 ? 'good' : share >= 0.8 ? 'fair' : 'poor';
}
