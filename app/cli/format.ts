/** Plain-text output of the CLI: aligned tables and the number formats people read. */
import type { MeasureUnit, MeasureValue } from '../../models/measures.ts';

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '')));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? padStart(c, widths[i]) : pad(c, widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Cells that read as numbers (counts, percentages, days) are right-aligned. */
const NUMERIC = /^(|[–?]|n\/a|[<+−±-]?[\d.,]+(%| d)?( \S+)?|\d+\/\d+)$/;

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (t: string, w: number) => t + ' '.repeat(Math.max(0, w - width(t)));
const padStart = (t: string, w: number) => ' '.repeat(Math.max(0, w - width(t))) + t;

/** A measure's value; a thin one (fewer than 20 items) is marked with a trailing "*". */
export function formatValue(m: Pick<MeasureValue, 'unit' | 'value' | 'available'> & { thin?: boolean }): string {
  if (!m.available) return 'n/a';
  if (m.value === null) return '–';
  return `${formatMeasure(m.unit, m.value)}${m.thin ? ' *' : ''}`;
}

/** A value in its unit: 12.5% (rate), 31.4 d (duration), 2,361 (amount, as loaded, no currency). */
export function formatMeasure(unit: MeasureUnit, value: number | null): string {
  if (value === null) return '–';
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return unit === 'days' ? `${value.toFixed(1)} d` : formatAmount(value);
}

/** An amount with thousands separators: whole units from 100 up (and for whole numbers), two decimals below. */
export function formatAmount(value: number): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatDays(days: number | null): string {
  return days === null ? '–' : `${days.toFixed(1)} d`;
}

export function formatChange(change: number | null): string {
  if (change === null) return '–';
  const pct = change * 100;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct).toFixed(1)}%`;
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '–' : `${(ratio * 100).toFixed(1)}%`;
}

/** A p-value to two significant digits, "<0.001" below that. */
export function formatPValue(p: number | null): string {
  if (p === null) return '–';
  return p < 0.001 ? '<0.001' : p.toPrecision(2);
}

/** A confidence interval of a difference: percentage points for rates, days for durations, the amount for amounts. */
export function formatInterval(interval: readonly [number, number] | null, unit: MeasureUnit): string {
  if (interval === null) return '–';
  if (unit === 'amount') {
    const signedAmount = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatAmount(Math.abs(v))}`;
    return `${signedAmount(interval[0])} … ${signedAmount(interval[1])}`;
  }
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`;
  const [lo, hi] = unit === 'ratio' ? interval.map((v) => v * 100) : interval;
  return `${signed(lo)} … ${signed(hi)} ${unit === 'ratio' ? 'pp' : 'd'}`;
}
