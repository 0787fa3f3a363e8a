import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, PLOT_STYLE } from '../../../style/chart-style.ts';
import { percent } from '../../../../models/messages/format.ts';
import type { CheckId, ConformanceResponse } from './process.ts';

/** "2025-03" or "2025-Q2" → a UTC date at the period's first day (Plot's time scales are UTC). */
export function periodDate(period: string): Date {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return new Date(Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1));
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, 1));
}

/** One conformance check's rate per period as a small line; a period with nothing to check is a gap. */
export function conformanceChart(periods: ConformanceResponse['periods'], id: CheckId, width: number): Element {
  const rows = periods.map(({ period, checks }) => {
    const check = checks.find((c) => c.id === id);
    const rate = check && check.n > 0 ? check.rate : null;
    return {
      date: periodDate(period),
      rate,
      title: `${period}: ${percent(rate)} (${check?.count ?? 0}/${check?.n ?? 0})`,
    };
  });
  const defined = rows.filter((row) => row.rate != null);
  const quarterly = periods.some((p) => p.period.includes('Q'));
  return Plot.plot({
    width,
    height: 96,
    marginTop: 8,
    marginLeft: 40,
    marginRight: 10,
    marginBottom: 20,
    style: PLOT_STYLE,
    x: {
      type: 'utc',
      label: null,
      ticks: Math.max(2, Math.min(rows.length, Math.floor(width / 80))),
      tickFormat: quarterly ? (d: Date) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}` : '%Y-%m',
    },
    y: { label: null, grid: true, ticks: 3, nice: true, zero: true, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    marks: [
      Plot.ruleY([0], { stroke: GRID }),
      Plot.lineY(rows, { x: 'date', y: 'rate', stroke: ACCENT, strokeWidth: 1.5 }),
      Plot.dot(defined, { x: 'date', y: 'rate', r: 2, fill: ACCENT }),
      Plot.tip(defined, Plot.pointerX({ x: 'date', y: 'rate', title: 'title', fontSize: 11 })),
    ],
  });
}
