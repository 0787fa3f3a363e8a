import { describe, expect, it } from 'vitest';
import { newcombeInterval, twoProportionZTest, wilsonInterval } from '../../models/stats/proportions.ts';

const round4 = (interval: readonly number[]) => interval.map((v) => Number(v.toFixed(4)));

describe('Wilson score interval', () => {
  it('gives the published method-3 intervals (Newcombe 1998, Stat Med 17:857–872, Table I)', () => {
    expect(round4(wilsonInterval(81, 263))).toEqual([0.2553, 0.3662]);
    expect(round4(wilsonInterval(15, 148))).toEqual([0.0624, 0.1605]);
    expect(round4(wilsonInterval(0, 20))).toEqual([0, 0.1611]);
    expect(round4(wilsonInterval(1, 29))).toEqual([0.0061, 0.1718]);
    expect(round4(wilsonInterval(20, 20))).toEqual([0.8389, 1]);
  });
});

describe('Newcombe hybrid score interval of a difference (method 10)', () => {
  // Newcombe (1998) Statistics in Medicine 17:873–890, Table II, method 10; each also computed by
  // hand from L = δ − √((p̂1 − l1)² + (u2 − p̂2)²), U = δ + √((u1 − p̂1)² + (p̂2 − l2)²) with the
  // Wilson limits above (Python, math.sqrt).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.8090],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i → (%f, %f)', (x1, n1, x2, n2, lo, hi) => {
    expect(round4(newcombeInterval(x1, n1, x2, n2))).toEqual([lo, hi]);
  });

  it('is the mirror image when the groups are swapped', () => {
    const [lo, hi] = newcombeInterval(56, 70, 48, 80);
    const [swappedLo, swappedHi] = newcombeInterval(48, 80, 56, 70);
    expect(swappedLo).toBeCloseTo(-hi, 14);
    expect(swappedHi).toBeCloseTo(-lo, 14);
  });
});

describe('two-proportion z-test (pooled standard error, two-sided)', () => {
  // p̄ = (x1 + x2)/(n1 + n2), SE = √(p̄(1 − p̄)(1/n1 + 1/n2)), z = (p̂1 − p̂2)/SE, p = erfc(|z|/√2),
  // the erfc values from Python's math.erfc; z² is Pearson's χ² without continuity correction.
  it.each([
    [56, 70, 48, 80, 2.6501719512585336, 0.008045081368196568],
    [9, 10, 3, 10, 2.738612787525831, 0.006169899320544155],
    [6, 7, 2, 7, 2.160246899469287, 0.030753561259274566],
    [5, 56, 0, 29, 1.6586488692392285, 0.09718656817057977],
    [216, 749, 213, 979, 3.3767555733122383, 0.0007334619685951593],
  ])('%i/%i vs %i/%i: z = %f, p = %f', (x1, n1, x2, n2, z, p) => {
    const result = twoProportionZTest(x1, n1, x2, n2);
    expect(result.z).toBeCloseTo(z, 12);
    expect(result.p_value / p).toBeCloseTo(1, 12);
    expect(twoProportionZTest(x2, n2, x1, n1).p_value / p).toBeCloseTo(1, 12);
  });

  it('has no evidence when nothing varies', () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, p_value: 1 });
    expect(twoProportionZTest(5, 5, 7, 7)).toEqual({ z: 0, p_value: 1 });
    expect(twoProportionZTest(3, 10, 3, 10).p_value).toBe(1);
  });
});
