/**
 * Seeded random numbers for resampling (reproducible on every machine): the mulberry32 generator
 * and the few distributions the bootstrap draws from.
 */

/** Uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit state, good enough for resampling. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal variate by Marsaglia's polar method (the second variate is discarded). */
export function standardNormal(random: Random): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * A Gamma(shape, 1) variate for shape ≥ 1 by Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3):363–372.
 */
export function gamma(shape: number, random: Random): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) variate for a, b ≥ 1: X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function beta(a: number, b: number, random: Random): number {
  const x = gamma(a, random);
  return x / (x + gamma(b, random));
}
