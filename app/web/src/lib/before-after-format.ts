/** Formatting of the before/after evidence: p-values, intervals in the measure's unit, significance. */
import { amount } from './format.ts';
import type { MeasureUnit } from './types.ts';

/** The level below which a difference is called significant (two-sided, as the CI is 95%). */
export const ALPHA = 0.05;

/** "p < 0.001", "p = 0.004", "p = 0.03", "p = 0.42"; '' when missing. */
export function pText(p: number | null | undefined): string {
  if (p == null || !Number.isFinite(p)) return '';
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  if (p > 0.99) return 'p > 0.99';
  return `p = ${Number(p.toPrecision(2))}`;
}

export type Significance = 'strong' | 'significant' | 'not' | 'none';

/** strong: p < 0.001; significant: p < 0.05; not: p ≥ 0.05; none: no test possible. */
export function significance(p: number | null | undefined): Significance {
  if (p == null || !Number.isFinite(p)) return 'none';
  return p < 0.001 ? 'strong' : p < ALPHA ? 'significant' : 'not';
}

/** A signed number with a real minus sign: 3.04 → "+3.0", −0.2 → "−0.2", 0.04 → "0.0". */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/**
 * A difference after − before in the measure's unit, without the unit word: rates in percentage
 * points (0.071 → "+7.1"), durations in days (−10.36 → "−10.4"), amounts grouped (1520 → "+1,520").
 */
export function difference(unit: MeasureUnit, value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  if (unit === 'amount') return value === 0 ? '0' : `${value > 0 ? '+' : '−'}${amount(Math.abs(value))}`;
  return signed(unit === 'ratio' ? value * 100 : value);
}

/** The 95% interval as "+3.0 … +11.2"; '—' when missing. */
export function interval(unit: MeasureUnit, ci: readonly [number, number] | null | undefined): string {
  if (!ci) return '—';
  return `${difference(unit, ci[0])} … ${difference(unit, ci[1])}`;
}

/** A share 0–1 as a whole percent: 0.4027 → "40%". */
export function wholePercent(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  return `${Math.round(value * 100)}%`;
}
