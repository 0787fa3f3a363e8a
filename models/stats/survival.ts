/**
 * Kaplan–Meier survival curves and the log-rank test (Mantel–Haenszel form), for times to an event
 * where some items are still open (right-censored). References: Kaplan & Meier (1958); Peto & Peto
 * (1972); Bland & Altman, BMJ 2004;328:1073 (the log-rank test).
 *
 * A group is given as its event times and its censoring times, each sorted ascending: both
 * estimates are then one merge over the sorted times (linear; a million leads take milliseconds).
 */
import { erfc } from './normal.ts';

export interface Observation {
  /** time from the start (any unit; days in LTC Lens) */
  readonly time: number;
  /** true when the event happened at `time`; false when the item was still open then (censored) */
  readonly event: boolean;
}

/** One group: the times of its events and of its censorings, each ascending. */
export interface GroupTimes {
  readonly events: ArrayLike<number>;
  readonly censored: ArrayLike<number>;
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

/** A group's sorted times from its observations. */
export function groupTimes(items: readonly Observation[]): GroupTimes {
  const sorted = (event: boolean) => Float64Array.from(items.filter((i) => i.event === event), (i) => i.time).sort();
  return { events: sorted(true), censored: sorted(false) };
}

/** How many values of sorted `xs` from index `i` on equal `t`. */
function run(xs: ArrayLike<number>, i: number, t: number): number {
  let j = i;
  while (j < xs.length && xs[j] === t) j++;
  return j - i;
}

/** The product-limit estimate; at a tied time, events come before censorings (the usual convention). */
export function kaplanMeier(times: GroupTimes): SurvivalCurve {
  const steps: SurvivalStep[] = [];
  let median: number | null = null;
  productLimit(times, (time, atRisk, d, k, survival) => {
    steps.push({ time, at_risk: atRisk, events: d, censored: k, survival });
    if (median === null && survival <= 0.5 && d > 0) median = time;
  });
  return { n: times.events.length + times.censored.length, events: times.events.length, censored: times.censored.length, steps, median };
}

/**
 * The product-limit estimate step by step, without keeping the steps: `visit` sees each distinct
 * time with those at risk just before it, its events, its censorings and S just after it. A curve
 * of a million leads is summarised in one pass (models/survival.ts) without a million step objects.
 */
export function productLimit(
  { events, censored }: GroupTimes,
  visit: (time: number, atRisk: number, events: number, censored: number, survival: number) => void,
): void {
  let atRisk = events.length + censored.length;
  let survival = 1;
  let e = 0;
  let c = 0;
  while (e < events.length || c < censored.length) {
    const time = Math.min(e < events.length ? events[e] : Infinity, c < censored.length ? censored[c] : Infinity);
    const d = run(events, e, time);
    const k = run(censored, c, time);
    if (d > 0) survival *= 1 - d / atRisk;
    visit(time, atRisk, d, k, survival);
    atRisk -= d + k;
    e += d;
    c += k;
  }
}

export interface LogRank {
  /** the chi-square statistic with one degree of freedom */
  readonly chi2: number;
  readonly p_value: number;
  readonly observed: [number, number];
  readonly expected: [number, number];
}

/** The log-rank test of two groups: Σ(O − E)² / V over the event times, chi-square with 1 df. */
export function logRank(a: GroupTimes, b: GroupTimes): LogRank | null {
  const A = cursor(a);
  const B = cursor(b);
  let observedA = 0;
  let expectedA = 0;
  let variance = 0;
  let observedB = 0;
  let expectedB = 0;
  for (;;) {
    const t = Math.min(A.nextEvent(), B.nextEvent());
    if (t === Infinity) break;
    const nA = A.atRisk(t);
    const nB = B.atRisk(t);
    const dA = A.takeEvents(t);
    const dB = B.takeEvents(t);
    const n = nA + nB;
    const d = dA + dB;
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

/** One group walked forward in time: those at risk at t and the events at t, each times advancing once. */
function cursor({ events, censored }: GroupTimes) {
  let e = 0;
  let c = 0;
  return {
    nextEvent: () => (e < events.length ? events[e] : Infinity),
    /** items whose time is t or later (call with non-decreasing t) */
    atRisk(t: number) {
      while (e < events.length && events[e] < t) e++;
      while (c < censored.length && censored[c] < t) c++;
      return events.length - e + censored.length - c;
    },
    /** the events at t, passed over */
    takeEvents(t: number) {
      const d = run(events, e, t);
      e += d;
      return d;
    },
  };
}
