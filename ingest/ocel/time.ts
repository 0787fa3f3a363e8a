/**
 * OCEL times (ISO 8601, as the standard prescribes) to the workspace's convention (docs/data-contract.md): a time
 * with an offset becomes UTC, a naive time is kept as given, a date alone is midnight. Pure string
 * and Date.UTC arithmetic, so the result does not depend on the machine's time zone.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC (or as given when naive), which DuckDB reads as a
 * TIMESTAMP; null for anything that is not a valid ISO 8601 date-time. Digits beyond microseconds
 * are cut off, as a TIMESTAMP cannot hold them.
 */
export function utcTimestamp(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const zone = m[8]?.toUpperCase();
  if (zone && zone !== 'Z' && zone !== 'UTC') {
    const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    if (Number(hh) > 23 || Number(mm ?? 0) > 59) return null;
    ms -= (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm ?? 0)) * 60_000;
  }
  const utc = new Date(ms);
  if (utc.getUTCFullYear() < 1 || utc.getUTCFullYear() > 9999) return null;
  const fraction = (m[7] ?? '').slice(0, 6).replace(/0+$/, '');
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())} `
    + `${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}:${pad(utc.getUTCSeconds())}${fraction ? `.${fraction}` : ''}`;
}

/** True when an ISO 8601 text names its offset from UTC (`Z`, `+01:00` …). */
export function hasUtcOffset(text: string): boolean {
  return ISO.exec(text.trim())?.[8] !== undefined;
}

/** A key that orders utcTimestamp results in time (their fractions have different lengths). */
export function timeOrder(timestamp: string | null): string {
  if (timestamp === null) return '';
  const [whole, fraction = ''] = timestamp.split('.');
  return `${whole}.${fraction.padEnd(6, '0')}`;
}
