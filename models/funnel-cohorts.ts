/**
 * The funnel per lead cohort (docs/measures.md, funnel; issue 4 item 3): leads grouped by the month or
 * quarter of their creation, and for each cohort the number that reached each milestone or a later
 * one within W days of creation, with step and cumulative conversion — optionally one such table
 * per value of a segment.
 *
 * Windowed and honest about censoring: a milestone counts only when reached within W days (the
 * conversion window, default 90) of the lead's creation. A lead created less than W days before
 * as_of cannot be judged yet; it is counted in `censored`, left out of every count and rate, and
 * the cohort is not `complete`. (`reached_to_date` gives the running count that includes them.)
 *
 * Relation to lead_conversion_rate (docs/measures.md): its numerator is the observable leads with a first
 * order within W days and its denominator the observable leads, over the leads created in the
 * period. Here the order stage of the `total` funnel counts exactly those leads and `lead_created`
 * exactly that denominator, so for the same period, filters, W and as_of:
 *   total.stages[order_created].cumulative_conversion === lead_conversion_rate.value,
 *   total.stages[order_created].count === its count, total.observable === its n,
 *   total.censored === its censored,
 * and each cohort's order-stage cumulative conversion is that rate for the leads of the cohort.
 * To keep this exact, a delivery, invoice or payment of the first order dated before the order's
 * creation counts from the order's creation.
 */
import type { Database } from './db/database.ts';
import { attributeKeys } from './filters.ts';
import { STAGES, type StageId } from './funnel.ts';
import { asOfMoment, dataFacts } from './measures.ts';
import { SEGMENT_KEYS, filterParam, periodBounds, windowDays, type PeriodOptions } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sqlFile } from './sql-files.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

export type CohortGrain = 'month' | 'quarter';
export const COHORT_GRAINS: readonly CohortGrain[] = ['month', 'quarter'];

export interface FunnelCohortOptions extends PeriodOptions {
  /** cohorts by month (default) or quarter of lead creation */
  readonly by?: CohortGrain;
  /** split by source, owner, region, segment or an extra column of the data */
  readonly bySegment?: string;
}

export interface CohortStage {
  readonly id: StageId;
  /** observable leads that reached this milestone or a later one within W days */
  readonly count: number;
  /** count ÷ the previous stage's count (1 for the first stage); null when the previous is 0 */
  readonly step_conversion: number | null;
  /** count ÷ the observable leads; null when no lead is observable */
  readonly cumulative_conversion: number | null;
  /** every lead of the view, observable or not, that reached the stage within W days and by as_of */
  readonly reached_to_date: number;
}

export interface WindowedFunnel {
  /** leads created in the view */
  readonly leads: number;
  /** leads created at least W days before as_of: the ones every count and rate is about */
  readonly observable: number;
  /** leads younger than W days at as_of: not yet observable */
  readonly censored: number;
  /** true when no lead is censored */
  readonly complete: boolean;
  readonly stages: CohortStage[];
}

export interface CohortFunnel extends WindowedFunnel {
  /** '2025-01' (month) or '2025-Q1' (quarter) */
  readonly cohort: string;
  /** first and last day of the cohort's month or quarter, YYYY-MM-DD */
  readonly start: string;
  readonly end: string;
}

export interface SegmentFunnels {
  /** the segment's value; null for the leads without one */
  readonly value: string | null;
  readonly total: WindowedFunnel;
  readonly cohorts: CohortFunnel[];
}

export interface FunnelCohorts {
  readonly data_end: string | null;
  /** the moment the view is judged at: --as-of, else data_end */
  readonly as_of: string | null;
  readonly window_days: number;
  /** leads created up to this moment (as_of − W) are observable */
  readonly observable_until: string | null;
  readonly by: CohortGrain;
  /** the segment the view is split by, or null */
  readonly by_segment: string | null;
  /** the stages shown (those whose table is loaded), in order */
  readonly stages: { readonly id: StageId; readonly label: string; readonly label_zh: string }[];
  /** all leads of the view together */
  readonly total: WindowedFunnel;
  /** every month or quarter from the first cohort to the last, empty ones included */
  readonly cohorts: CohortFunnel[];
  /** one funnel per segment value (most leads first, the leads without a value last); null when not split */
  readonly segments: SegmentFunnels[] | null;
}

type StageCounts = Record<StageId | `${StageId}_to_date`, number>;
interface CohortRow extends StageCounts {
  cohort_start: string;
  segment_value: string | null;
  leads: number;
}

