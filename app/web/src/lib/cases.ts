/**
 * The Cases page's client side: the shapes of /api/cases and /api/case (models/cases.ts,
 * models/case-timeline.ts), their requests, and the page state kept in the query string.
 */

import type { CaseEvent, CaseObject, CaseTimeline, Milestone, ObjectType } from '../../../../models/case-timeline.ts';
import type { CaseList, CaseRow, CaseSort, CaseStatus } from '../../../../models/cases.ts';
import type { StageId } from '../../../../models/funnel.ts';
import { ask } from './client.ts';
import { queryString } from './api.ts';
import { globalFilterParams } from './filters.ts';
import { positiveIntParam } from './query.ts';

export type MilestoneId = StageId;
export type { CaseSort, CaseStatus, ObjectType };

export const CASE_SORTS: readonly CaseSort[] = ['slowest', 'newest', 'waiting'];
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'paid', 'lost'];

/** Rows per page of the list. */
export const CASES_PER_PAGE = 50;

export type { CaseEvent, CaseList, CaseObject, CaseRow, CaseTimeline };
export type CaseMilestone = Milestone;

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

export const getCases = (query: string, signal?: AbortSignal) => ask('cases', query, signal);

/** One case's timeline; `id` is a case id, or an order or opportunity id. */
export const getCaseTimeline = (id: string, signal?: AbortSignal) =>
  ask('case', { id }, signal);

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

