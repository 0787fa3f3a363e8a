/**
 * The evaluation report's charts as inline SVG (Observable Plot in Node, app/render/plot-svg.ts):
 * a measure's monthly series with the cut-over, the duration distributions of both periods, and the
 * time-to-event curves. Static: no tips, no scripts.
 */
import * as Plot from '@observablehq/plot';
import type { PeriodCurve } from '../../models/survival.ts';
import type { TrendSeries } from '../../models/trends.ts';
import { ACCENT, GRID, INK } from '../style/chart-style.ts';
import { plotSvg } from './plot-svg.ts';

export const BEFORE_COLOR = '#98a2b3';
export const AFTER_COLOR = ACCENT;

const BASE = { style: { fontSize: '10px', color: INK, background: 'transparent' }, marginLeft: 44 } as const;

const monthDate = (period: string) => new Date(`${period}-01T00:00:00Z`);

/** The monthly values of one measure, the cut-over as a rule, and each side's mean as a segment. */
export function trendChart(series: TrendSeries, periods: readonly string[], cutover: string | null, means: { before: number; after: number } | null): string {
  // Months with very few judged items (the youngest leads, still inside the window) would draw as
  // wild swings: a month is shown when it has at least a tenth of the series' median count.
  const counts = series.points.filter((p) => p.value !== null).map((p) => p.n).sort((a, b) => a - b);
  const enough = Math.max(5, 0.1 * (counts[Math.floor(counts.length / 2)] ?? 0));
  const points = series.points
    .map((p, i) => ({ date: monthDate(periods[i]), value: p.value, n: p.n }))
    .filter((p): p is { date: Date; value: number; n: number } => p.value !== null && p.n >= enough);
  if (points.length < 2) return '';
  const cut = cutover ? new Date(`${cutover}T00:00:00Z`) : null;
  const first = points[0].date;
  const last = points[points.length - 1].date;
  const segments = cut && means ? [
    { x1: first, x2: cut, y: means.before, period: 'before' },
    { x1: cut, x2: last, y: means.after, period: 'after' },
  ] : [];
  return plotSvg({
    ...BASE, width: 360, height: 170,
    y: { grid: true, label: null, tickFormat: series.unit === 'ratio' ? '.0%' : undefined, zero: series.unit === 'ratio' },
    x: { label: null, ticks: 4 },
    marks: [
      Plot.gridY({ stroke: GRID, strokeOpacity: 1 }),
      Plot.line(points, { x: 'date', y: 'value', stroke: INK, strokeWidth: 1.5 }),
      Plot.dot(points, { x: 'date', y: 'value', fill: INK, r: 1.8 }),
      ...(cut ? [Plot.ruleX([cut], { stroke: AFTER_COLOR, strokeDasharray: '4,3' })] : []),
      Plot.link(segments, { x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: (d: { period: string }) => (d.period === 'before' ? BEFORE_COLOR : AFTER_COLOR), strokeWidth: 2.5 }),
    ],
  });
}

/** Histograms of a duration's completed items, before and after, as shares of each period's items. */
export function distributionChart(before: readonly number[], after: readonly number[], labels: { before: string; after: string }): string {
  if (before.length === 0 || after.length === 0) return '';
  const all = [...before, ...after].sort((a, b) => a - b);
  // The long tail is folded into the last bin at the 98th percentile so the bulk is readable.
  const top = Math.max(all[Math.floor(0.98 * (all.length - 1))], 1e-9);
  const BINS = 24;
  const width = top / BINS;
  const bins = (items: readonly number[], period: string) => {
    const counts = new Array<number>(BINS).fill(0);
    for (const days of items) counts[Math.min(BINS - 1, Math.floor(days / width))]++;
    return counts.map((count, k) => ({ x1: k * width, x2: (k + 1) * width, share: count / items.length, period }));
  };
  const rows = [...bins(before, labels.before), ...bins(after, labels.after)];
  return plotSvg({
    ...BASE, width: 360, height: 170,
    x: { label: 'days', labelAnchor: 'right' },
    y: { grid: true, label: null, tickFormat: '.0%' },
    color: { domain: [labels.before, labels.after], range: [BEFORE_COLOR, AFTER_COLOR], legend: true },
    marks: [
      Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'share', fill: 'period', fillOpacity: 0.5, mixBlendMode: 'multiply', inset: 0.5 }),
      Plot.ruleY([0], { stroke: INK }),
    ],
  });
}

/** Share of leads that reached the event by each day (1 − Kaplan–Meier S), before and after. */
export function survivalChart(before: PeriodCurve, after: PeriodCurve, labels: { before: string; after: string }, yLabel: string): string {
  const line = (curve: PeriodCurve, period: string) => [{ day: 0, share: 0, period }, ...curve.points.map((p) => ({ day: p.day, share: 1 - p.survival, period }))];
  const rows = [...line(before, labels.before), ...line(after, labels.after)];
  if (rows.length <= 2) return '';
  return plotSvg({
    ...BASE, width: 560, height: 220,
    x: { label: 'days since lead created', labelAnchor: 'right', domain: [0, Math.min(365, Math.max(...rows.map((r) => r.day)))] },
    y: { grid: true, label: yLabel, tickFormat: '.0%', zero: true },
    color: { domain: [labels.before, labels.after], range: [BEFORE_COLOR, AFTER_COLOR], legend: true },
    marks: [
      Plot.line(rows.filter((r) => r.day <= 365), { x: 'day', y: 'share', stroke: 'period', curve: 'step-after', strokeWidth: 2 }),
    ],
  });
}
