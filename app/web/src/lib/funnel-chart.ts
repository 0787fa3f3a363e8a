import * as Plot from '@observablehq/plot';
import { ACCENT, INK, labelWidth, PLOT_STYLE } from '../../../style/chart-style.ts';
import { count, percent } from '../../../../models/messages/format.ts';
import { labelOf } from './i18n.ts';
import type { FunnelStage, Lang } from './types.ts';

/** Horizontal bars of the funnel stages in milestone order, each labelled count · cumulative %. */
export function funnelChart(stages: FunnelStage[], width: number, lang: Lang): Element {
  const rows = stages.map((stage) => ({
    label: labelOf(stage, lang),
    count: stage.count,
    text: `${count(stage.count, lang)} · ${percent(stage.cumulative_conversion)}`,
  }));
  const max = Math.max(1, ...rows.map((row) => row.count));
  const marginLeft = Math.max(...rows.map((row) => labelWidth(row.label))) + 14;
  const marginRight = 112;
  return Plot.plot({
    // Never narrower than the labels plus a sliver of bar, or Plot draws negative widths.
    width: Math.max(width, marginLeft + marginRight + 48),
    height: rows.length * 36 + 8,
    marginTop: 4,
    marginBottom: 4,
    marginLeft,
    marginRight,
    style: PLOT_STYLE,
    x: { axis: null, domain: [0, max] },
    y: { domain: rows.map((row) => row.label), label: null, tickSize: 0, tickPadding: 10, padding: 0.3 },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'label', fill: ACCENT, rx: 3 }),
      Plot.text(rows, {
        x: 'count',
        y: 'label',
        text: 'text',
        textAnchor: 'start',
        dx: 8,
        fill: INK,
      }),
    ],
  });
}
