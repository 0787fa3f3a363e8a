/**
 * Time in the simulation: whole seconds since 1970-01-01 00:00:00, read as naive local time
 * (no zone, no daylight saving), written as 'YYYY-MM-DD HH:MM:SS'.
 */
import type { Random } from './random.ts';

export const DAY = 86_400;
export const HOUR = 3_600;

export const toSeconds = (iso: string): number => Date.parse(`${iso}Z`) / 1000;

/** First moment a lead can be created. */
export const PERIOD_START = toSeconds('2024-01-01T00:00:00');
/** Leads are created before this moment. */
export const PERIOD_END = toSeconds('2026-01-01T00:00:00');
/** The process redesign goes live here: leads, orders and invoices from this moment on follow the new process. */
export const CUTOVER = toSeconds('2025-01-01T00:00:00');
/** Nothing happens after this moment: later events are cut off and their cases stay open. */
export const DATA_END = toSeconds('2025-12-31T23:59:59');

const pad2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayStrings = new Map<number, string>();

function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY * 1000).toISOString().slice(0, 10);
    dayStrings.set(day, s);
  }
  return s;
}

export function formatTimestamp(t: number): string {
  const day = Math.floor(t / DAY);
  let rest = t - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / 60);
  return `${dayString(day)} ${pad2[h]}:${pad2[m]}:${pad2[rest - m * 60]}`;
}

export const startOfDay = (t: number): number => Math.floor(t / DAY) * DAY;

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (t: number): number => (Math.floor(t / DAY) + 4) % 7;

/** A clock time (seconds after midnight) in office hours: mostly 08:30–18:30, a few early or late. */
export function officeClock(rng: Random): number {
  if (rng.chance(0.9)) {
    const lunchless = rng.uniform(8.5, 17.5);
    return Math.round((lunchless >= 12 ? lunchless + 1 : lunchless) * HOUR);
  }
  return Math.round(rng.uniform(7, 22) * HOUR);
}

const holidays: Array<[string, string]> = [
  ['2024-02-10', '2024-02-17'], // Spring Festival
  ['2024-05-01', '2024-05-05'],
  ['2024-10-01', '2024-10-07'], // National Day
  ['2025-01-28', '2025-02-04'],
  ['2025-05-01', '2025-05-05'],
  ['2025-10-01', '2025-10-08'],
];
const holidayDays = new Set<number>();
for (const [from, to] of holidays) {
  for (let d = toSeconds(`${from}T00:00:00`) / DAY; d <= toSeconds(`${to}T00:00:00`) / DAY; d++) holidayDays.add(d);
}

const weekdayHours = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.5, 3, 3.5, 3.2, 1.6, 2.6, 3.2, 3.2, 3, 2.4, 1.4, 0.8, 0.6, 0.5, 0.4, 0.2,
];

/**
 * Lead creation times over the period, in ascending order, exactly `count` of them: office hours
 * on working days mostly, little at weekends and public holidays, volume growing slowly.
 * Streams (ascending order statistics of uniforms, mapped through the hourly intensity), so it
 * holds one number per hour of the period, not one per lead.
 */
export class LeadArrivals {
  private readonly cumulative: Float64Array;
  private remaining: number;
  private u = 0;
  private slot = 0;

  constructor(
    count: number,
    private readonly rng: Random,
  ) {
    const hours = (PERIOD_END - PERIOD_START) / HOUR;
    this.cumulative = new Float64Array(hours);
    let total = 0;
    for (let i = 0; i < hours; i++) {
      const t = PERIOD_START + i * HOUR;
      const day = Math.floor(t / DAY);
      const wd = weekday(t);
      const dayWeight = holidayDays.has(day) ? 0.12 : wd === 0 || wd === 6 ? 0.18 : 1;
      const growth = 1 + 0.15 * ((t - PERIOD_START) / (PERIOD_END - PERIOD_START));
      total += dayWeight * growth * weekdayHours[i % 24];
      this.cumulative[i] = total;
    }
    for (let i = 0; i < hours; i++) this.cumulative[i] /= total;
    this.remaining = count;
  }

  next(): number {
    if (this.remaining <= 0) throw new Error('no more lead arrivals');
    // The smallest of `remaining` uniforms on [u, 1).
    this.u += (1 - this.u) * (1 - Math.pow(this.rng.next(), 1 / this.remaining));
    this.remaining--;
    const c = this.cumulative;
    while (this.slot < c.length - 1 && c[this.slot] <= this.u) this.slot++;
    const lo = this.slot === 0 ? 0 : c[this.slot - 1];
    const within = (this.u - lo) / (c[this.slot] - lo);
    return PERIOD_START + this.slot * HOUR + Math.min(HOUR - 1, Math.floor(within * HOUR));
  }
}
