/**
 * Colours of the process map: edges by median time on a sequential yellow–orange–red scale (on
 * log seconds, as waits range from seconds to months), activities by frequency in light
 * shades of the accent.
 */

import * as Plot from '@observablehq/plot';

const TIME_SCALE = Plot.scale({ color: { type: 'linear', scheme: 'ylorrd', domain: [-0.45, 1] } });
const FREQUENCY_SCALE = Plot.scale({ color: { type: 'linear', range: ['#f7f8ff', '#c7d0fb'], domain: [0, 1] } });

/** The edge colour for a median time, given the smallest and largest medians of the map. */
export interface TimeColours {
  colour: (seconds: number) => string;
  /** evenly spaced stops for a legend: the colour and the time it stands for */
  stops: { colour: string; seconds: number }[];
}

/** Waits shorter than a minute count as a minute: the scale spreads over the waits that matter. */
const FLOOR_SECONDS = 60;

export function timeColours(medians: readonly number[]): TimeColours {
  const logs = medians.filter(Number.isFinite).map((s) => Math.log(Math.max(FLOOR_SECONDS, s)));
  const lo = logs.length ? Math.min(...logs) : Math.log(FLOOR_SECONDS);
  const hi = logs.length ? Math.max(...logs) : lo + 1;
  const span = hi - lo || 1;
  const at = (t: number) => String(TIME_SCALE.apply(Math.min(1, Math.max(0, t))));
  return {
    colour: (seconds) => at((Math.log(Math.max(FLOOR_SECONDS, seconds)) - lo) / span),
    stops: [0, 0.25, 0.5, 0.75, 1].map((t) => ({ colour: at(t), seconds: Math.exp(lo + t * span) })),
  };
}

/** The fill of an activity box: lighter for rare activities, the accent's tint for the most frequent. */
export function activityFill(count: number, maxCount: number): string {
  return String(FREQUENCY_SCALE.apply(Math.sqrt(Math.max(0, count) / Math.max(1, maxCount))));
}
