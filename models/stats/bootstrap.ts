/**
 * The seeded percentile bootstrap of a difference of medians (after − before; Efron & Tibshirani,
 * An Introduction to the Bootstrap, 1993, ch. 13): each of the resamples draws n items with
 * replacement from each sample, the difference of the two resample medians is kept, and the
 * interval is the 2.5th and 97.5th percentile of those differences.
 *
 * A resample's median is drawn without building the resample: with the sample sorted, a resample is
 * sorted[⌊n·U_i⌋] for n independent uniforms U_i, so its k-th smallest item is sorted[⌊n·U_(k)⌋],
 * U_(k) being the k-th order statistic of n uniforms, which is Beta(k, n + 1 − k); given U_(k) = u the
 * next one is the least of n − k uniforms on (u, 1): u + (1 − u)(1 − V^(1/(n − k))) (Devroye,
 * Non-Uniform Random Variate Generation, 1986, ch. V). Same distribution as the literal
 * resampling, at a cost independent of n.
 */
import { beta, mulberry32, type Random } from './random.ts';

export const BOOTSTRAP_RESAMPLES = 2000;
/** Fixed so that the same data give the same interval on every run and machine. */
export const BOOTSTRAP_SEED = 20250101;

export interface BootstrapOptions {
  readonly resamples?: number;
  readonly seed?: number;
  /** coverage of the interval, default 0.95 */
  readonly level?: number;
}

/** The median of an ascending sample (the mean of the two middle items when n is even); null when empty. */
export function sortedMedian(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The q-quantile of an ascending sample with linear interpolation (type 7, numpy's default). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/** The median of one bootstrap resample of an ascending sample (n ≥ 1). */
export function resampledMedian(sorted: ArrayLike<number>, random: Random): number {
  const n = sorted.length;
  const k = Math.ceil(n / 2);
  const item = (u: number) => sorted[Math.min(n - 1, Math.floor(n * u))];
  const u = beta(k, n + 1 - k, random);
  if (n % 2 === 1) return item(u);
  const next = u + (1 - u) * (1 - Math.pow(random(), 1 / (n - k)));
  return (item(u) + item(next)) / 2;
}

/**
 * Percentile bootstrap interval of median(after) − median(before); both samples ascending and
 * non-empty.
 */
export function bootstrapMedianDifference(
  before: ArrayLike<number>, after: ArrayLike<number>, options: BootstrapOptions = {},
): [lo: number, hi: number] {
  if (before.length === 0 || after.length === 0) throw new RangeError('the bootstrap needs items on both sides');
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const level = options.level ?? 0.95;
  const random = mulberry32(options.seed ?? BOOTSTRAP_SEED);
  const differences = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const b = resampledMedian(before, random);
    differences[r] = resampledMedian(after, random) - b;
  }
  differences.sort();
  return [sortedQuantile(differences, (1 - level) / 2), sortedQuantile(differences, (1 + level) / 2)];
}
