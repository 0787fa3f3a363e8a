/**
 * The global filters (docs/api.md, Dashboard) on the client: what the query string holds (date range, the four
 * case segments and `attr.<column>` filters on the extra columns the data carries), the choices the
 * server offers for them (/api/filters, as `ltc filters --json`).
 */

import type { AttributeOptions, FieldOptions, FilterOptions, FilterValue } from '../../../../models/filters.ts';
import type { SegmentKey } from '../../../../models/period.ts';
import { ask } from './client.ts';
import type { ApiParams } from './api.ts';
import { dateParam, SEGMENT_KEYS } from './query.ts';

export type { SegmentKey };

/** Query-string keys of filters on extra columns: `attr.Tier=Gold`. */
export const ATTRIBUTE_PREFIX = 'attr.';

/** GET /api/filters (models/filters.ts). */
export type { AttributeOptions, FieldOptions, FilterOptions, FilterValue };

/** One filter in force, as the filter bar shows it. */
export interface ActiveFilter {
  /** the query-string key that holds it: 'source', 'attr.Tier', 'from' … */
  param: string;
  kind: 'segment' | 'attribute' | 'date';
  /** the segment key, the column name, or 'from' / 'to' */
  name: string;
  value: string;
}

/** The query-string key of a filter on the extra column `column`. */
export function attributeParam(column: string): string {
  return ATTRIBUTE_PREFIX + column;
}

/** Every `attr.<column>=<value>` of the query string, as [column, value]. */
export function attributeFilters(params: URLSearchParams): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of params) {
    if (key.startsWith(ATTRIBUTE_PREFIX) && key.length > ATTRIBUTE_PREFIX.length && value) {
      out.push([key.slice(ATTRIBUTE_PREFIX.length), value]);
    }
  }
  return out;
}

/** The filters in force, in the order the bar lists them: segments, extra columns, dates. */
export function activeFilters(params: URLSearchParams): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  for (const key of SEGMENT_KEYS) {
    const value = params.get(key);
    if (value) out.push({ param: key, kind: 'segment', name: key, value });
  }
  for (const [column, value] of attributeFilters(params)) {
    out.push({ param: attributeParam(column), kind: 'attribute', name: column, value });
  }
  for (const key of ['from', 'to'] as const) {
    const value = dateParam(params, key);
    if (value) out.push({ param: key, kind: 'date', name: key, value });
  }
  return out;
}

/** Updates that remove every filter in force (dates included); other page state stays. */
export function clearAllUpdates(params: URLSearchParams): Record<string, undefined> {
  return Object.fromEntries(activeFilters(params).map((filter) => [filter.param, undefined]));
}

/**
 * The global filters as API parameters: from, to, the segments and every attr.<column>; the
 * endpoints read them as `ltc … --from --to --where K=V` does.
 */
export function globalFilterParams(params: URLSearchParams): ApiParams {
  const out: ApiParams = {};
  for (const filter of activeFilters(params)) out[filter.param] = filter.value;
  return out;
}

/**
 * The values of a field as offered, with the value in force added when the server does not list
 * it (a value beyond the listed most frequent ones, or a link from elsewhere).
 */
export function choicesWith(values: readonly FilterValue[], current: string | null): FilterValue[] {
  if (!current || values.some((v) => v.value === current)) return [...values];
  return [{ value: current, cases: Number.NaN }, ...values];
}

export const getFilterOptions = (signal?: AbortSignal) => ask('filters', {}, signal);
