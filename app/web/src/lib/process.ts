/**
 * The Process map and Variants pages' data (docs/process-mining.md): the event logs of the workspace
 * (GET /api/event-logs), the directly-follows graph (GET /api/process-map, as `ltc process-map
 * --json`), the variants (GET /api/variants, as `ltc variants --json`), the cases behind a node,
 * an edge or a variant (GET /api/process-map/cases), the conformance checks of the LTC log
 * (GET /api/conformance, as `ltc conformance --json`) and the export links (GET /api/export).
 */

import type { CheckId, ConformanceCheck, ConformanceResult } from '../../../../models/conformance.ts';
import type { EventLogInfo } from '../../../../models/event-log.ts';
import type { ProcessCase, ProcessCases } from '../../../../models/process-cases.ts';
import type { ActivityCount, EndpointCount, ProcessEdge, ProcessMap } from '../../../../models/process-map.ts';
import type { Variant, VariantsResult } from '../../../../models/variants.ts';
import { ask } from './client.ts';
import { queryString, type ApiParams } from './api.ts';
import { globalFilterParams } from './filters.ts';

/** The LTC log derived from the CRM/ERP tables; its cases open on the Cases page. */
export const LTC_LOG = 'ltc';

export type { EventLogInfo };
export type { ActivityCount, EndpointCount, ProcessEdge };
export type ProcessMapResponse = ProcessMap;
export type { Variant };
export type VariantsResponse = VariantsResult;
export type { ProcessCase };
export type ProcessCasesResponse = ProcessCases;
export type { CheckId, ConformanceCheck };
export type ConformanceResponse = ConformanceResult;

/** What the drill-down lists: the cases of an activity, of an edge, or of a variant. */
export type CaseSelection =
  | { kind: 'activity'; activity: string }
  | { kind: 'edge'; from: string; to: string }
  | { kind: 'variant'; activities: string[] };

export const getEventLogs = (signal?: AbortSignal) =>
  ask('event-logs', {}, signal);

export const getProcessMap = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('process-map', params, signal);

export const getVariants = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('variants', params, signal);

export const getProcessCases = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('process-map-cases', params, signal);

export const getConformance = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('conformance', params, signal);

/** The log asked for in the query string (`log=`); undefined leaves the choice to the server. */
export function logParam(params: URLSearchParams): string | undefined {
  return params.get('log') || undefined;
}

/** The global filters plus the log: what every process endpoint reads. */
export function logFilterParams(params: URLSearchParams): ApiParams {
  return { ...globalFilterParams(params), log: logParam(params) };
}

/** API parameters of the drill-down for `selection`. */
export function selectionParams(selection: CaseSelection): ApiParams {
  switch (selection.kind) {
    case 'activity':
      return { activity: selection.activity };
    case 'edge':
      return { from_activity: selection.from, to_activity: selection.to };
    case 'variant':
      return { variant: JSON.stringify(selection.activities) };
  }
}

/** A stable key of a selection, to reset views when it changes. */
export function selectionKey(selection: CaseSelection): string {
  return queryString(selectionParams(selection));
}

export type ExportFormat = 'xes' | 'ocel' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['xes', 'ocel', 'csv'];

/** Where the event log of the current view downloads in `format`. */
export function exportUrl(format: ExportFormat, params: URLSearchParams): string {
  return `/api/export?${queryString({ format, ...logFilterParams(params) })}`;
}

/** Page-state keys of the Process map and Variants pages, dropped when a case is opened elsewhere. */
export const PROCESS_PAGE_KEYS = ['log', 'activities', 'paths', 'view', 'activity', 'edge_from', 'edge_to', 'variant', 'top', 'by'];

/** The query string that opens case `id` on the Cases page with the same global filters. */
export function caseSearch(search: string, id: string): string {
  const params = new URLSearchParams(search);
  for (const key of PROCESS_PAGE_KEYS) params.delete(key);
  params.set('case', id);
  return `?${params.toString()}`;
}

/** What the map's edge labels put first: how often, or how long (`view=performance`). */
export type LabelView = 'frequency' | 'performance';

export function labelView(params: URLSearchParams): LabelView {
  return params.get('view') === 'performance' ? 'performance' : 'frequency';
}

/** The node or edge drilled into on the map: `activity=`, or `edge_from=` and `edge_to=`. */
export function mapSelection(params: URLSearchParams): CaseSelection | undefined {
  const activity = params.get('activity');
  if (activity) return { kind: 'activity', activity };
  const from = params.get('edge_from');
  const to = params.get('edge_to');
  if (from && to) return { kind: 'edge', from, to };
  return undefined;
}

/** The query-string updates that select `selection` on the map (undefined clears it). */
export function mapSelectionUpdates(selection: CaseSelection | undefined): Record<string, string | undefined> {
  return {
    activity: selection?.kind === 'activity' ? selection.activity : undefined,
    edge_from: selection?.kind === 'edge' ? selection.from : undefined,
    edge_to: selection?.kind === 'edge' ? selection.to : undefined,
  };
}

/** The variant drilled into on the Variants page: `variant=` as a JSON list of activities. */
export function variantSelection(params: URLSearchParams): string[] | undefined {
  const value = params.get('variant');
  if (!value) return undefined;
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) && list.every((a) => typeof a === 'string') ? (list as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Conformance periods: `by=quarter`, else months. */
export function conformanceGrain(params: URLSearchParams): 'month' | 'quarter' {
  return params.get('by') === 'quarter' ? 'quarter' : 'month';
}
