/** Number and date formatting for display; test hooks carry the raw values instead. */

import type { Lang, MeasureUnit } from './types.ts';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** A fraction as a percent with one decimal: 0.3 → "30.0%". */
export function percent(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)}%`;
}

/** Days with one decimal: 5.04 → "5.0". */
export function days(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return value.toFixed(1);
}

/** A whole count with grouping: 12345 → "12,345". */
export function count(value: number | null | undefined, lang: Lang): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(lang)).format(value);
}

/** An amount as loaded, no currency: thousands grouped, whole units from 100 up (and for whole numbers). */
export function amount(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A KPI value in its unit, without the unit word. */
export function kpiValue(unit: MeasureUnit, value: number | null | undefined): string {
  return unit === 'ratio' ? percent(value) : unit === 'amount' ? amount(value) : days(value);
}

/** A signed change: −0.5 → "−50.0%"; with the arrow ▲/▼ in front when `arrow`. */
export function change(value: number | null | undefined, arrow = false): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const pct = Math.abs(value * 100).toFixed(1);
  if (pct === '0.0') return '0.0%';
  const sign = value > 0 ? '+' : '−';
  const mark = arrow ? (value > 0 ? '▲ ' : '▼ ') : '';
  return `${mark}${sign}${pct}%`;
}

/** A p-value, compactly: "p < 0.001" or "p = 0.042". */
export function pValue(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '';
  return value < 0.001 ? 'p < 0.001' : `p = ${value.toFixed(3)}`;
}

/**
 * A naive timestamp as written ("2025-12-30T16:00:00" → "2025-12-30 16:00"), never shifted
 * through the browser's time zone: data_end is in the data's own clock.
 */
export function timestamp(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
  if (!match) return value;
  return match[2] && match[2] !== '00:00' ? `${match[1]} ${match[2]}` : match[1];
}

/** "2025-03" → a UTC Date at the first of that month (Plot's time scales are UTC). */
export function monthDate(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, 1));
}

/** A file size for people: 812 B, 14.2 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const DURATION_UNITS = {
  en: { s: 's', m: 'm', h: 'h', d: 'd' },
  zh: { s: '秒', m: '分', h: '小时', d: '天' },
} as const;

/**
 * Seconds as a short duration in the largest fitting unit: 45s, 12m, 4.1h, 3.2d (one decimal
 * below 10, whole numbers from 10 on; Chinese units in zh).
 */
export function duration(seconds: number | null | undefined, lang: Lang = 'en'): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const units = DURATION_UNITS[lang];
  const [value, unit] =
    seconds < 60 ? [seconds, units.s]
    : seconds < 3600 ? [seconds / 60, units.m]
    : seconds < 86400 ? [seconds / 3600, units.h]
    : [seconds / 86400, units.d];
  const shown = value < 10 && value !== 0 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value).toString();
  return `${shown}${unit}`;
}
