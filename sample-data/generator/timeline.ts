/** Placing a case's events in time: office hours where the gaps allow, causal order always. */
import { DAY, officeClock, startOfDay, weekday } from './calendar.ts';
import type { Random } from './random.ts';

/** `n` sorted uniforms in [lo, hi). */
export function sortedUniforms(rng: Random, n: number, lo: number, hi: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(rng.uniform(lo, hi));
  return values.sort((a, b) => a - b);
}

/**
 * Moves each raw moment of an ascending sequence to an office-hours clock time on its own day
 * (and, with `weekdaysOnly`, Saturday to Friday and Sunday to Monday) where that keeps it after
 * the previous moment and before the next raw one; otherwise keeps it, rounded, a minute after
 * the previous. Returns whole seconds, strictly ascending, all after `after`. The moves are close
 * to mean-neutral, so durations keep the distribution they were drawn from.
 */
export function settle(points: number[], after: number, rng: Random, weekdaysOnly = false): number[] {
  let previous = after;
  for (let i = 0; i < points.length; i++) {
    points[i] = settleBetween(points[i], previous, i + 1 < points.length ? points[i + 1] : Infinity, rng, weekdaysOnly);
    previous = points[i];
  }
  return points;
}

/** One raw moment settled as above, strictly between `after` and `before` where the gap allows. */
export function settleBetween(raw: number, after: number, before: number, rng: Random, weekdaysOnly = false): number {
  let moved = startOfDay(raw) + officeClock(rng);
  if (weekdaysOnly) {
    const wd = weekday(moved);
    if (wd === 6) moved -= DAY;
    else if (wd === 0) moved += DAY;
  }
  return moved > after + 60 && moved < before - 60 ? moved : Math.max(Math.round(raw), after + 60);
}

/** One moment `days` after `after`, settled as above. */
export function settleOne(after: number, days: number, rng: Random, weekdaysOnly = false): number {
  return settle([after + days * DAY], after, rng, weekdaysOnly)[0];
}
