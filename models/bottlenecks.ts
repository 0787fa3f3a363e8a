/**
 * Bottlenecks (docs/measures.md): for every transition its cycle times, the days spent in it, its share of
 * lead-to-cash time, the cases waiting in it now and for how long, and the segments in which it is
 * markedly slower; the transition with the most days spent is named the bottleneck in one sentence,
 * its n in it. A thin transition (fewer than THIN_CASES completed) is never named: when every
 * transition is thin there is no bottleneck, and `thin_only` says why.
 *
 * Definitions (a transition belongs to the period of its start moment, filters apply throughout):
 * - total_days = n × mean of the completed transitions.
 * - share_of_lead_to_cash: of the lead-to-cash cohort — cases of leads created in the period that
 *   were paid by as_of — the days its cases spent in this transition ÷ the days they spent in all
 *   transitions (= the sum of their lead-to-cash times). The shares add up to 1.
 * - waiting: cases that reached the start milestone, not yet the end one, at as_of (and were not
 *   lost), by the days waited so far w: 0–7 (w ≤ 7), 8–30 (7 < w ≤ 30), 31–90 (30 < w ≤ 90),
 *   90+ (w > 90); over_30_days = w > 30.
 * - markedly slower segment: a value of source, owner, region or segment with ≥ 20 completed
 *   transitions (and ≥ 20 outside it) whose durations differ from the rest's by a two-sided
 *   Mann–Whitney U test (normal approximation, tie and continuity corrections) with Holm-adjusted
 *   p < 0.05 over all values tested for that transition, and whose median is ≥ 1.25 × the rest's.
 */
import { bottleneckSentences } from './bottleneck-words.ts';
import { sayAll } from './messages/catalogue.ts';
import { WAITING_BUCKET_LABELS } from './messages/bottlenecks.ts';
import { fieldPair } from './words.ts';
import type { Database } from './db/database.ts';
import type { DayBucket } from './day-buckets.ts';
import { type PeriodOptions, type SegmentKey } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sqlFile } from './sql-files.ts';
import { holmAdjust } from './stats/holm.ts';
import { mannWhitneyFromRanks } from './stats/mann-whitney.ts';
import {
  parseTransition, THIN_CASES, transitionRows, transitionScope,
  type Milestone, type TransitionInfo, type TransitionParams, type TransitionRow, type TransitionStats,
} from './transitions.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

/** How a segment is judged markedly slower. */
export const SEGMENT_TEST = {
  min_cases: 20,
  alpha: 0.05,
  min_ratio: 1.25,
  test: 'Mann–Whitney U, two-sided, normal approximation with tie and continuity corrections',
  correction: 'holm',
} as const;

export type WaitingBucketId = '0-7' | '8-30' | '31-90' | '90+';

/** Days waited w in (min_days, max_days]; the first bucket includes 0. */
export const WAITING_BUCKETS: readonly DayBucket<WaitingBucketId, number>[] = ([
  { id: '0-7', min_days: 0, max_days: 7 },
  { id: '8-30', min_days: 7, max_days: 30 },
  { id: '31-90', min_days: 30, max_days: 90 },
  { id: '90+', min_days: 90, max_days: null },
] as const).map(({ id, min_days, max_days }) => ({ id, ...fieldPair('label', sayAll(WAITING_BUCKET_LABELS, id)), min_days, max_days }));

export interface WaitingBucket extends DayBucket<WaitingBucketId, number> {
  readonly count: number;
}

export interface Waiting {
  /** cases waiting in the transition at as_of (its censored count) */
  readonly count: number;
  readonly over_30_days: number;
  readonly mean_days: number | null;
  readonly max_days: number | null;
  readonly aging: readonly WaitingBucket[];
}

export interface SegmentTest {
  readonly key: SegmentKey;
  readonly value: string;
  /** completed transitions of the value, and of all other cases */
  readonly n: number;
  readonly median: number;
  readonly rest_n: number;
  readonly rest_median: number;
  /** median ÷ rest_median; null when the rest's median is 0 */
  readonly ratio: number | null;
  /** U of the value's durations against the rest's (scipy's statistic), its z and two-sided p */
  readonly u: number;
  readonly z: number;
  readonly p_value: number;
  /** Holm-adjusted over every value tested for this transition */
  readonly p_adjusted: number;
  readonly markedly_slower: boolean;
}

