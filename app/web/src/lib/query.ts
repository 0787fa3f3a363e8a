/** Reading and updating page state kept in the query string (docs/api.md, Dashboard). */

import type { ApiParams } from './api.ts';
import type { Lang } from './types.ts';

/** Segment filters passed through to the server untouched. */
export const SEGMENT_KEYS = ['source', 'owner', 'region', 'segment'] as const;

/** A copy of `search` with `updates` applied; empty or undefined values remove the key. */
export function withParams(search: string, updates: Record<string, string | undefined>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(updates)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The language from `lang`, else the browser's preference. */
export function langOf(params: URLSearchParams): Lang {
  const lang = params.get('lang');
  if (lang === 'zh' || lang === 'zh-CN') return 'zh';
  if (lang === 'en') return 'en';
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD parameter, or undefined when absent or malformed. */
export function dateParam(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key);
  return value && isCalendarDate(value) ? value : undefined;
}

/** True for a YYYY-MM-DD that names a day of the calendar (2025-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A positive whole-number parameter, or undefined. */
export function positiveIntParam(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key);
  return value && /^\d+$/.test(value) && Number(value) > 0 ? value : undefined;
}

/** The global filters every data endpoint takes: date range, segments and attr.<column> filters. */
export function filterParams(params: URLSearchParams): ApiParams {
  const out: ApiParams = { from: dateParam(params, 'from'), to: dateParam(params, 'to') };
  for (const key of SEGMENT_KEYS) out[key] = params.get(key) ?? undefined;
  for (const [key, value] of params) if (key.startsWith('attr.') && value) out[key] = value;
  return out;
}
