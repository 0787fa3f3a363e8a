/**
 * The Overview additions' client side: the shapes of /api/trends, /api/links, /api/dso and
 * /api/aging (models/trends.ts, links.ts, dso.ts, aging.ts) and their requests; the bottleneck
 * comes from lib/bottlenecks.ts.
 */

import { queryString } from './api.ts';
import { getApiJson, globalFilterParams } from './filters.ts';
import { positiveIntParam } from './query.ts';
import type { Lang } from './types.ts';

export interface TrendPoint {
  period: string;
  value: number | null;
  n: number;
  count: number | null;
  mean: number | null;
  median: number | null;
  p90: number | null;
  censored: number;
}

export interface TrendPeriod {
  period: string;
  first_day: string;
  last_day: string;
  partial: boolean;
}

export interface TrendSeries {
  id: string;
  label: string;
  label_zh: string;
  unit: 'ratio' | 'days';
  better: 'higher' | 'lower';
  available: boolean;
  total: TrendPoint;
  points: TrendPoint[];
}

export interface TrendsResponse {
  data_end: string | null;
  as_of: string | null;
  window_days: number;
  by: 'month' | 'quarter';
  periods: TrendPeriod[];
  measures: TrendSeries[];
}

export interface OrderTracing {
  total: number;
  traced_to_lead: number;
  traced_to_lead_share: number | null;
  through_opportunity: number;
  through_lead_opportunity_id: number;
  through_lead_id: number;
  inferred: number;
  opportunity_only: number;
  opportunity_only_share: number | null;
  untraced: number;
  untraced_share: number | null;
}

export interface Orphans {
  table: string;
  kind: string;
  label: string;
  label_zh: string;
  count: number;
  total: number;
  share: number | null;
  segment_filtered: boolean;
  examples: string[];
}

export interface DanglingLink {
  table: string;
  field: string;
  target: string;
  target_loaded: boolean;
  /** records whose id names no loaded record, of `total` records of the table in the filters */
  count: number;
  total: number;
  share: number | null;
  segment_filtered: boolean;
  examples: { id: string; value: string }[];
}

export interface LinkQuality {
  data_end: string | null;
  orders: OrderTracing;
  opportunities: {
    total: number;
    traced_to_lead: number;
    traced_to_lead_share: number | null;
    through_lead_id: number;
    inferred: number;
    untraced: number;
  };
  orphans: Orphans[];
  dangling: DanglingLink[];
  inferred: { opportunities: number; orders: number };
}

export interface DsoMonth {
  month: string;
  partial: boolean;
  measured_at: string;
  days: number;
  invoices: number;
  invoiced: number;
  open_invoices: number;
  open_receivables: number;
  dso: number | null;
  note?: string;
  note_zh?: string;
}

export interface DsoResponse {
  data_end: string | null;
  as_of: string | null;
  available: boolean;
  note?: string;
  note_zh?: string;
  months: DsoMonth[];
}

export interface AgingBucket {
  id: string;
  label: string;
  label_zh: string;
  count: number;
  open_amount: number;
  no_due_date: number;
}

export interface AgingResponse {
  data_end: string | null;
  as_of: string | null;
  available: boolean;
  note?: string;
  note_zh?: string;
  terms_days: number;
  no_due_date: number;
  buckets: AgingBucket[];
  overdue: { count: number; open_amount: number };
  total: { count: number; open_amount: number };
}

/** The filters and window of the query string, as every Overview request takes them. */
export function overviewQuery(params: URLSearchParams): string {
  return queryString({ ...globalFilterParams(params), window: positiveIntParam(params, 'window') });
}

export const getTrends = (query: string, signal?: AbortSignal) => getApiJson<TrendsResponse>('/api/trends', query, signal);
export const getLinks = (query: string, signal?: AbortSignal) => getApiJson<LinkQuality>('/api/links', query, signal);
export const getDso = (query: string, signal?: AbortSignal) => getApiJson<DsoResponse>('/api/dso', query, signal);
export const getAging = (query: string, signal?: AbortSignal) => getApiJson<AgingResponse>('/api/aging', query, signal);

/** An amount for a headline: 1.7M / 173.7万, with the exact value left for the tooltip. */
export function compactAmount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** How well orders trace back to leads: below 80% the lead measures describe too few orders. */
export function tracingLevel(share: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (share === null) return 'none';
  return share >= 0.95 ? 'good' : share >= 0.8 ? 'fair' : 'poor';
}
