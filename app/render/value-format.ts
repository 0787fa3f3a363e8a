/**
 * How a notebook writes a value from the data, in tables and in prose: numbers grouped, rates as
 * percentages, durations in days, midnight timestamps as dates. Plain text out; escaping is the
 * caller's (Svelte does it, the HTML writer calls escapeHtml).
 */
import { MISSING, notebookNumber } from '../../models/messages/format.ts';
import { isTemporalType } from '../../models/notebook/column-types.ts';
import type { ValueFormat } from '../../models/notebook/refs.ts';

/** A value as text: `format` when given, else by what it is (numbers: models/messages/format.ts). */
export function formatValue(value: unknown, type: string, format?: ValueFormat): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') return notebookNumber(value, format);
  if (typeof value === 'string') {
    if (format && value.trim() !== '' && Number.isFinite(Number(value))) return notebookNumber(Number(value), format);
    if (isTemporalType(type)) return value.replace(/ 00:00:00$/, '').replace(/\.\d+$/, '');
    return value;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
