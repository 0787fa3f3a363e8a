/**
 * Cycle times of every milestone-to-milestone transition of the case timelines (docs/measures.md): per
 * transition the completed ones (n, mean, median, p90 and total days, a histogram) and the cases
 * waiting in it at as_of (censored). A transition belongs to the period of its start moment.
 *
 * The timeline of a case (models/sql/07-transitions.sql) follows the milestones in their reference
 * order, from each reached milestone to the next reached one, skipping those a case did not reach.
 */
import type { Database } from './db/database.ts';
import { STAGES, type StageId } from './funnel.ts';
import { momentLabel } from './dso.ts';
import { asOfMoment, dataFacts, type DataFacts } from './measures.ts';
import { filterParam, periodBounds, UsageError, type PeriodOptions } from './period.ts';
import { sqlFile, statements } from './sql-files.ts';

export type Milestone = StageId;

/** The milestones in their reference order (docs/linking.md). */
export const MILESTONES: readonly Milestone[] = STAGES.map((s) => s.id);

export interface TransitionInfo {
  /** "order_created→delivered" */
  readonly id: string;
  readonly from: Milestone;
  readonly to: Milestone;
  /** "Order → Delivered" */
  readonly label: string;
  /** "订单 → 交付" */
  readonly label_zh: string;
}

export interface HistogramBin {
  /** inclusive lower edge in days */
  readonly from_days: number;
  /**
   * upper edge in days: exclusive, but inclusive in the last regular bin; null for an open last bin
   * holding the durations beyond (the longest 1% or fewer)
   */
  readonly to_days: number | null;
  readonly count: number;
}

export interface Histogram {
  /** width of the regular bins: 1, 2 or 5 × a power of ten, at most 20 of them covering the 99th percentile */
  readonly bin_days: number;
  readonly bins: readonly HistogramBin[];
}

export interface TransitionStats extends TransitionInfo {
  /** completed transitions that started in the period */
  readonly n: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
  /** n × mean: the days all completed transitions took together */
  readonly total_days: number;
  /** cases that started it in the period and still wait for its end milestone at as_of */
  readonly censored: number;
  /** completed transitions whose end milestone happened before their start (counted as 0 days) */
  readonly out_of_order: number;
  /** the completed durations; null when n = 0 */
  readonly histogram: Histogram | null;
}

export interface TransitionsResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  readonly transitions: TransitionStats[];
}

/** Every transition that started in the period, in milestone order. */
export async function transitions(db: Database, options: PeriodOptions = {}): Promise<TransitionsResult> {
  const scope = await transitionScope(db, options);
  if (!scope.params) return { data_end: scope.facts.data_end, as_of: null, transitions: [] };
  const rows = await transitionRows(db, scope.params);
  return { data_end: scope.facts.data_end, as_of: scope.asOf, transitions: rows.map((r) => r.stats) };
}

export function transitionInfo(from: Milestone, to: Milestone): TransitionInfo {
  const a = stage(from);
  const b = stage(to);
  return { id: `${from}→${to}`, from, to, label: `${a.label} → ${b.label}`, label_zh: `${a.label_zh} → ${b.label_zh}` };
}

/** "order_created→delivered" (or with "->"), two milestones in reference order. */
export function parseTransition(text: string): TransitionInfo {
  const parts = text.split(/→|->/).map((p) => p.trim());
  const [from, to] = parts as Milestone[];
  const position = (m: string) => MILESTONES.indexOf(m as Milestone);
  if (parts.length !== 2 || position(from) < 0 || position(to) < 0 || position(from) >= position(to)) {
    throw new UsageError(`a transition is two milestones in order like order_created→delivered (milestones: ${MILESTONES.join(', ')}), not "${text}"`);
  }
  return transitionInfo(from, to);
}

/** The SQL parameters every transition query takes (models/sql/07-transitions.sql, ltc_transition_steps). */
export interface TransitionParams {
  readonly [name: string]: string | boolean;
  readonly from: string;
  readonly to: string;
  readonly as_of: string;
  readonly filter: string;
  /** JSON: each milestone → the next milestone whose data is loaded (what a case there waits for) */
  readonly next: string;
  /** compute live for an as_of other than data_end instead of reading the materialized table */
  readonly live: boolean;
}

export interface TransitionScope {
  readonly facts: DataFacts;
  /** the as_of moment (--as-of, else data_end) as YYYY-MM-DDTHH:MM:SS */
  readonly asOf: string | null;
  /** null when nothing is loaded */
  readonly params: TransitionParams | null;
}

