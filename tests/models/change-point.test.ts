/**
 * "When did it change?": on the sample data (a designed change at 2025-01-01) every measure's best
 * single split of its monthly series is that boundary, and a later cut-over explains less.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../helpers/workspace.ts';
import { changePoints } from '../../models/change-point.ts';
import type { Database } from '../../models/db/database.ts';
import { trends } from '../../models/trends.ts';

let db: Database;
beforeAll(async () => {
  db = await sampleWorkspace();
});
afterAll(() => db?.close());

describe('change-point suggestion', () => {
  it('finds the designed cut-over in every measure and scores the chosen date beside it', async () => {
    const result = await changePoints(db, { cutover: '2025-04-01' });
    expect(result.suggested_cutover).toBe('2025-01-01');
    // The sample's design switches at each lead's creation; the opportunity measures follow the
    // opportunity's creation, which lags its lead, so their series do not split cleanly at the date.
    const leadCohorted = result.measures.filter((m) => !['win_rate', 'opportunity_cycle_days', 'deal_value'].includes(m.id));
    expect(leadCohorted).toHaveLength(5);
    for (const m of leadCohorted) {
      expect(m.suggested?.cutover).toBe('2025-01-01');
      expect(m.chosen!.explained).toBeLessThan(m.suggested!.explained);
    }
  });

  it('gives the weighted means of the monthly series on each side', async () => {
    const result = await changePoints(db);
    const monthly = await trends(db, { by: 'month' });
    const conversion = monthly.measures.find((m) => m.id === 'lead_conversion_rate')!;
    const before = conversion.points.filter((p, i) => monthly.periods[i].period < '2025-01' && p.value !== null);
    // Weighted by n, the monthly rates average back to converted ÷ observable of the whole period.
    const expected = before.reduce((s, p) => s + p.count!, 0) / before.reduce((s, p) => s + p.n, 0);
    expect(result.measures.find((m) => m.id === 'lead_conversion_rate')!.suggested!.before).toBeCloseTo(expected, 12);
  });
});
