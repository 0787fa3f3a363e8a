import * as Plot from '@observablehq/plot';
import type { CurvePoint, SurvivalComparison } from './before-after.ts';
import { ACCENT, GRID, PLOT_STYLE, SURFACE, RULE, FAINT } from '../../../style/chart-style.ts';
import { measureNumber, percent } from '../../../../models/messages/format.ts';
import { monthDate } from './months.ts';
import type { TrendPeriod, TrendPoint } from './overview.ts';
import type { MeasureUnit } from './types.ts';

/** The two periods' colours, shared by the charts and their HTML legends. */
export const BEFORE_COLOR = '#8a94a6';
export const AFTER_COLOR = ACCENT;

const dayDate = (date: string) => new Date(`${date}T00:00:00Z`);

export interface TrendChartInput {
  points: TrendPoint[];
  periods: TrendPeriod[];
  unit: MeasureUnit;
  /** YYYY-MM-DD: the cut-over, and the first day of the after period (later with a transition) */
  cutover: string;
  afterFrom: string;
  /** the table's before and after values, drawn as flat segments over their periods */
  before: number | null;
  after: number | null;
  /** the unit word after a duration in the tooltip: "days" / "天" */
  daysWord: string;
}

/**
 * A measure by month with the cut-over as a dashed rule and the before and after values as flat
 * segments over their periods. As in the Overview sparklines, a month not over or with most items
 * still open is a hollow dot off the line.
 */
