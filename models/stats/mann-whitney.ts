/**
 * The Mann–Whitney U test by the normal approximation, with the tie correction of the variance and
 * the continuity correction — as scipy.stats.mannwhitneyu(x, y, method='asymptotic') computes it:
 *
 *   U1 = R1 − n1(n1+1)/2,  U2 = n1·n2 − U1,  μ = n1·n2/2,
 *   σ = √( n1·n2/12 · ((n+1) − Σ(t³−t) / (n(n−1))) )   (t = size of each group of tied values),
 *   z = (U − μ − ½) / σ with U = max(U1, U2) two-sided (p = 2·P(Z > z)), U1 for 'greater' (x larger),
 *   U2 for 'less'; p is clipped to [0, 1].
 */
import { normalSf } from './normal.ts';

export type Alternative = 'two-sided' | 'greater' | 'less';

/** What the test needs from the pooled ranks: the sizes, x's rank sum and the tie term Σ(t³ − t). */
export interface RankSummary {
  readonly n1: number;
  readonly n2: number;
  /** the sum of x's ranks in the pooled sample, tied values getting their average rank */
  readonly rankSum1: number;
  /** Σ(t³ − t) over the groups of tied values of the pooled sample */
  readonly tieTerm: number;
}

export interface MannWhitneyResult {
  /** U of the first sample (scipy's statistic) */
  readonly u1: number;
  readonly u2: number;
  readonly z: number;
  readonly p_value: number;
}

/** The test on two samples. */
export function mannWhitneyU(x: readonly number[], y: readonly number[], alternative: Alternative = 'two-sided'): MannWhitneyResult {
  return mannWhitneyFromRanks(rankSummary(x, y), alternative);
}

/** Ranks of the pooled sample (average ranks for ties): x's rank sum and the tie term. */
export function rankSummary(x: readonly number[], y: readonly number[]): RankSummary {
  const pooled = [...x.map((v) => ({ v, first: true })), ...y.map((v) => ({ v, first: false }))].sort((a, b) => a.v - b.v);
  let rankSum1 = 0;
  let tieTerm = 0;
  for (let i = 0; i < pooled.length;) {
    let j = i;
    while (j + 1 < pooled.length && pooled[j + 1].v === pooled[i].v) j++;
    const t = j - i + 1;
    const rank = (i + 1 + j + 1) / 2;
    for (let k = i; k <= j; k++) if (pooled[k].first) rankSum1 += rank;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { n1: x.length, n2: y.length, rankSum1, tieTerm };
}

/** rankSummary of two ascending samples, by merging them (linear time, for large samples). */
export function rankSummaryOfSorted(x: ArrayLike<number>, y: ArrayLike<number>): RankSummary {
  let rankSum1 = 0;
  let tieTerm = 0;
  let i = 0;
  let j = 0;
  let rank = 0;
  while (i < x.length || j < y.length) {
    const v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
    let inX = 0;
    let inY = 0;
    while (i < x.length && x[i] === v) { i++; inX++; }
    while (j < y.length && y[j] === v) { j++; inY++; }
    const t = inX + inY;
    rankSum1 += inX * (rank + (t + 1) / 2);
    tieTerm += t * t * t - t;
    rank += t;
  }
  return { n1: x.length, n2: y.length, rankSum1, tieTerm };
}

/** The test from the rank summary (the ranks may come from SQL). */
export function mannWhitneyFromRanks(ranks: RankSummary, alternative: Alternative = 'two-sided'): MannWhitneyResult {
  const { n1, n2, rankSum1, tieTerm } = ranks;
  const u1 = rankSum1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const n = n1 + n2;
  const variance = n > 1 ? ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))) : 0;
  if (n1 === 0 || n2 === 0 || !(variance > 0)) return { u1, u2, z: 0, p_value: 1 };
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  const z = (u - (n1 * n2) / 2 - 0.5) / Math.sqrt(variance);
  const p = normalSf(z) * (alternative === 'two-sided' ? 2 : 1);
  return { u1, u2, z, p_value: Math.min(1, Math.max(0, p)) };
}
