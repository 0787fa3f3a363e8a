/**
 * The Variants page's helpers: activity sequences drawn as chains of chips (a run of the same
 * activity as one chip with its repeat count), a colour per activity shared by every row, and the
 * cumulative share of cases covered by the most frequent variants.
 */

import type { Variant } from './process.ts';

/** How many variants are listed at first, and how many more each "show more" adds. */
export const VARIANTS_FIRST = 50;
export const VARIANTS_STEP = 50;

/** The `top=` parameter: how many variants are listed. */
export function shownVariants(params: URLSearchParams): number {
  const value = params.get('top');
  return value && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : VARIANTS_FIRST;
}

export interface ChainStep {
  activity: string;
  /** consecutive occurrences folded into this chip */
  times: number;
  /** the activity occurred earlier in the sequence, apart from this run */
  seenBefore: boolean;
}

/** A sequence as chips: runs of one activity folded, earlier occurrences marked. */
export function chainSteps(activities: readonly string[]): ChainStep[] {
  const steps: ChainStep[] = [];
  const seen = new Set<string>();
  for (const activity of activities) {
    const last = steps.at(-1);
    if (last && last.activity === activity) {
      last.times++;
      continue;
    }
    steps.push({ activity, times: 1, seenBefore: seen.has(activity) });
    seen.add(activity);
  }
  return steps;
}

/** Soft chip colours (background, border, text), distinct enough side by side. */
const PALETTE: readonly [string, string, string][] = [
  ['#eef2ff', '#c7d2fe', '#3730a3'],
  ['#ecfdf3', '#abefc6', '#05603a'],
  ['#fff6ed', '#fddcab', '#93370d'],
  ['#fdf2fa', '#fcceee', '#9e165f'],
  ['#f0f9ff', '#b9e6fe', '#026aa2'],
  ['#fefbe8', '#fde272', '#854a0e'],
  ['#f4f3ff', '#d9d6fe', '#5925dc'],
  ['#f7fee7', '#d9f99d', '#3f6212'],
  ['#f0fdf9', '#99f6e0', '#125d56'],
  ['#f8f9fc', '#d5d9eb', '#363f72'],
];

/** A colour per activity, by order of first appearance in the variants (most frequent first). */
export function activityColours(variants: readonly Variant[]): Map<string, [string, string, string]> {
  const colours = new Map<string, [string, string, string]>();
  for (const variant of variants) {
    for (const activity of variant.activities) {
      if (!colours.has(activity)) colours.set(activity, PALETTE[colours.size % PALETTE.length]);
    }
  }
  return colours;
}

/** The share of `cases` covered by the first 1, 2, … variants. */
export function cumulativeCoverage(variants: readonly Variant[], cases: number): number[] {
  let sum = 0;
  return variants.map((v) => {
    sum += v.count;
    return cases > 0 ? sum / cases : 0;
  });
}
