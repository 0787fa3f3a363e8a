/** The dashboard reads dates from its address only when they name a real day (app/web/src/lib/query.ts). */
import { describe, expect, it } from 'vitest';
import { dateParam, filterParams, isCalendarDate } from '../../app/web/src/lib/query.ts';

describe('dates in the address', () => {
  it('are days of the calendar: leap days where they exist, no 30 February, no month 13', () => {
    for (const day of ['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31']) expect(isCalendarDate(day), day).toBe(true);
    for (const day of ['2025-02-30', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-1', '20250101', '']) {
      expect(isCalendarDate(day), day).toBe(false);
    }
  });

  it('leave a day that does not exist out of the filters sent to the server', () => {
    const params = new URLSearchParams('from=2025-02-30&to=2025-03-31&owner=Ana');
    expect(dateParam(params, 'from')).toBeUndefined();
    expect(filterParams(params)).toMatchObject({ from: undefined, to: '2025-03-31', owner: 'Ana' });
  });
});
