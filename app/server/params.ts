/** Reading the dashboard's query string (page state: docs/api.md) into model options. */
import { assertDate, assertMoment, SEGMENT_KEYS, UsageError, type PeriodOptions, type SegmentKey } from '../../models/period.ts';

/** from, to, as_of, window, the segments and attr.<column> filters. */
export function period(q: URLSearchParams): PeriodOptions {
  const window = q.get('window');
  if (window !== null && window !== '' && !/^\d+$/.test(window)) throw new UsageError(`window must be a whole number of days, not "${window}"`);
  const segments: Partial<Record<SegmentKey, string>> = {};
  for (const key of SEGMENT_KEYS) {
    const value = q.get(key);
    if (value) segments[key] = value;
  }
  // Any other column of the data filters as attr.<column>=<value>.
  const attributes: Record<string, string> = {};
  for (const [key, value] of q) if (key.startsWith('attr.') && key.length > 5 && value) attributes[key.slice(5)] = value;
  const from = q.get('from') || undefined;
  const to = q.get('to') || undefined;
  const asOf = q.get('as_of') || undefined;
  if (from) assertDate(from, 'from');
  if (to) assertDate(to, 'to');
  if (asOf) assertMoment(asOf, 'as_of');
  return {
    segments: { ...segments, attributes },
    from, to, asOf,
    windowDays: window ? Number(window) : undefined,
  };
}
