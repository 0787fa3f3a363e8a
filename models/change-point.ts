/**
 * When did it change? (docs/statistics.md, issue 6) Each measure's monthly series (models/trends.ts) is split
 * in two at every month boundary that leaves at least two months with values on each side; the split
 * whose two weighted means explain most of the series' weighted variance (a single change-point in
 * the mean, least squares, weights = the months' item counts) is that measure's suggested
 * cut-over. The overall suggestion is the boundary with the largest total explained share over the
 * measures. The user's own cut-over is scored the same way, to be shown beside it.
 */
import type { Database } from './db/database.ts';
import type { MeasureId } from './measures.ts';
import { assertDate, type PeriodOptions } from './period.ts';
import { trends, type TrendSeries } from './trends.ts';

export interface SplitScore {
  /** the first day of the after part, YYYY-MM-DD */
  readonly cutover: string;
  /** share of the weighted variance explained by the two means (0–1) */
  readonly explained: number;
  readonly before: number;
  readonly after: number;
}

export interface MeasureChange {
  readonly id: MeasureId;
  readonly label: string;
  readonly label_zh: string;
  /** the best split; null when the series has fewer than four months with values */
  readonly suggested: SplitScore | null;
  /** the split at the user's cut-over, when one was given and it lies inside the series */
  readonly chosen: SplitScore | null;
}

export interface ChangePointResult {
  readonly months: number;
  /** the boundary with the largest explained share summed over measures */
  readonly suggested_cutover: string | null;
  readonly chosen_cutover: string | null;
  readonly measures: MeasureChange[];
}

const MIN_SIDE = 2;

interface Point { month: string; value: number; weight: number }

function split(points: readonly Point[], at: number): SplitScore {
  const mean = (xs: readonly Point[]) => xs.reduce((s, p) => s + p.weight * p.value, 0) / xs.reduce((s, p) => s + p.weight, 0);
  const sse = (xs: readonly Point[], m: number) => xs.reduce((s, p) => s + p.weight * (p.value - m) ** 2, 0);
  const left = points.slice(0, at);
  const right = points.slice(at);
  const total = sse(points, mean(points));
  const within = sse(left, mean(left)) + sse(right, mean(right));
  return { cutover: `${points[at].month}-01`, explained: total > 0 ? 1 - within / total : 0, before: mean(left), after: mean(right) };
}

function seriesPoints(series: TrendSeries, months: readonly string[]): Point[] {
  return series.points
    .map((p, i) => ({ month: months[i], value: p.value, weight: p.n }))
    .filter((p): p is Point => p.value !== null && p.weight > 0);
}

export async function changePoints(db: Database, options: PeriodOptions & { cutover?: string } = {}): Promise<ChangePointResult> {
  if (options.cutover) assertDate(options.cutover, '--cutover');
  const monthly = await trends(db, { ...options, by: 'month' });
  const months = monthly.periods.map((p) => p.period);
  const totals = new Map<string, number>();
  const measures = monthly.measures.map((series): MeasureChange => {
    const points = seriesPoints(series, months);
    let best: SplitScore | null = null;
    let chosen: SplitScore | null = null;
    for (let at = MIN_SIDE; at <= points.length - MIN_SIDE; at++) {
      const score = split(points, at);
      totals.set(score.cutover, (totals.get(score.cutover) ?? 0) + score.explained);
      if (!best || score.explained > best.explained) best = score;
      if (options.cutover && points[at - 1].month < options.cutover.slice(0, 7) && points[at].month >= options.cutover.slice(0, 7)) chosen = score;
    }
    return { id: series.id, label: series.label, label_zh: series.label_zh, suggested: best, chosen };
  });
  const ranked = [...totals].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return {
    months: months.length,
    suggested_cutover: ranked[0]?.[0] ?? null,
    chosen_cutover: options.cutover ?? null,
    measures,
  };
}