export interface BottleneckTransition extends TransitionStats {
  /** null when no lead of the period was paid by as_of */
  readonly share_of_lead_to_cash: number | null;
  readonly waiting: Waiting;
  /** the markedly slower segment values, largest ratio first */
  readonly slower_segments: readonly SegmentTest[];
  /** every value tested, largest ratio first */
  readonly segments_tested: readonly SegmentTest[];
}

export interface Bottleneck {
  /** the transition id, e.g. "invoiced→paid" */
  readonly transition: string;
  readonly label: string;
  readonly label_zh: string;
  readonly total_days: number;
  /** completed transitions it was measured on (at least thin_below) */
  readonly n: number;
  readonly share_of_lead_to_cash: number | null;
  readonly waiting_over_30_days: number;
  /** the markedly slower segment value with the largest ratio, if any */
  readonly slower_segment: SegmentTest | null;
  readonly sentence: string;
  readonly sentence_zh: string;
}

export interface BottlenecksResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  /** the lead-to-cash cohort: leads created in the period and paid by as_of, and their days in all transitions */
  readonly lead_to_cash: { readonly cases: number; readonly days: number };
  readonly segment_test: typeof SEGMENT_TEST;
  /** a transition with fewer completed cases than this is thin and never the bottleneck */
  readonly thin_below: number;
  /** transitions completed, but each by fewer than thin_below cases: no bottleneck is named */
  readonly thin_only: boolean;
  readonly transitions: BottleneckTransition[];
  /** the transition that is not thin with the largest total_days; null when there is none */
  readonly bottleneck: Bottleneck | null;
}

export async function bottlenecks(db: Database, options: PeriodOptions = {}): Promise<BottlenecksResult> {
  const scope = await transitionScope(db, options);
  const empty = {
    data_end: scope.facts.data_end, as_of: scope.asOf, lead_to_cash: { cases: 0, days: 0 }, segment_test: SEGMENT_TEST,
    thin_below: THIN_CASES, thin_only: false, transitions: [], bottleneck: null,
  };
  if (!scope.params) return empty;
  const rows = await transitionRows(db, scope.params);
  const segments = await segmentTests(db, scope.params);
  const cohortDays = rows.reduce((sum, r) => sum + r.lead_to_cash_days, 0);
  const cohortCases = rows.reduce((sum, r) => sum + r.lead_to_cash_cases, 0);
  const transitions = rows.map((row): BottleneckTransition => {
    const tested = segments.get(row.stats.id) ?? [];
    return {
      ...row.stats,
      share_of_lead_to_cash: cohortDays > 0 ? row.lead_to_cash_days / cohortDays : null,
      waiting: waiting(row),
      slower_segments: tested.filter((s) => s.markedly_slower),
      segments_tested: tested,
    };
  });
  const bottleneck = nameBottleneck(transitions);
  return {
    data_end: scope.facts.data_end, as_of: scope.asOf,
    lead_to_cash: { cases: cohortCases, days: cohortDays },
    segment_test: SEGMENT_TEST, thin_below: THIN_CASES,
    thin_only: bottleneck === null && transitions.some((t) => t.n > 0),
    transitions, bottleneck,
  };
}

function waiting(row: TransitionRow): Waiting {
  const w = row.waiting;
  const counts: Record<WaitingBucketId, number> = { '0-7': w.days_0_7, '8-30': w.days_8_30, '31-90': w.days_31_90, '90+': w.days_over_90 };
  return {
    count: w.count, over_30_days: w.days_31_90 + w.days_over_90, mean_days: w.mean_days, max_days: w.max_days,
    aging: WAITING_BUCKETS.map((b) => ({ ...b, count: counts[b.id] })),
  };
}

interface SegmentRow {
  from_milestone: Milestone;
  to_milestone: Milestone;
  key: SegmentKey;
  value: string;
  n: number;
  rank_sum: number;
  median: number;
  rest_n: number;
  rest_median: number;
  tie_term: number;
}