export async function transitionScope(db: Database, options: PeriodOptions): Promise<TransitionScope> {
  const facts = await dataFacts(db);
  const bounds = periodBounds(options);
  const asOf = asOfMoment(facts, options);
  if (asOf === null) return { facts, asOf: null, params: null };
  return {
    facts, asOf: momentLabel(asOf),
    params: { ...bounds, as_of: asOf, ...filterParam(options), next: JSON.stringify(nextLoaded(facts)), live: options.asOf !== undefined },
  };
}

/** Per transition: the stats, and what the bottleneck analysis adds (waiting ages, lead-to-cash days). */
export interface TransitionRow {
  readonly stats: TransitionStats;
  readonly waiting: {
    readonly count: number;
    readonly days_0_7: number;
    readonly days_8_30: number;
    readonly days_31_90: number;
    readonly days_over_90: number;
    readonly mean_days: number | null;
    readonly max_days: number | null;
  };
  /** days the lead-to-cash cohort (leads created in the period, paid by as_of) spent in it */
  readonly lead_to_cash_days: number;
  /** cases of that cohort it brought to cash (non-zero only for transitions ending at paid) */
  readonly lead_to_cash_cases: number;
}

interface SummaryRow {
  from_milestone: Milestone;
  to_milestone: Milestone;
  n: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  total_days: number | null;
  censored: number;
  out_of_order: number;
  waiting_0_7: number;
  waiting_8_30: number;
  waiting_31_90: number;
  waiting_over_90: number;
  waiting_mean: number | null;
  waiting_max: number | null;
  lead_to_cash_days: number | null;
  lead_to_cash_cases: number;
  bin_days: number | null;
  bins: { bin: number; count: number }[] | null;
  bins_regular: number | null;
}

export async function transitionRows(db: Database, params: TransitionParams): Promise<TransitionRow[]> {
  const rows = await db.query<SummaryRow>(sqlFile('transitions-summary.sql'), params);
  return rows
    .map((r): TransitionRow => ({
      stats: {
        ...transitionInfo(r.from_milestone, r.to_milestone),
        n: Number(r.n), mean: r.mean, median: r.median, p90: r.p90, total_days: r.total_days ?? 0,
        censored: Number(r.censored), out_of_order: Number(r.out_of_order),
        histogram: histogram(r),
      },
      waiting: {
        count: Number(r.censored), days_0_7: Number(r.waiting_0_7), days_8_30: Number(r.waiting_8_30),
        days_31_90: Number(r.waiting_31_90), days_over_90: Number(r.waiting_over_90),
        mean_days: r.waiting_mean, max_days: r.waiting_max,
      },
      lead_to_cash_days: r.lead_to_cash_days ?? 0,
      lead_to_cash_cases: Number(r.lead_to_cash_cases),
    }))
    .sort((a, b) => compareTransitions(a.stats, b.stats));
}

/** Milestone order: by start milestone, then by end milestone. */
export function compareTransitions(a: TransitionInfo, b: TransitionInfo): number {
  return MILESTONES.indexOf(a.from) - MILESTONES.indexOf(b.from) || MILESTONES.indexOf(a.to) - MILESTONES.indexOf(b.to);
}

function histogram(r: SummaryRow): Histogram | null {
  if (r.bin_days === null || r.bins_regular === null || Number(r.n) === 0) return null;
  const width = r.bin_days;
  const regular = Number(r.bins_regular);
  const counts = new Map((r.bins ?? []).map((b) => [Number(b.bin), Number(b.count)]));
  const bins: HistogramBin[] = [];
  for (let i = 0; i < regular; i++) bins.push({ from_days: round(i * width), to_days: round((i + 1) * width), count: counts.get(i) ?? 0 });
  const overflow = counts.get(regular);
  if (overflow) bins.push({ from_days: round(regular * width), to_days: null, count: overflow });
  return { bin_days: width, bins };
}

/** Bin edges are multiples of a 1-2-5 width; drop the floating-point dust (0.30000000000000004). */
const round = (x: number) => Number(x.toPrecision(12));

/** Each milestone → the next milestone whose data is loaded: what a case that reached it waits for. */
export function nextLoaded(facts: DataFacts): Partial<Record<Milestone, Milestone>> {
  const loaded = STAGES.filter((s) => s.loaded(facts)).map((s) => s.id);
  const next: Partial<Record<Milestone, Milestone>> = {};
  for (const milestone of MILESTONES) {
    const after = loaded.find((m) => MILESTONES.indexOf(m) > MILESTONES.indexOf(milestone));
    if (after) next[milestone] = after;
  }
  return next;
}

function stage(id: Milestone) {
  const found = STAGES.find((s) => s.id === id);
  if (!found) throw new Error(`unknown milestone ${id}`);
  return found;
}
