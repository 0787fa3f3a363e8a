import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, INK, PLOT_STYLE } from '../../../style/chart-style.ts';
import { percent } from '../../../../models/messages/format.ts';

/**
 * The cumulative share of cases covered by the variants up to each rank, as an area; a rule marks
 * the number of variants listed.
 */
export function coverageChart(coverage: readonly number[], listed: number, width: number, labels: { rank: string; covered: string }): Element {
  const rows = coverage.map((share, i) => ({ rank: i + 1, share, title: `#${i + 1}: ${percent(share)}` }));
  const shownAt = rows[Math.min(listed, rows.length) - 1];
  return Plot.plot({
    width,
    height: 150,
    marginTop: 10,
    marginLeft: 44,
    marginRight: 16,
    marginBottom: 32,
    style: PLOT_STYLE,
    x: {
      label: labels.rank,
      labelAnchor: 'right',
      labelArrow: 'none',
      domain: [1, Math.max(2, rows.length)],
      ticks: Math.max(2, Math.min(rows.length, Math.floor(width / 70))),
      tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : ''),
    },
    y: { label: null, ariaLabel: labels.covered, domain: [0, 1], grid: true, ticks: 4, tickFormat: (v: number) => `${Math.round(v * 100)}%` },
    marks: [
      Plot.ruleY([0], { stroke: GRID }),
      Plot.areaY(rows, { x: 'rank', y: 'share', fill: ACCENT, fillOpacity: 0.1, curve: 'step-after' }),
      Plot.lineY(rows, { x: 'rank', y: 'share', stroke: ACCENT, strokeWidth: 1.5, curve: 'step-after' }),
      ...(shownAt && rows.length > 1
        ? [
            Plot.ruleX([shownAt], { x: 'rank', stroke: INK, strokeDasharray: '3,3', strokeOpacity: 0.6 }),
            Plot.dot([shownAt], { x: 'rank', y: 'share', r: 3, fill: ACCENT }),
            Plot.text([shownAt], {
              x: 'rank',
              y: 'share',
              text: (d: { share: number }) => percent(d.share),
              dx: 6,
              dy: 10,
              textAnchor: 'start',
              fill: INK,
              fontWeight: 600,
            }),
          ]
        : []),
      Plot.tip(rows, Plot.pointerX({ x: 'rank', y: 'share', title: 'title', fontSize: 11 })),
    ],
  });
}
