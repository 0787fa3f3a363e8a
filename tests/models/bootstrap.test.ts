import { describe, expect, it } from 'vitest';
import {
  bootstrapMedianDifference, resampledMedian, sortedMedian, sortedQuantile,
} from '../../models/stats/bootstrap.ts';
import { mulberry32, standardNormal, type Random } from '../../models/stats/random.ts';

/** The literal bootstrap: draw n items with replacement, sort, take the median. */
function literalResampleMedian(sample: readonly number[], random: Random): number {
  const resample = sample.map(() => sample[Math.floor(random() * sample.length)]).sort((a, b) => a - b);
  return sortedMedian(resample)!;
}

function binomialUpperTail(n: number, p: number, k: number): number {
  let total = 0;
  for (let i = k; i <= n; i++) {
    let coefficient = 1;
    for (let j = 1; j <= i; j++) coefficient = (coefficient * (n - i + j)) / j;
    total += coefficient * p ** i * (1 - p) ** (n - i);
  }
  return total;
}

function shares(values: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1 / values.length);
  return out;
}

describe('median and quantiles of a sorted sample', () => {
  it('takes the middle item, or the mean of the two middle items', () => {
    expect(sortedMedian([])).toBeNull();
    expect(sortedMedian([4])).toBe(4);
    expect(sortedMedian([1, 2, 9])).toBe(2);
    expect(sortedMedian([1, 2, 4, 9])).toBe(3);
    // numpy.percentile([1, 2, 4, 9], [2.5, 97.5]) = [1.075, 8.625]
    expect(sortedQuantile([1, 2, 4, 9], 0.025)).toBeCloseTo(1.075, 12);
    expect(sortedQuantile([1, 2, 4, 9], 0.975)).toBeCloseTo(8.625, 12);
  });
});

describe('a resample’s median drawn through the order statistics of uniforms', () => {
  it('has the exact bootstrap distribution of the median for odd n', () => {
    // With n distinct sorted items, the resample median is ≤ x[j] when at least (n+1)/2 of the n
    // draws fall on x[0..j]: P = P(Binomial(n, (j+1)/n) ≥ (n+1)/2) (Efron 1982, §10.3).
    const sample = [1, 2, 3, 5, 8, 13, 21];
    const n = sample.length;
    const random = mulberry32(11);
    const drawn = shares(Array.from({ length: 50_000 }, () => resampledMedian(sample, random)));
    sample.forEach((value, j) => {
      const exact = binomialUpperTail(n, (j + 1) / n, (n + 1) / 2) - binomialUpperTail(n, j / n, (n + 1) / 2);
      expect(drawn.get(value) ?? 0, `P(median = ${value})`).toBeCloseTo(exact, 2);
    });
  });

  it('matches literal resampling for even n with tied items', () => {
    const sample = [0.5, 1, 1, 2, 3.5, 3.5, 4, 7, 7, 10];
    const literal = mulberry32(1);
    const fast = mulberry32(2);
    const a = shares(Array.from({ length: 50_000 }, () => literalResampleMedian(sample, literal)));
    const b = shares(Array.from({ length: 50_000 }, () => resampledMedian(sample, fast)));
    const values = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
    let cdfA = 0;
    let cdfB = 0;
    let largest = 0;
    for (const v of values) {
      cdfA += a.get(v) ?? 0;
      cdfB += b.get(v) ?? 0;
      largest = Math.max(largest, Math.abs(cdfA - cdfB));
    }
    expect(largest).toBeLessThan(0.015);
  });
});

describe('percentile bootstrap of a difference of medians', () => {
  const sample = (seed: number, n: number, shift: number) => {
    const random = mulberry32(seed);
    return Array.from({ length: n }, () => shift + Math.exp(2 + 0.5 * standardNormal(random))).sort((a, b) => a - b);
  };

  it('gives the same interval for the same seed, and a close one for another', () => {
    const before = sample(1, 80, 0);
    const after = sample(2, 70, -3);
    const once = bootstrapMedianDifference(before, after, { seed: 42 });
    expect(bootstrapMedianDifference(before, after, { seed: 42 })).toEqual(once);
    const other = bootstrapMedianDifference(before, after, { seed: 43 });
    expect(other).not.toEqual(once);
    expect(Math.abs(other[0] - once[0])).toBeLessThan(0.5);
    expect(Math.abs(other[1] - once[1])).toBeLessThan(0.5);
  });

  it('covers the true shift of the medians in most fixed worlds', () => {
    // before: lognormal days with median e² ≈ 7.39; after: the same distribution 3 days earlier.
    let covered = 0;
    for (let world = 0; world < 40; world++) {
      const [lo, hi] = bootstrapMedianDifference(sample(1000 + world, 60, 0), sample(2000 + world, 60, -3));
      if (lo <= -3 && -3 <= hi) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(34); // 95% of 40 is 38
  });

  it('has the width the normal theory gives on large samples', () => {
    // SE of a sample median of N(0, 1) ≈ √(π/2)/√n; of a difference of two: √2 times that.
    const random = mulberry32(5);
    const n = 20_000;
    const normal = () => Array.from({ length: n }, () => standardNormal(random)).sort((a, b) => a - b);
    const [lo, hi] = bootstrapMedianDifference(normal(), normal());
    const expected = 2 * 1.959963984540054 * Math.SQRT2 * Math.sqrt(Math.PI / 2) / Math.sqrt(n);
    expect((hi - lo) / expected).toBeGreaterThan(0.85);
    expect((hi - lo) / expected).toBeLessThan(1.15);
  });
});
