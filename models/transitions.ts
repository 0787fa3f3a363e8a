/**
 * Cycle times of every milestone-to-milestone transition of the case timelines (docs/measures.md): per
 * transition the completed ones (n, mean, median, p90 and total days, a histogram) and the cases
 * waiting in it at as_of (censored). A transition belongs to the period of its start moment.
 *
 * The timeline of a case (models/sql/07-transitions.sql) follows the milestones in their reference
 * order, from each reached milestone to the next reached one, skipping those a case did not reach.
 * Where a CRM export is loaded without orders, an opportunity's outcome (won or lost) ends its case
 * and a loaded stage history puts the opportunity's stages ('stage:<label>') in place of its creation.
 * A transition completed by fewer than THIN_BELOW cases is thin: shown, marked, never the headline.
 */
import type { Database } from './db/database.ts';
import { STAGES, type StageId } from './funnel.ts';
import { momentLabel } from './dso.ts';
import { THIN_BELOW } from './measure-catalog.ts';
import { asOfMoment, dataFacts, type DataFacts } from './measures.ts';
import { filterParam, periodBounds, type PeriodOptions } from './period.ts';
import { UsageError } from './analysis/errors.ts';
import { sqlFile, statements } from './sql-files.ts';
import { sayAll } from './messages/catalogue.ts';
import { STAGE_LABELS, TRANSITION_LABEL } from './messages/stages.ts';
import { fieldPair } from './words.ts';
import { sayEach } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

/** An opportunity's end where no order is loaded: won (the path on), lost (an exit). */
export type Outcome = 'won' | 'lost';

/** A milestone of the reference order, an outcome, or a stage of an opportunity's stage history. */
export type Milestone = StageId | Outcome | `stage:${string}`;

const OUTCOMES: readonly { id: Outcome; label: string; label_zh: string }[] = (['won', 'lost'] as const).map((id) => ({
  id, ...fieldPair('label', sayAll(STAGE_LABELS, id)),
}));

/** The milestones in their reference order (docs/linking.md); the outcomes follow the opportunity side. */
export const MILESTONES: readonly Milestone[] = [
  ...STAGES.slice(0, 4).map((s) => s.id), ...OUTCOMES.map((o) => o.id), ...STAGES.slice(4).map((s) => s.id),
];

/** Completed transitions fewer than this make a thin figure: marked, never named the bottleneck. */
export const THIN_CASES = THIN_BELOW;

export interface TransitionInfo {
  /** "order_created→delivered" */
  readonly id: string;
  readonly from: Milestone;
  readonly to: Milestone;
  /** "Order → Delivered" */
  readonly label: string;
  /** the same in Chinese */
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
  /** n < THIN_CASES: too few completed cases for a headline */
  readonly thin: boolean;
}

export interface TransitionsResult {
  readonly data_end: string | null;
  readonly as_of: string | null;
  /** a transition with fewer completed cases than this is thin */
  readonly thin_below: number;
  readonly transitions: TransitionStats[];
}

/** Every transition that started in the period, in milestone order. */
export async function transitions(db: Database, options: PeriodOptions = {}): Promise<TransitionsResult> {
  const scope = await transitionScope(db, options);
  if (!scope.params) return { data_end: scope.facts.data_end, as_of: null, thin_below: THIN_CASES, transitions: [] };
  const rows = await transitionRows(db, scope.params);
  return { data_end: scope.facts.data_end, as_of: scope.asOf, thin_below: THIN_CASES, transitions: rows.map((r) => r.stats) };
}

export function transitionInfo(from: Milestone, to: Milestone): TransitionInfo {
  const a = milestoneLabel(from);
  const b = milestoneLabel(to);
  const names = sayEach(TRANSITION_LABEL, 'transition', (lang) => (lang === 'en' ? { from: a.label, to: b.label } : { from: a.label_zh, to: b.label_zh }));
  return { id: `${from}→${to}`, from, to, ...fieldPair('label', names) };
}

const isStage = (m: string): m is `stage:${string}` => m.startsWith('stage:') && m.length > 'stage:'.length;

