/**
 * The Cases page's client side: the shapes of /api/cases and /api/case (models/cases.ts,
 * models/case-timeline.ts), their requests, and the page state kept in the query string.
 */

import { queryString } from './api.ts';
import { getApiJson, globalFilterParams } from './filters.ts';
import { positiveIntParam } from './query.ts';

export type MilestoneId =
  | 'lead_created' | 'qualified' | 'opportunity_created' | 'quote_sent' | 'order_created' | 'delivered' | 'invoiced' | 'paid';

export type CaseSort = 'slowest' | 'newest' | 'waiting';
export type CaseStatus = 'open' | 'paid' | 'lost';
export type ObjectType = 'lead' | 'opportunity' | 'quote' | 'order' | 'delivery' | 'invoice' | 'payment';

export const CASE_SORTS: readonly CaseSort[] = ['slowest', 'newest', 'waiting'];
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'paid', 'lost'];

/** Rows per page of the list. */
export const CASES_PER_PAGE = 50;

export interface CaseRow {
  case_id: string;
  origin: 'lead' | 'opportunity' | 'order';
  lead_id: string | null;
  account_id: string | null;
  account_name: string | null;
  source: string | null;
  owner: string | null;
  region: string | null;
  segment: string | null;
  order_ids: string[];
  first_order_id: string | null;
  orders: number;
  start_at: string;
  milestones_reached: MilestoneId[];
  current_milestone: MilestoneId | null;
  current_milestone_at: string | null;
  status: CaseStatus;
  open: boolean;
  paid_at: string | null;
  lost_at: string | null;
  lead_to_cash_days: number | null;
  cycle_days: number | null;
  age_days: number | null;
  waiting_days: number | null;
  /** the slowest-first key: start-to-cash of a paid case, age of an open one, start-to-loss of a lost one */
  days: number;
}

export interface CaseList {
  data_end: string | null;
  as_of: string | null;
  total: number;
  offset: number;
  limit: number;
  sort: CaseSort;
  cases: CaseRow[];
}

export interface CaseMilestone {
  id: MilestoneId;
  label: string;
  label_zh: string;
  at: string | null;
}

export interface CaseObject {
  type: ObjectType;
  id: string;
  lane: string;
  link: string;
  parent_type: ObjectType | null;
  parent_id: string | null;
  inferred: boolean;
  start_at: string;
  end_at: string | null;
  open: boolean;
  amount: number | null;
  currency: string | null;
  timestamps: Record<string, string | null>;
  details: Record<string, unknown>;
}

export interface CaseEvent {
  at: string;
  activity: string;
  type: ObjectType;
  id: string;
  lane: string;
  amount: number | null;
  link: string;
}

export interface CaseTimeline {
  data_end: string | null;
  case: CaseRow;
  milestones: CaseMilestone[];
  objects: CaseObject[];
  events: CaseEvent[];
}

/** What the Cases page keeps in the query string besides the global filters. */
export interface CasesState {
  search: string;
  sort: CaseSort;
  status: CaseStatus | undefined;
  /** 1-based */
  page: number;
  caseId: string | undefined;
}

/** The page state from the query string; unknown values fall back to the defaults. */
export function casesState(params: URLSearchParams): CasesState {
  const sort = params.get('sort');
  const status = params.get('status');
  return {
    search: params.get('search')?.trim() ?? '',
    sort: CASE_SORTS.includes(sort as CaseSort) ? (sort as CaseSort) : 'slowest',
    status: CASE_STATUSES.includes(status as CaseStatus) ? (status as CaseStatus) : undefined,
    page: Number(positiveIntParam(params, 'page') ?? 1),
    caseId: params.get('case') || undefined,
  };
}

/** The /api/cases query of one page of the list. */
export function casesQuery(params: URLSearchParams, state: CasesState): string {
  return queryString({
    ...globalFilterParams(params),
    search: state.search || undefined,
    sort: state.sort,
    status: state.status,
    limit: String(CASES_PER_PAGE),
    offset: String((state.page - 1) * CASES_PER_PAGE),
  });
}

export const getCases = (query: string, signal?: AbortSignal) => getApiJson<CaseList>('/api/cases', query, signal);

/** One case's timeline; `id` is a case id, or an order or opportunity id. */
export const getCaseTimeline = (id: string, signal?: AbortSignal) =>
  getApiJson<CaseTimeline>('/api/case', { id }, signal);

/** A naive ISO timestamp of the data ("2024-01-23T22:40:13") as a UTC Date, never shifted by the browser's zone. */
export function dataMoment(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!match) return new Date(Number.NaN);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}

/** Days between two naive timestamps of the data (seconds / 86400, not rounded). */
export function daysBetween(from: string, to: string): number {
  return (dataMoment(to).getTime() - dataMoment(from).getTime()) / 86_400_000;
}

/** Which of a case's durations `days` is: to cash, age so far, or to loss. */
export function daysKind(row: Pick<CaseRow, 'status'>): 'toCash' | 'age' | 'toLoss' {
  return row.status === 'paid' ? 'toCash' : row.status === 'lost' ? 'toLoss' : 'age';
}

/** An amount in the record's currency, grouped, with at most two decimals. */
export function formatAmount(value: number, lang: 'en' | 'zh'): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(value);
}
