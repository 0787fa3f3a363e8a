import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, INK, labelWidth, NEUTRAL, PLOT_STYLE, SURFACE } from '../../../style/chart-style.ts';
import { compactAmount, days, measureNumber } from '../../../../models/messages/format.ts';
import { monthDate } from './months.ts';
import { labelOf } from './i18n.ts';
import type { AgingBucket, DsoMonth, TrendPeriod, TrendPoint } from './overview.ts';
import type { Lang, MeasureUnit } from './types.ts';

/**
 * A KPI's values per period as a small line without axes. As in the cohort chart, a period where
 * fewer than half its items are complete (the last ones before data_end) is a hollow dot off the
 * line, so a value from a few early finishers does not read as a change; so is a period not over.
 */
export function sparkline(
  points: TrendPoint[],
  periods: TrendPeriod[],
  unit: MeasureUnit,
  width: number,
): Element {
  const rows = points.map((point, i) => {
    const settled = point.n * 2 >= point.n + point.censored && !(periods[i]?.partial ?? false);
    return {
      i,
      value: point.value,
      lineValue: settled ? point.value : null,
      settled,
      title: `${point.period}: ${measureNumber(unit, point.value)}`,
    };
  });
  const defined = rows.filter((row) => row.value != null);
  const unsettled = defined.filter((row) => !row.settled);
  const last = defined.filter((row) => row.settled).at(-1);
  const values = defined.map((row) => row.value as number);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * 0.12 : Math.max(Math.abs(hi) * 0.1, 0.01);
  return Plot.plot({
    width,
    height: 40,
    margin: 4,
    style: PLOT_STYLE,
    x: { axis: null, domain: [0, Math.max(1, rows.length - 1)] },
    y: { axis: null, domain: [lo - pad, hi + pad] },
    marks: [
      Plot.areaY(rows, { x: 'i', y1: lo - pad, y2: 'lineValue', fill: ACCENT, fillOpacity: 0.08 }),
      Plot.lineY(rows, { x: 'i', y: 'lineValue', stroke: ACCENT, strokeWidth: 1.5 }),
      Plot.dot(unsettled, { x: 'i', y: 'value', r: 2, fill: SURFACE, stroke: ACCENT, strokeOpacity: 0.7 }),
      ...(last ? [Plot.dot([last], { x: 'i', y: 'value', r: 2.5, fill: ACCENT })] : []),
      Plot.tip(defined, Plot.pointerX({ x: 'i', y: 'value', title: 'title', fontSize: 11 })),
    ],
  });
}

/**
 * DSO per month as a line; a month not yet over is a hollow dot. A thin month (little invoiced,
 * models/dso.ts) is a hollow grey dot off the line, and the months that are not thin set the scale:
 * a thin value above it is a hollow triangle on the top edge, its value in the tip.
 */
export function dsoChart(months: DsoMonth[], width: number, words: { thin: string; offScale: (value: string) => string }): Element {
  const solid = months.filter((m) => m.dso != null && !m.thin).map((m) => m.dso as number);
  // the scale: the months that are not thin, with room above for the off-scale triangles
  const top = solid.length > 0 ? Math.max(...solid, 1) * 1.15 : undefined;
  const rows = months.map((month) => {
    const off = month.thin && top !== undefined && month.dso != null && month.dso > top;
    const value = `${days(month.dso)}${month.thin ? ` (${words.thin})` : ''}`;
    return {
      date: monthDate(month.month),
      dso: month.dso,
      lineValue: month.thin ? null : month.dso,
      shown: off ? top : month.dso,
      partial: month.partial,
      thin: month.thin,
      off,
      title: `${month.month}: ${off ? words.offScale(value) : value}`,
    };
  });
  const defined = rows.filter((row) => row.dso != null);
  return Plot.plot({
    width,
    height: 110,
    marginTop: 8,
    marginLeft: 36,
    marginRight: 24,
    marginBottom: 22,
    style: PLOT_STYLE,
    x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor(width / 90)), tickFormat: '%Y-%m' },
    y: top === undefined
      ? { label: null, grid: true, ticks: 3, nice: true, zero: true }
      : { label: null, grid: true, ticks: 3, domain: [0, top * 1.1] },
    marks: [
      Plot.ruleY([0], { stroke: GRID }),
      Plot.lineY(rows, { x: 'date', y: 'lineValue', stroke: ACCENT, strokeWidth: 1.5 }),
      Plot.dot(defined.filter((row) => !row.thin), {
        x: 'date', y: 'dso', r: 2.5, fill: (row) => (row.partial ? SURFACE : ACCENT), stroke: ACCENT, className: 'dso-month',
      }),
      Plot.dot(defined.filter((row) => row.thin && !row.off), {
        x: 'date', y: 'shown', r: 3, fill: SURFACE, stroke: NEUTRAL, strokeWidth: 1.5, className: 'dso-thin',
      }),
      Plot.dot(defined.filter((row) => row.off), {
        x: 'date', y: 'shown', r: 3.5, symbol: 'triangle', fill: SURFACE, stroke: NEUTRAL, strokeWidth: 1.5, className: 'dso-thin dso-off-scale',
      }),
      Plot.tip(defined, Plot.pointerX({ x: 'date', y: 'shown', title: 'title' })),
    ],
  });
}

const AGING_COLORS: Record<string, string> = {
  current: '#98a2b3',
  '1-30': '#fdb022',
  '31-60': '#f79009',
  '61-90': '#dc6803',
  '90+': '#b54708',
};

/** Open receivables per aging bucket, not yet due first, each labelled with its amount. */
export function agingChart(buckets: AgingBucket[], width: number, lang: Lang): Element {
  const rows = buckets.map((bucket) => ({
    label: labelOf(bucket, lang),
    amount: bucket.open_amount,
    fill: AGING_COLORS[bucket.id] ?? ACCENT,
    text: bucket.count > 0 ? compactAmount(bucket.open_amount, lang) : '—',
  }));
  const marginLeft = Math.max(...rows.map((row) => labelWidth(row.label))) + 12;
  const marginRight = 56;
  return Plot.plot({
    width: Math.max(width, marginLeft + marginRight + 60),
    height: rows.length * 26 + 8,
    marginTop: 4,
    marginBottom: 4,
    marginLeft,
    marginRight,
    style: PLOT_STYLE,
    color: { type: 'identity' },
    x: { axis: null, domain: [0, Math.max(1, ...rows.map((row) => row.amount))] },
    y: { domain: rows.map((row) => row.label), label: null, tickSize: 0, tickPadding: 8, padding: 0.25 },
    marks: [
      Plot.barX(rows, { x: 'amount', y: 'label', fill: 'fill', rx: 2 }),
      Plot.text(rows, { x: 'amount', y: 'label', text: 'text', textAnchor: 'start', dx: 6, fill: INK }),
    ],
  });
}