/**
 * "order_created→delivered" (or with "->"): two milestones in reference order, or a transition with a
 * stage of a stage history ("stage:Prospecting→stage:Negotiation", "stage:Negotiation→won").
 */
export function parseTransition(text: string): TransitionInfo {
  const parts = text.split(/→|->/).map((p) => p.trim());
  const [from = '', to = ''] = parts;
  const position = (m: string) => MILESTONES.indexOf(m as Milestone);
  const known = (m: string) => position(m) >= 0 || isStage(m);
  const ordered = isStage(from) || isStage(to) || position(from) < position(to);
  if (parts.length !== 2 || !known(from) || !known(to) || from === to || !ordered) {
    throw new UsageError(sayAll(ANALYSIS_ERRORS, 'transition', { milestones: MILESTONES.join(', '), value: text }));
  }
  return transitionInfo(from as Milestone, to as Milestone);
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
  /** the mean position of its start milestone in the case timelines: orders stage transitions */
  position: number;
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
  const order = (a: SummaryRow, b: SummaryRow) =>
    compareTransitions({ from: a.from_milestone, to: a.to_milestone }, { from: b.from_milestone, to: b.to_milestone })
    || Number(a.position) - Number(b.position) || Number(b.n) - Number(a.n);
  return [...rows].sort(order)
    .map((r): TransitionRow => ({
      stats: {
        ...transitionInfo(r.from_milestone, r.to_milestone),
        n: Number(r.n), mean: r.mean, median: r.median, p90: r.p90, total_days: r.total_days ?? 0,
        censored: Number(r.censored), out_of_order: Number(r.out_of_order),
        histogram: histogram(r),
        thin: Number(r.n) < THIN_CASES,
      },
      waiting: {
        count: Number(r.censored), days_0_7: Number(r.waiting_0_7), days_8_30: Number(r.waiting_8_30),
        days_31_90: Number(r.waiting_31_90), days_over_90: Number(r.waiting_over_90),
        mean_days: r.waiting_mean, max_days: r.waiting_max,
      },
      lead_to_cash_days: r.lead_to_cash_days ?? 0,
      lead_to_cash_cases: Number(r.lead_to_cash_cases),
    }));
}

/**
 * Milestone order: by start milestone, then by end milestone. Stages of a stage history stand where
 * the opportunity's creation stands; among themselves they keep the order their rows come in.
 */
export function compareTransitions(a: Pick<TransitionInfo, 'from' | 'to'>, b: Pick<TransitionInfo, 'from' | 'to'>): number {
  const rank = (m: Milestone) => MILESTONES.indexOf(isStage(m) ? 'opportunity_created' : m);
  return rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to);
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

/**
 * Each milestone → the next milestone whose data is loaded: what a case that reached it waits for.
 * An open opportunity waits to be won where no orders are loaded; nothing waits to be lost.
 */
export function nextLoaded(facts: DataFacts): Partial<Record<Milestone, Milestone>> {
  const loaded: Milestone[] = STAGES.filter((s) => s.loaded(facts)).map((s) => s.id);
  if (facts.opportunities > 0 && facts.orders === 0) loaded.push('won');
  const next: Partial<Record<Milestone, Milestone>> = {};
  for (const milestone of MILESTONES) {
    const after = loaded
      .filter((m) => MILESTONES.indexOf(m) > MILESTONES.indexOf(milestone))
      .sort((a, b) => MILESTONES.indexOf(a) - MILESTONES.indexOf(b))[0];
    if (after) next[milestone] = after;
  }
  return next;
}

/** The label of a milestone; a stage of a stage history is named as the CRM names it. */
export function milestoneLabel(id: Milestone): { label: string; label_zh: string } {
  if (isStage(id)) return { label: id.slice('stage:'.length), label_zh: id.slice('stage:'.length) };
  const found = STAGES.find((s) => s.id === id) ?? OUTCOMES.find((o) => o.id === id);
  if (!found) throw new Error(`unknown milestone ${id}`);
  return found;
}
