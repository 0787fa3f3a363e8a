/**
 * How a notebook writes a value from the data, in tables and in prose: numbers grouped, rates as
 * percentages, durations in days, midnight timestamps as dates. Plain text out; escaping is the
 * caller's (Svelte does it, the HTML writer calls escapeHtml).
 */
import { isTemporalType } from '../../models/notebook/column-types.ts';
import type { ValueFormat } from '../../models/notebook/refs.ts';

const grouped = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const INTEGER = grouped(0);
const ONE_DECIMAL = grouped(1);
const SMALL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A value as text: `format` when given, else by what it is. */
export function formatValue(value: unknown, type: string, format?: ValueFormat): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return formatNumber(value, format);
  if (typeof value === 'string') {
    if (format && value.trim() !== '' && Number.isFinite(Number(value))) return formatNumber(Number(value), format);
    if (isTemporalType(type)) return value.replace(/ 00:00:00$/, '').replace(/\.\d+$/, '');
    return value;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

function formatNumber(value: number, format?: ValueFormat): string {
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case 'percent':
      return `${ONE_DECIMAL.format(value * 100)}%`;
    case 'days':
      return `${ONE_DECIMAL.format(value)} days`;
    case 'number':
      return ONE_DECIMAL.format(value);
    case 'int':
      return INTEGER.format(Math.round(value));
    default:
      if (Number.isInteger(value)) return INTEGER.format(value);
      return Math.abs(value) < 1 ? SMALL.format(value) : ONE_DECIMAL.format(value);
  }
}

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