export function trendChart(input: TrendChartInput, width: number): Element {
  const { points, periods, unit } = input;
  const rows = points.map((point, i) => {
    const settled = point.n * 2 >= point.n + point.censored && !(periods[i]?.partial ?? false);
    const start = monthDate(point.period);
    return {
      start,
      // a month's value is drawn in its middle, so that the months on either side of a cut-over
      // on the 1st sit on either side of its rule
      date: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 15)),
      value: point.value,
      lineValue: settled ? point.value : null,
      settled,
      title: `${point.period}: ${measureNumber(unit, point.value)}${unit === 'days' && point.value != null ? ` ${input.daysWord}` : ''} · n ${point.n}`,
    };
  });
  const defined = rows.filter((row) => row.value != null);
  const first = rows[0]?.start ?? dayDate(input.cutover);
  const lastMonth = rows.at(-1)?.start ?? dayDate(input.cutover);
  const end = new Date(Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1, 1));
  const clamp = (d: Date) => new Date(Math.min(Math.max(d.getTime(), first.getTime()), end.getTime()));
  const cut = clamp(dayDate(input.cutover));
  const afterFrom = clamp(dayDate(input.afterFrom));
  const levels = [
    { x1: first, x2: cut, y: input.before, stroke: BEFORE_COLOR },
    { x1: afterFrom, x2: end, y: input.after, stroke: AFTER_COLOR },
  ].filter((level) => level.y != null && level.x2 > level.x1);
  const values = [...defined.map((row) => row.value as number), ...levels.map((level) => level.y as number)];
  const hi = Math.max(...values, unit === 'ratio' ? 0.05 : 1);
  return Plot.plot({
    width,
    height: 150,
    marginTop: 16,
    marginLeft: 40,
    marginRight: 8,
    marginBottom: 22,
    style: PLOT_STYLE,
    x: { type: 'utc', label: null, domain: [first, end], ticks: Math.max(2, Math.floor(width / 110)), tickFormat: '%Y-%m' },
    y: {
      domain: [0, hi * 1.1],
      nice: true,
      label: null,
      grid: true,
      ticks: 4,
      tickFormat: unit === 'ratio' ? (d: number) => `${Math.round(d * 100)}%` : undefined,
    },
    marks: [
      Plot.ruleY([0], { stroke: GRID }),
      ...(input.afterFrom > input.cutover
        ? [Plot.rectX([{ x1: cut, x2: afterFrom }], { x1: 'x1', x2: 'x2', fill: GRID, fillOpacity: 0.6 })]
        : []),
      Plot.ruleX([cut], { stroke: RULE, strokeDasharray: '4,3' }),
      Plot.lineY(rows, { x: 'date', y: 'lineValue', stroke: FAINT, strokeWidth: 1.25 }),
      Plot.dot(defined, {
        x: 'date',
        y: 'value',
        r: 2.5,
        fill: (row) => (row.settled ? (row.start < cut ? BEFORE_COLOR : AFTER_COLOR) : SURFACE),
        stroke: (row) => (row.start < cut ? BEFORE_COLOR : AFTER_COLOR),
      }),
      Plot.ruleY(levels, { x1: 'x1', x2: 'x2', y: 'y', stroke: 'stroke', strokeWidth: 2.5 }),
      Plot.text(levels, {
        x: (level) => new Date((level.x1.getTime() + level.x2.getTime()) / 2),
        y: 'y',
        text: (level) => measureNumber(unit, level.y),
        fill: 'stroke',
        dy: -8,
        fontWeight: 600,
        stroke: SURFACE,
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
      Plot.tip(defined, Plot.pointerX({ x: 'date', y: 'value', title: 'title' })),
    ],
  });
}

export interface SurvivalChartLabels {
  before: string;
  after: string;
  /** the y axis: "Share with an order" */
  share: string;
  /** the x axis: "Days since the lead was created" */
  days: string;
  /** a point's tooltip */
  tip: (period: string, day: number, share: string, atRisk: number) => string;
}

interface StepRow {
  period: string;
  day: number;
  share: number;
  title: string;
}

/** The last day on which the curve moves (an event, not only censoring). */
function lastChange(points: CurvePoint[]): number {
  for (let i = points.length - 1; i > 0; i--) if (points[i].survival !== points[i - 1].survival) return points[i].day;
  return points[0]?.day ?? 0;
}

/** 1 − S as a step line from day 0 (share reached), with the at-risk count in the tooltip. */
function stepRows(points: CurvePoint[], period: string, tip: SurvivalChartLabels['tip']): StepRow[] {
  const start = points[0]?.day === 0 ? [] : [{ day: 0, survival: 1, at_risk: points[0]?.at_risk ?? 0 }];
  return [...start, ...points].map((p) => ({
    period,
    day: p.day,
    share: 1 - p.survival,
    title: tip(period, p.day, percent(1 - p.survival), p.at_risk),
  }));
}

/**
 * Kaplan–Meier curves of one milestone, before against after, as the share of leads that had
 * reached it by each day since creation (1 − S, a step function); dotted rules at 30, 60, 90 days.
 */
export function survivalChart(curve: SurvivalComparison, labels: SurvivalChartLabels, width: number): Element {
  const rows = [
    ...stepRows(curve.before.points, labels.before, labels.tip),
    ...stepRows(curve.after.points, labels.after, labels.tip),
  ];
  // The long flat tails (only censored leads left) say nothing; the axis ends a little after the
  // last day on which either curve still moves.
  const lastMove = Math.max(lastChange(curve.before.points), lastChange(curve.after.points));
  const maxDay = Math.max(90, Math.ceil((lastMove * 1.15) / 30) * 30);
  const top = Math.max(0.05, ...rows.map((row) => row.share));
  const shown = rows.filter((row) => row.day <= maxDay);
  // Each step line ends at the axis' end (drawn, not clipped: a clipped path still widens the page).
  const drawn = [labels.before, labels.after].flatMap((period) => {
    const own = shown.filter((row) => row.period === period);
    const last = own.at(-1);
    return last && last.day < maxDay ? [...own, { ...last, day: maxDay }] : own;
  });
  return Plot.plot({
    width,
    height: 230,
    marginTop: 28,
    marginLeft: 44,
    marginRight: 12,
    marginBottom: 34,
    style: PLOT_STYLE,
    color: { domain: [labels.before, labels.after], range: [BEFORE_COLOR, AFTER_COLOR] },
    x: { domain: [0, maxDay], label: labels.days, labelAnchor: 'right', labelArrow: 'none', ticks: Math.max(3, Math.floor(width / 80)) },
    y: {
      domain: [0, Math.min(1, top * 1.15)],
      nice: true,
      label: labels.share,
      labelArrow: 'none',
      grid: true,
      ticks: 5,
      tickFormat: (d: number) => `${Math.round(d * 100)}%`,
    },
    marks: [
      Plot.ruleY([0], { stroke: GRID }),
      Plot.ruleX([30, 60, 90], { stroke: FAINT, strokeDasharray: '2,3' }),
      Plot.lineY(drawn, { x: 'day', y: 'share', stroke: 'period', strokeWidth: 2, curve: 'step-after' }),
      Plot.tip(shown, Plot.pointer({ x: 'day', y: 'share', title: 'title', stroke: 'period' })),
    ],
  });
}
