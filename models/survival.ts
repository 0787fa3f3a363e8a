/**
 * Time to order and time to cash per period, with the open cases counted (docs/statistics.md): Kaplan–Meier
 * curves before and after a cut-over and the log-rank test of their difference. A naive "average
 * days to order" of converted leads leaves out every lead still open — the younger the period, the
 * more of them — and so flatters the recent period; these curves keep them as censored.
 */
import type { Database } from './db/database.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { assertDate, filterParam, type PeriodOptions } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sayAll } from './messages/catalogue.ts';
import { SURVIVAL_CURVES } from './messages/before-after.ts';
import { fieldPair } from './words.ts';
import { sqlFile } from './sql-files.ts';
import { logRank, productLimit, type GroupTimes } from './stats/survival.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

export interface CurvePoint {
  /** whole days since lead creation */
  readonly day: number;
  /** the share still without the event at the end of that day */
  readonly survival: number;
  /** leads still at risk at the start of that day */
  readonly at_risk: number;
}

export interface PeriodCurve {
  readonly n: number;
  readonly events: number;
  readonly censored: number;
  /** the Kaplan–Meier median in days (exact event time); null when fewer than half had the event */
  readonly median_days: number | null;
  /** the share that had the event within 30, 60 and 90 days (1 − S(t)), open cases counted */
  readonly share_by: { readonly 30: number; readonly 60: number; readonly 90: number };
  /** the curve by whole day, for charts (the estimate itself uses exact times) */
  readonly points: CurvePoint[];
}

export interface SurvivalComparison {
  readonly id: 'time_to_order' | 'time_to_cash';
  readonly label: string;
  readonly label_zh: string;
  readonly before: PeriodCurve;
  readonly after: PeriodCurve;
  /** log-rank test of before against after; null when it cannot be computed (no events) */
  readonly log_rank: { chi2: number; p_value: number } | null;
}

export interface SurvivalResult {
  readonly cutover: string;
  readonly data_end: string | null;
  readonly as_of: string | null;
  readonly curves: SurvivalComparison[];
}

export interface SurvivalOptions extends PeriodOptions {
  readonly cutover: string;
  /** days after the cut-over left out as a transition (as compare's --exclude-days) */
  readonly excludeDays?: string | number;
}

/** One period's times in days, as lists (sorted here): the events and censorings of each curve. */
interface TimesRow {
  period: 'before' | 'after';
  order_events: number[];
  order_censored: number[];
  cash_events: number[];
  cash_censored: number[];
}

const CURVES: { id: SurvivalComparison['id']; label: string; label_zh: string }[] = (['time_to_order', 'time_to_cash'] as const).map((id) => ({
  id, ...fieldPair('label', sayAll(SURVIVAL_CURVES, id)),
}));

export async function survival(db: Database, options: SurvivalOptions): Promise<SurvivalResult> {
  if (!options.cutover) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'cutoverRequiredAlone'));
  assertDate(options.cutover, '--cutover');
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const exclude = Number(options.excludeDays ?? 0);
  if (!Number.isInteger(exclude) || exclude < 0 || exclude > 3650) {
    throw new UsageError(sayAll(ANALYSIS_ERRORS, 'excludeDaysWhole', { value: String(options.excludeDays) }));
  }
  const rows = asOf === null ? [] : await db.query<TimesRow>(sqlFile('survival.sql'), {
    cut: `${options.cutover} 00:00:00`, exclude, as_of: asOf, ...filterParam(options),
  });
  const times = (curve: SurvivalComparison['id'], period: TimesRow['period']): GroupTimes => {
    const row = rows.find((r) => r.period === period);
    const prefix = curve === 'time_to_order' ? 'order' : 'cash';
    return { events: Float64Array.from(row?.[`${prefix}_events`] ?? []).sort(), censored: Float64Array.from(row?.[`${prefix}_censored`] ?? []).sort() };
  };
  return {
    cutover: options.cutover,
    data_end: facts.data_end,
    as_of: asOf === null ? null : asOf.replace(' ', 'T').slice(0, 19),
    curves: CURVES.map(({ id, label, label_zh }) => {
      const before = times(id, 'before');
      const after = times(id, 'after');
      const test = logRank(before, after);
      return {
        id, label, label_zh,
        before: periodCurve(before),
        after: periodCurve(after),
        log_rank: test && { chi2: test.chi2, p_value: test.p_value },
      };
    }),
  };
}

/** The curve by whole day: the survival at the end of each day on which something happened. */
function periodCurve(times: GroupTimes): PeriodCurve {
  // One pass over the product-limit steps, none of them kept: a point per day (at risk at its first
  // step, S after its last), S at days 30, 60, 90 and the median.
  const points: { day: number; survival: number; at_risk: number }[] = [];
  const survivalBy = { 30: 1, 60: 1, 90: 1 };
  let median: number | null = null;
  productLimit(times, (time, atRisk, events, _censored, survival) => {
    const day = Math.floor(time);
    const last = points.length > 0 ? points[points.length - 1] : undefined;
    if (last && last.day === day) last.survival = survival;
    else points.push({ day, survival, at_risk: atRisk });
    if (time <= 30) survivalBy[30] = survival;
    if (time <= 60) survivalBy[60] = survival;
    if (time <= 90) survivalBy[90] = survival;
    if (median === null && survival <= 0.5 && events > 0) median = time;
  });
  const n = times.events.length + times.censored.length;
  return {
    n, events: times.events.length, censored: times.censored.length, median_days: median,
    share_by: { 30: 1 - survivalBy[30], 60: 1 - survivalBy[60], 90: 1 - survivalBy[90] }, points,
  };
}
