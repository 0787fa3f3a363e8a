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
import { kaplanMeier, logRank, type GroupTimes, type SurvivalCurve } from './stats/survival.ts';
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

/** One curve of one period: its event and censoring times in days, as lists (sorted here). */
interface TimesRow {
  curve: SurvivalComparison['id'];
  period: 'before' | 'after';
  events: number[];
  censored: number[];
}

const CURVES: { id: SurvivalComparison['id']; label: string; label_zh: string }[] = (['time_to_order', 'time_to_cash'] as const).map((id) => ({
  id, ...fieldPair('label', sayAll(SURVIVAL_CURVES, id)),
}));

/** The observations of survival.sql gathered per curve and period (list(… ORDER BY …) is several times slower than sorting here). */
const TIMES_SQL = `WITH observations AS (${sqlFile('survival.sql')})
SELECT curve, period,
  coalesce(list(time) FILTER (WHERE event), []) AS events,
  coalesce(list(time) FILTER (WHERE NOT event), []) AS censored
FROM observations
GROUP BY curve, period`;

export async function survival(db: Database, options: SurvivalOptions): Promise<SurvivalResult> {
  if (!options.cutover) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'cutoverRequiredAlone'));
  assertDate(options.cutover, '--cutover');
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const exclude = Number(options.excludeDays ?? 0);
  if (!Number.isInteger(exclude) || exclude < 0 || exclude > 3650) {
    throw new UsageError(sayAll(ANALYSIS_ERRORS, 'excludeDaysWhole', { value: String(options.excludeDays) }));
  }
  const rows = asOf === null ? [] : await db.query<TimesRow>(TIMES_SQL, {
    cut: `${options.cutover} 00:00:00`, exclude, as_of: asOf, ...filterParam(options),
  });
  const times = (curve: SurvivalComparison['id'], period: TimesRow['period']): GroupTimes => {
    const row = rows.find((r) => r.curve === curve && r.period === period);
    return { events: Float64Array.from(row?.events ?? []).sort(), censored: Float64Array.from(row?.censored ?? []).sort() };
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
        before: periodCurve(kaplanMeier(before)),
        after: periodCurve(kaplanMeier(after)),
        log_rank: test && { chi2: test.chi2, p_value: test.p_value },
      };
    }),
  };
}

/** The curve by whole day: the survival at the end of each day on which something happened. */
function periodCurve(curve: SurvivalCurve): PeriodCurve {
  // One pass: a point per day (at risk at its first step, S after its last), and S at days 30, 60, 90.
  const points: { day: number; survival: number; at_risk: number }[] = [];
  const survivalBy = { 30: 1, 60: 1, 90: 1 };
  let atRisk = curve.n;
  for (const step of curve.steps) {
    const day = Math.floor(step.time);
    const last = points.length > 0 ? points[points.length - 1] : undefined;
    if (last && last.day === day) last.survival = step.survival;
    else points.push({ day, survival: step.survival, at_risk: atRisk });
    if (step.time <= 30) survivalBy[30] = step.survival;
    if (step.time <= 60) survivalBy[60] = step.survival;
    if (step.time <= 90) survivalBy[90] = step.survival;
    atRisk -= step.events + step.censored;
  }
  return {
    n: curve.n, events: curve.events, censored: curve.censored, median_days: curve.median,
    share_by: { 30: 1 - survivalBy[30], 60: 1 - survivalBy[60], 90: 1 - survivalBy[90] }, points,
  };
}