/** The segment tests of every transition, by transition id, largest ratio first. */
async function segmentTests(db: Database, params: TransitionParams): Promise<Map<string, SegmentTest[]>> {
  const rows = await db.query<SegmentRow>(sqlFile('bottlenecks-segments.sql'), { ...params, min_cases: SEGMENT_TEST.min_cases });
  const byTransition = new Map<string, SegmentRow[]>();
  for (const row of rows) {
    const id = `${row.from_milestone}→${row.to_milestone}`;
    byTransition.set(id, [...(byTransition.get(id) ?? []), row]);
  }
  const out = new Map<string, SegmentTest[]>();
  for (const [id, group] of byTransition) {
    const tests = group.map((r) => {
      const n = Number(r.n);
      const restN = Number(r.rest_n);
      return { r, n, restN, result: mannWhitneyFromRanks({ n1: n, n2: restN, rankSum1: Number(r.rank_sum), tieTerm: Number(r.tie_term) }) };
    });
    const adjusted = holmAdjust(tests.map((t) => t.result.p_value));
    out.set(id, tests.map(({ r, n, restN, result }, i): SegmentTest => {
      const ratio = r.rest_median > 0 ? r.median / r.rest_median : null;
      return {
        key: r.key, value: r.value, n, median: r.median, rest_n: restN, rest_median: r.rest_median, ratio,
        u: result.u1, z: result.z, p_value: result.p_value, p_adjusted: adjusted[i],
        markedly_slower: adjusted[i] < SEGMENT_TEST.alpha && ratio !== null && ratio >= SEGMENT_TEST.min_ratio,
      };
    }).sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity) || a.key.localeCompare(b.key) || a.value.localeCompare(b.value)));
  }
  return out;
}

function nameBottleneck(transitions: readonly BottleneckTransition[]): Bottleneck | null {
  let top: BottleneckTransition | undefined;
  for (const t of transitions) if (!t.thin && t.n > 0 && (top === undefined || t.total_days > top.total_days)) top = t;
  if (!top) return null;
  const slower = top.slower_segments[0] ?? null;
  return {
    transition: top.id, label: top.label, label_zh: top.label_zh, total_days: top.total_days, n: top.n,
    share_of_lead_to_cash: top.share_of_lead_to_cash, waiting_over_30_days: top.waiting.over_30_days,
    slower_segment: slower, ...bottleneckSentences(top, slower),
  };
}

export interface BottleneckCase {
  readonly case_id: string;
  readonly origin: 'lead' | 'opportunity' | 'order';
  readonly lead_id: string | null;
  /** the case's first order (its order-side milestones follow it) */
  readonly order_id: string | null;
  readonly source: string | null;
  readonly owner: string | null;
  readonly region: string | null;
  readonly segment: string | null;
  /** when the case reached the start milestone, and the end one (null while waiting) */
  readonly start_at: string;
  readonly end_at: string | null;
  /** the transition's duration, or for a waiting case the days waited so far at as_of */
  readonly days: number;
  readonly waiting: boolean;
  readonly out_of_order: boolean;
}

export interface BottleneckCasesResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  readonly transition: TransitionInfo;
  /** cases of the transition that started in the period (completed and waiting), and of them waiting */
  readonly total: number;
  readonly waiting: number;
  readonly limit: number;
  /** slowest first, at most `limit` */
  readonly cases: BottleneckCase[];
}

export const DEFAULT_CASES_LIMIT = 100;
export const MAX_CASES_LIMIT = 1000;

/** The slow cases of one transition ("order_created→delivered"): the drill-down of the bottleneck. */
export async function bottleneckCases(
  db: Database, transition: string, options: PeriodOptions & { readonly limit?: number } = {},
): Promise<BottleneckCasesResult> {
  const info = parseTransition(transition);
  const limit = options.limit ?? DEFAULT_CASES_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CASES_LIMIT) {
    throw new UsageError(sayAll(ANALYSIS_ERRORS, 'casesLimit', { max: String(MAX_CASES_LIMIT), value: String(limit) }));
  }
  const scope = await transitionScope(db, options);
  const base = { data_end: scope.facts.data_end, as_of: scope.asOf, transition: info, limit };
  if (!scope.params) return { ...base, total: 0, waiting: 0, cases: [] };
  const rows = await db.query<BottleneckCase & { total: number; waiting_total: number }>(
    sqlFile('bottlenecks-cases.sql'), { ...scope.params, from_milestone: info.from, to_milestone: info.to, limit });
  return {
    ...base,
    total: Number(rows[0]?.total ?? 0),
    waiting: Number(rows[0]?.waiting_total ?? 0),
    cases: rows.map(({ total: _total, waiting_total: _waiting, ...c }) => c),
  };
}
