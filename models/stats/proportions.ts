/**
 * Two proportions x1/n1 and x2/n2 (a rate after and before a cut-over): the two-proportion z-test
 * and Newcombe's hybrid score interval of their difference.
 *
 * - Wilson score interval of one proportion p̂ = x/n (Wilson 1927; Newcombe 1998a, method 3):
 *     (2x + z² ∓ z·√(z² + 4x(1 − p̂))) / (2(n + z²))
 * - Two-proportion z-test with the pooled standard error (e.g. Agresti, Categorical Data Analysis,
 *   §3.1): p̄ = (x1 + x2)/(n1 + n2), SE = √(p̄(1 − p̄)(1/n1 + 1/n2)), z = (p̂1 − p̂2)/SE,
 *   two-sided p = 2·P(Z > |z|). It equals Pearson's χ² test without continuity correction (z² = χ²).
 * - Newcombe's hybrid score interval of δ = p̂1 − p̂2 (Newcombe 1998, Statistics in Medicine
 *   17:873–890, method 10), from the Wilson intervals (l1, u1) and (l2, u2):
 *     L = δ − √((p̂1 − l1)² + (u2 − p̂2)²),  U = δ + √((u1 − p̂1)² + (p̂2 − l2)²)
 */
import { normalSf } from './normal.ts';

/** z with P(|Z| > z) = 0.05. */
export const Z_95 = 1.959963984540054;

export type Interval = [lo: number, hi: number];

/** Wilson's score interval of x/n (n > 0). */
export function wilsonInterval(x: number, n: number, z: number = Z_95): Interval {
  const p = x / n;
  const centre = 2 * x + z * z;
  const half = z * Math.sqrt(z * z + 4 * x * (1 - p));
  const denominator = 2 * (n + z * z);
  return [Math.max(0, (centre - half) / denominator), Math.min(1, (centre + half) / denominator)];
}

export interface TwoProportionTest {
  readonly z: number;
  readonly p_value: number;
}

/**
 * The two-sided z-test of p1 = p2 with the pooled standard error (n1, n2 > 0). When every item or
 * none is a success on both sides there is no variation to test against: z = 0, p = 1.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionTest {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, p_value: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, p_value: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

/** Newcombe's hybrid score interval (method 10) of x1/n1 − x2/n2 (n1, n2 > 0). */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, z: number = Z_95): Interval {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1, z);
  const [l2, u2] = wilsonInterval(x2, n2, z);
  const delta = p1 - p2;
  return [
    delta - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    delta + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
  ];
}