export async function funnelCohorts(db: Database, options: FunnelCohortOptions = {}): Promise<FunnelCohorts> {
  const by = options.by ?? 'month';
  if (!COHORT_GRAINS.includes(by)) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'byMonthOrQuarter', { value: String(by) }));
  const window = windowDays(options);
  const bounds = periodBounds(options);
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const split = await segmentColumn(db, options.bySegment);
  const stages = STAGES.filter((s) => s.loaded(facts));

  const base = {
    data_end: facts.data_end, as_of: asOf !== null ? isoMoment(asOf) : null, window_days: window,
    observable_until: asOf !== null ? isoMoment(minusDays(asOf, window)) : null,
    by, by_segment: split?.key ?? null,
    stages: stages.map(({ id, label, label_zh }) => ({ id, label, label_zh })),
  };
  if (asOf === null || facts.leads === 0) {
    return { ...base, stages: [], total: summarize([], []), cohorts: [], segments: split ? [] : null };
  }

  const rows = await db.query<CohortRow>(sqlFile('funnel-cohorts.sql'), {
    ...bounds, as_of: asOf, window, grain: by, ...filterParam(options),
    segment: split?.column ?? '', attribute_path: split?.column === 'attribute' ? jsonPath(split.key) : '',
  });
  const ids = stages.map((s) => s.id);
  const starts = cohortStarts(rows.map((r) => r.cohort_start), by);
  const view = (subset: CohortRow[]) => ({
    total: summarize(subset, ids),
    cohorts: starts.map((start) => ({
      cohort: cohortLabel(start, by), start, end: cohortEnd(start, by),
      ...summarize(subset.filter((r) => r.cohort_start === start), ids),
    })),
  });

  let segments: SegmentFunnels[] | null = null;
  if (split) {
    const values = [...new Set(rows.map((r) => r.segment_value))];
    const leadsOf = (v: string | null) => rows.filter((r) => r.segment_value === v).reduce((sum, r) => sum + r.leads, 0);
    values.sort((a, b) => (a === null ? 1 : b === null ? -1 : leadsOf(b) - leadsOf(a) || (a < b ? -1 : a > b ? 1 : 0)));
    segments = values.map((value) => ({ value, ...view(rows.filter((r) => r.segment_value === value)) }));
  }
  return { ...base, ...view(rows), segments };
}

/** Adds up cohort rows (whole cohorts, or segments of them) into one windowed funnel. */
function summarize(rows: readonly CohortRow[], ids: readonly StageId[]): WindowedFunnel {
  const sum = (column: keyof StageCounts | 'leads') => rows.reduce((total, r) => total + Number(r[column]), 0);
  const leads = sum('leads');
  const observable = sum('lead_created');
  const stages: CohortStage[] = [];
  for (const id of ids) {
    const count = sum(id);
    const previous = stages.at(-1)?.count;
    stages.push({
      id, count,
      step_conversion: previous === undefined ? (count > 0 ? 1 : null) : previous > 0 ? count / previous : null,
      cumulative_conversion: observable > 0 ? count / observable : null,
      reached_to_date: sum(`${id}_to_date`),
    });
  }
  return { leads, observable, censored: leads - observable, complete: leads === observable, stages };
}

/** The segment to split by: one of the four case segments, or an extra column the data carries. */
async function segmentColumn(db: Database, key: string | undefined): Promise<{ key: string; column: string } | null> {
  if (key === undefined || key === '') return null;
  if ((SEGMENT_KEYS as readonly string[]).includes(key)) return { key, column: key };
  const attributes = await attributeKeys(db);
  if (attributes.includes(key)) return { key, column: 'attribute' };
  const choices = [...SEGMENT_KEYS, ...attributes].map((k) => JSON.stringify(k)).join(', ');
  throw new UsageError(sayAll(ANALYSIS_ERRORS, 'bySegment', { choices, value: JSON.stringify(key) }));
}

/** A JSONPath naming one key of an object, whatever characters the key holds. */
function jsonPath(key: string): string {
  return `$."${key.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const MONTHS: Record<CohortGrain, number> = { month: 1, quarter: 3 };

/** Every cohort start from the first to the last present, so gaps show as empty cohorts. */
function cohortStarts(present: readonly string[], by: CohortGrain): string[] {
  if (present.length === 0) return [];
  const sorted = [...new Set(present)].sort();
  const last = sorted.at(-1)!;
  const out: string[] = [];
  for (let start = sorted[0]; start <= last; start = addMonths(start, MONTHS[by])) out.push(start);
  return out;
}

function cohortLabel(start: string, by: CohortGrain): string {
  return by === 'month' ? start.slice(0, 7) : `${start.slice(0, 4)}-Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1}`;
}

function cohortEnd(start: string, by: CohortGrain): string {
  const d = new Date(`${addMonths(start, MONTHS[by])}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** A SQL timestamp ('2025-01-31 23:59:59.999999' or '2025-01-31T10:00:00') as YYYY-MM-DDTHH:MM:SS. */
function isoMoment(moment: string): string {
  return moment.replace(' ', 'T').slice(0, 19);
}

function minusDays(moment: string, days: number): string {
  const d = new Date(`${moment.replace(' ', 'T').slice(0, 19)}Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 19);
}
