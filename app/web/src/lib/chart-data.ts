/**
 * What a chart says, for those who cannot see it: one sentence and the values drawn, shown to
 * screen readers as the chart's caption and table (PlotFigure). Built from the same rows the chart
 * draws, in the page's language.
 */
import type { Lang } from './types.ts';

export interface ChartData {
  readonly summary: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** "lowest 5.6 in 2025-01, highest 27.9 in 2024-06, latest 12.8 in 2025-12" over labelled values. */
export function seriesSummary(points: readonly { label: string; value: number | null }[], format: (v: number) => string, lang: Lang): string {
  const known = points.filter((p): p is { label: string; value: number } => p.value !== null);
  if (known.length === 0) return lang === 'zh' ? '暂无数值。' : 'No values yet.';
  const low = known.reduce((a, b) => (b.value < a.value ? b : a));
  const high = known.reduce((a, b) => (b.value > a.value ? b : a));
  const last = known[known.length - 1];
  return lang === 'zh'
    ? `${known.length} 个数值：最低 ${format(low.value)}（${low.label}），最高 ${format(high.value)}（${high.label}），最新 ${format(last.value)}（${last.label}）。`
    : `${known.length} values: lowest ${format(low.value)} (${low.label}), highest ${format(high.value)} (${high.label}), latest ${format(last.value)} (${last.label}).`;
}

/** A monthly series as a chart's caption and table: month, value, items measured. */
export function monthlyData(
  points: readonly { month: string; value: number | null; n?: number }[],
  format: (v: number) => string,
  columns: readonly string[],
  lang: Lang,
): ChartData {
  return {
    summary: seriesSummary(points.map((p) => ({ label: p.month, value: p.value })), format, lang),
    columns,
    rows: points.map((p) => (p.n === undefined ? [p.month, p.value === null ? null : format(p.value)] : [p.month, p.value === null ? null : format(p.value), p.n])),
  };
}
