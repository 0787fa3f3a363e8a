/**
 * Kaplan–Meier survival curves and the log-rank test (Mantel–Haenszel form), for times to an event
 * where some items are still open (right-censored). References: Kaplan & Meier (1958); Peto & Peto
 * (1972); Bland & Altman, BMJ 2004;328:1073 (the log-rank test).
 */
import { erfc } from './normal.ts';

export interface Observation {
  /** time from the start (any unit; days in LTC Lens) */
  readonly time: number;
  /** true when the event happened at `time`; false when the item was still open then (censored) */
  readonly event: boolean;
}

export interface SurvivalStep {
  readonly time: number;
  /** items still at risk just before `time` */
  readonly at_risk: number;
  readonly events: number;
  readonly censored: number;
  /** S(t): the share still without the event just after `time` */
  readonly survival: number;
}

export interface SurvivalCurve {
  readonly n: number;
  readonly events: number;
  readonly censored: number;
  /** one step per distinct time with an event or a censoring */
  readonly steps: SurvivalStep[];
  /** the first time S(t) ≤ 0.5; null when the curve never gets there */
  readonly median: number | null;
}

/** Distinct times with their event and censoring counts, ascending. */
function tally(items: readonly Observation[]): { time: number; events: number; censored: number }[] {
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const { time, event } of items) {
    const t = byTime.get(time) ?? { events: 0, censored: 0 };
    if (event) t.events++; else t.censored++;
    byTime.set(time, t);
  }
  return [...byTime].sort(([a], [b]) => a - b).map(([time, t]) => ({ time, ...t }));
}

/** The product-limit estimate; at a tied time, events come before censorings (the usual convention). */
export function kaplanMeier(items: readonly Observation[]): SurvivalCurve {
  let atRisk = items.length;
  let survival = 1;
  let median: number | null = null;
  const steps: SurvivalStep[] = [];
  for (const { time, events, censored } of tally(items)) {
    if (events > 0) survival *= 1 - events / atRisk;
    steps.push({ time, at_risk: atRisk, events, censored, survival });
    if (median === null && survival <= 0.5 && events > 0) median = time;
    atRisk -= events + censored;
  }
  const events = items.filter((i) => i.event).length;
  return { n: items.length, events, censored: items.length - events, steps, median };
}

export interface LogRank {
  /** the chi-square statistic with one degree of freedom */
  readonly chi2: number;
  readonly p_value: number;
  readonly observed: [number, number];
  readonly expected: [number, number];
}

/** The log-rank test of two groups: Σ(O − E)² / V over the event times, chi-square with 1 df. */
export function logRank(a: readonly Observation[], b: readonly Observation[]): LogRank | null {
  const times = tally([...a, ...b]).filter((t) => t.events > 0).map((t) => t.time);
  let observedA = 0;
  let expectedA = 0;
  let variance = 0;
  let observedB = 0;
  let expectedB = 0;
  // Sorted sweeps keep this O((n + m) log(n + m)) rather than scanning every item per time.
  const sortedA = sweep(a);
  const sortedB = sweep(b);
  for (const t of times) {
    const nA = sortedA.atRisk(t);
    const nB = sortedB.atRisk(t);
    const dA = sortedA.events(t);
    const dB = sortedB.events(t);
    const n = nA + nB;
    const d = dA + dB;
    if (n === 0) continue;
    observedA += dA;
    observedB += dB;
    expectedA += (d * nA) / n;
    expectedB += (d * nB) / n;
    if (n > 1) variance += (d * (nA / n) * (nB / n) * (n - d)) / (n - 1);
  }
  if (variance <= 0) return null;
  const chi2 = (observedA - expectedA) ** 2 / variance;
  return { chi2, p_value: erfc(Math.sqrt(chi2 / 2)), observed: [observedA, observedB], expected: [expectedA, expectedB] };
}

/** The index of the first element of sorted `xs` that is ≥ t (strict: > t). */
function bound(xs: readonly number[], t: number, strict: boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < t || (strict && xs[mid] === t)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** At-risk and event counts of one group at any time, from its sorted times. */
function sweep(items: readonly Observation[]) {
  const times = items.map((i) => i.time).sort((x, y) => x - y);
  const eventTimes = items.filter((i) => i.event).map((i) => i.time).sort((x, y) => x - y);
  return {
    atRisk: (t: number) => times.length - bound(times, t, false),
    events: (t: number) => bound(eventTimes, t, true) - bound(eventTimes, t, false),
  };
}
