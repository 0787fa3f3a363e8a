/**
 * A notebook's ```chart directive as Observable Plot options: line, bar, dot or area of one sql
 * block's rows, x and y by column, an optional colour column, the y axis as a percentage, days or a
 * number. The dashboard draws them in the browser, the HTML file through plot-svg.ts.
 */
import * as Plot from '@observablehq/plot';
import { isTemporalType } from '../../models/notebook/column-types.ts';
import type { ChartSpec } from '../../models/notebook/parse.ts';
import type { ResultColumn, ResultRow } from '../../models/notebook/run.ts';
import { ACCENT, GRID, INK, labelWidth } from '../style/chart-style.ts';

/** Colours of the series, the dashboard's accent first. */
export const SERIES_COLORS = [ACCENT, '#f79009', '#12b76a', '#d92d20', '#0ba5ec', '#7a5af8', '#667085'];

export interface ChartData {
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly ResultRow[];
}

export interface ChartOptions {
  readonly width: number;
  readonly height?: number;
  /** a tip on hover (the dashboard); a static file has none */
  readonly interactive?: boolean;
  /** the document to draw in (Node: a linkedom document) */
  readonly document?: Document;
}

/** Plot options for the chart of `spec` over `data`. */
export function chartPlotOptions(spec: ChartSpec, data: ChartData, options: ChartOptions): Plot.PlotOptions {
  const type = (name: string | undefined) => data.columns.find((c) => c.name === name)?.type ?? '';
  const temporalX = isTemporalType(type(spec.x));
  const bar = spec.type === 'bar';
  // Timestamps come as "2025-01-01 00:00:00" (UTC); a bar chart reads them as categories.
  const monthly = data.rows.every((row) => /^\d{4}-\d{2}-01( 00:00:00)?$/.test(String(row[spec.x])));
  const x = (value: unknown) => {
    if (!temporalX || value === null || value === undefined) return value;
    return bar ? String(value).slice(0, monthly ? 7 : 10) : toDate(value);
  };
  const rows = data.rows.map((row) => ({
    ...row,
    [spec.x]: x(row[spec.x]),
    [spec.y]: row[spec.y] === null ? null : Number(row[spec.y]),
  }));
  // Bars with long category names lie down, so that the names can be read.
  const longest = Math.max(0, ...rows.map((row) => labelWidth(String(row[spec.x] ?? ''))));
  const horizontal = bar && longest > 80;

  const colorChannel = spec.color ? { [spec.type === 'line' || spec.type === 'dot' ? 'stroke' : 'fill']: spec.color } : {};
  const single = spec.color ? {} : spec.type === 'line' || spec.type === 'dot' ? { stroke: ACCENT } : { fill: ACCENT };
  const channels = { ...(horizontal ? { y: spec.x, x: spec.y } : { x: spec.x, y: spec.y }), ...colorChannel, ...single };

  const marks: Plot.Markish[] = [];
  if (bar || spec.type === 'area') marks.push(horizontal ? Plot.ruleX([0], { stroke: GRID }) : Plot.ruleY([0], { stroke: GRID }));
  if (spec.type === 'line') marks.push(Plot.lineY(rows, { ...channels, strokeWidth: 2, marker: rows.length <= 40 ? 'circle-stroke' : undefined }));
  if (spec.type === 'dot') marks.push(Plot.dot(rows, { ...channels, fill: spec.color ?? ACCENT, r: 3.5 }));
  if (bar) marks.push(horizontal ? Plot.barX(rows, channels) : Plot.barY(rows, channels));
  if (spec.type === 'area') marks.push(Plot.areaY(rows, { ...channels, fillOpacity: 0.7 }));
  if (options.interactive) marks.push(Plot.tip(rows, horizontal ? Plot.pointerY(channels) : Plot.pointerX(channels)));

  // Categories keep the order of the rows (the SQL's ORDER BY), not the alphabet.
  const category = { label: null, type: 'band' as const, domain: [...new Set(rows.map((row) => row[spec.x]))] };
  const value = {
    grid: true,
    label: spec.y_format === 'days' ? `${spec.y} (days)` : spec.y,
    ...(spec.y_format === 'percent' ? { tickFormat: '.0%' } : {}),
    ...(bar || spec.type === 'area' ? { zero: true } : {}),
  };
  const bands = new Set(rows.map((row) => row[spec.x])).size;
  return {
    width: options.width,
    height: options.height ?? (horizontal ? Math.max(160, 28 * bands + 60) : 280),
    marginLeft: horizontal ? Math.min(options.width / 2, longest + 16) : 56,
    marginBottom: bar && !horizontal && bands > 12 ? 56 : undefined,
    className: 'nb-plot',
    style: { fontFamily: 'inherit', fontSize: '12px', color: INK, background: 'transparent', overflow: 'visible' },
    ...(options.document ? { document: options.document } : {}),
    x: horizontal ? value
      : bar ? { ...category, tickRotate: bands > 12 ? -45 : 0 }
      : { label: spec.x, ...(temporalX ? { type: 'utc' as const } : {}) },
    y: horizontal ? category : value,
    color: spec.color
      ? { legend: true, range: SERIES_COLORS, type: 'categorical' as const, domain: [...new Set(rows.map((row) => row[spec.color!]))] }
      : undefined,
    marks,
  };
}

/** The chart as an element (an SVG, or a figure with the colour legend). */
export function renderChart(spec: ChartSpec, data: ChartData, options: ChartOptions): Element {
  return Plot.plot(chartPlotOptions(spec, data, options)) as Element;
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const iso = text.length === 10 ? `${text}T00:00:00Z` : `${text.replace(' ', 'T')}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
