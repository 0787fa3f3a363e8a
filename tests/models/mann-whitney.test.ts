import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../models/stats/holm.ts';
import { mannWhitneyFromRanks, mannWhitneyU, rankSummary, rankSummaryOfSorted } from '../../models/stats/mann-whitney.ts';
import { mulberry32 } from '../../models/stats/random.ts';
import { erfc, normalSf } from '../../models/stats/normal.ts';

// Expected p-values follow the normal approximation by hand (scipy's method='asymptotic'):
//   U1 = R1 − n1(n1+1)/2, U2 = n1·n2 − U1, σ = √(n1·n2/12 · ((n+1) − Σ(t³−t)/(n(n−1)))),
//   z = (U − n1·n2/2 − ½)/σ, U = max(U1, U2) two-sided (p = 2·P(Z > z)), U1 'greater', U2 'less';
// P(Z > z) = erfc(z/√2)/2, the erfc values from Python's math.erfc (the C library's).

describe('normal tail', () => {
  it('matches known values of erfc and the normal survival function', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(1)).toBeCloseTo(0.15729920705028513, 15);
    expect(erfc(3) / 2.2090496998585438e-5).toBeCloseTo(1, 13);
    expect(erfc(-1)).toBeCloseTo(2 - 0.15729920705028513, 15);
    expect(normalSf(0)).toBe(0.5);
    // P(Z > 1.959963984540054) = 0.025
    expect(normalSf(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalSf(40)).toBe(0);
  });
});

describe('Mann–Whitney U (normal approximation, tie and continuity corrections)', () => {
  it('without ties: x = 1, 2, 3 against y = 4, 5, 6, 7', () => {
    // R1 = 1+2+3 = 6, U1 = 0, U2 = 12, σ = √(3·4/12 · 8) = √8; z = (12 − 6 − 0.5)/√8 = 1.9445436482630056;
    // p = erfc(1.9445436…/√2) = 0.051829927217909716
    const r = mannWhitneyU([1, 2, 3], [4, 5, 6, 7]);
    expect(r.u1).toBe(0);
    expect(r.u2).toBe(12);
    expect(r.z).toBeCloseTo(1.9445436482630056, 14);
    expect(r.p_value).toBeCloseTo(0.051829927217909716, 14);
  });

  it('with ties: x = 1, 2, 2, 5 against y = 2, 3, 5, 5, 8', () => {
    // pooled: 1 | 2 2 2 | 3 | 5 5 5 | 8 → ranks 1 | 3 3 3 | 5 | 7 7 7 | 9; R1 = 1+3+3+7 = 14,
    // U1 = 14 − 10 = 4, U2 = 20 − 4 = 16; ties Σ(t³−t) = 24 + 24 = 48;
    // σ = √(20/12 · (10 − 48/72)) = 3.9440531887330774
    const summary = rankSummary([1, 2, 2, 5], [2, 3, 5, 5, 8]);
    expect(summary).toEqual({ n1: 4, n2: 5, rankSum1: 14, tieTerm: 48 });
    // two-sided: z = (16 − 10 − 0.5)/σ = 1.3945045203020523, p = 0.16316530543754276
    const two = mannWhitneyU([1, 2, 2, 5], [2, 3, 5, 5, 8]);
    expect([two.u1, two.u2]).toEqual([4, 16]);
    expect(two.z).toBeCloseTo(1.3945045203020523, 14);
    expect(two.p_value).toBeCloseTo(0.16316530543754276, 14);
    // greater (x larger): z = (4 − 10 − 0.5)/σ = −1.6480507967206073, p = 0.9503288760732673
    const greater = mannWhitneyFromRanks(summary, 'greater');
    expect(greater.z).toBeCloseTo(-1.6480507967206073, 14);
    expect(greater.p_value).toBeCloseTo(0.9503288760732673, 14);
    // less: U = U2 = 16, z = 1.3945…, p = 0.08158265271877138 (half the two-sided p)
    expect(mannWhitneyFromRanks(summary, 'less').p_value).toBeCloseTo(0.08158265271877138, 14);
  });

  it('gives scipy’s documented asymptotic result (mannwhitneyu(males, females, method="asymptotic"))', () => {
    // scipy.stats.mannwhitneyu docs: statistic 17.0, pvalue 0.11134688653314041.
    // By hand: males' ranks 3, 5, 7, 8, 9 → R1 = 32, U1 = 17; σ = √(20/12·10); z = 6.5/σ = 1.5921683328090657.
    const r = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(r.u1).toBe(17);
    expect(r.p_value).toBeCloseTo(0.11134688653314041, 14);
  });

  it('gets the same rank summary by merging two sorted samples', () => {
    expect(rankSummaryOfSorted([1, 2, 2, 5], [2, 3, 5, 5, 8])).toEqual({ n1: 4, n2: 5, rankSum1: 14, tieTerm: 48 });
    expect(rankSummaryOfSorted([], [1, 1])).toEqual({ n1: 0, n2: 2, rankSum1: 0, tieTerm: 6 });
    const random = mulberry32(3);
    for (let round = 0; round < 20; round++) {
      const draw = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 12)).sort((a, b) => a - b);
      const x = draw(1 + Math.floor(random() * 30));
      const y = draw(1 + Math.floor(random() * 30));
      expect(rankSummaryOfSorted(x, y)).toEqual(rankSummary(x, y));
    }
  });

  it('is symmetric in the two-sided case and clips p to 1', () => {
    expect(mannWhitneyU([4, 5, 6, 7], [1, 2, 3]).p_value).toBeCloseTo(mannWhitneyU([1, 2, 3], [4, 5, 6, 7]).p_value, 15);
    // identical samples: U1 = U2 = 4.5, z = −0.5/σ < 0 → 2·P(Z > z) > 1 → 1
    expect(mannWhitneyU([1, 2, 3], [1, 2, 3]).p_value).toBe(1);
  });

  it('has no evidence when every value is tied or a sample is empty', () => {
    expect(mannWhitneyU([2, 2, 2], [2, 2]).p_value).toBe(1);
    expect(mannWhitneyU([], [1, 2]).p_value).toBe(1);
  });
});

describe('Holm correction', () => {
  it('multiplies the i-th smallest p by (m − i) and keeps the order monotone', () => {
    // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → max(0.06, 0.04) = 0.06
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => Number(p.toFixed(12)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
