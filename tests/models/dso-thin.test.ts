import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { dso } from '../../models/dso.ts';
import { dsoThinWorld } from '../helpers/dso-thin-world.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database;
beforeAll(async () => {
  ({ db } = await workspace(dsoThinWorld()));
});
afterAll(() => db.close());

const row = (m: { month: string; invoices: number; invoiced: number; open_receivables: number; dso: number | null; thin: boolean; thin_reason: string | null }) =>
  [m.month, m.invoices, m.invoiced, m.open_receivables, m.dso, m.thin, m.thin_reason];

describe('dso: months with little invoiced are thin (docs/measures.md#dso)', () => {
  it('marks a month of few invoices and a month of little invoiced, and keeps them out of the headline', async () => {
    const result = await dso(db);
    // Complete months invoiced 20,000, 25,000, 2,000, 30,000: median (20,000 + 25,000) / 2 = 22,500; 10% = 2,250.
    expect(result).toMatchObject({ as_of: '2025-05-15T00:00:00', thin_below: 20, thin_share: 0.1, median_invoiced: 22500 });
    expect(result.months.map(row)).toEqual([
      // January: 20,000 open of 20,000 × 31.
      ['2025-01', 20, 20000, 20000, 31, false, null],
      // February: January paid 02-10; 25,000 open × 28.
      ['2025-02', 25, 25000, 25000, 28, false, null],
      // March: February's 25,000 still open + March's 2,000 = 27,000 ÷ 2,000 × 31 = 418.5 — 20 invoices, but 2,000 < 2,250.
      ['2025-03', 20, 2000, 27000, 418.5, true, 'little_invoiced'],
      // April: February and March paid; 30,000 open × 30.
      ['2025-04', 30, 30000, 30000, 30, false, null],
      // May to 05-15 (15 days): April's 30,000 + MAY2's 1,000 = 31,000 ÷ 2,000 × 15 = 232.5; 2 invoices.
      ['2025-05', 2, 2000, 31000, 232.5, true, 'few_invoices'],
    ]);
    expect(result.headline).toEqual({ month: '2025-04', dso: 30, invoices: 30, partial: false });
    const march = result.months.find((m) => m.month === '2025-03')!;
    expect(march.note).toMatch(/thin: invoiced under 10% of the median month; not a headline/);
    expect(march.note_zh).toMatch(/样本少/);
    expect(result.months.find((m) => m.month === '2025-05')!.note).toMatch(/thin: only 2 invoice\(s\) in the month \(fewer than 20\)/);
  });

  it('judges a month against the median of all months, whatever months are listed', async () => {
    const march = await dso(db, { from: '2025-03-01', to: '2025-03-31' });
    expect(march.median_invoiced).toBe(22500);
    expect(march.months.map(row)).toEqual([['2025-03', 20, 2000, 27000, 418.5, true, 'little_invoiced']]);
    expect(march.headline).toBeNull();
  });

  it('pro-rates the median for a month not over', async () => {
    // As of 2025-03-03 (end of day): complete months January and February, median 22,500; March's
    // first 3 days invoiced 2,000 ≥ 10% × 22,500 × 3/31 = 217.7, so it is not thin.
    // Open: February's 25,000 + March's 2,000 = 27,000 ÷ 2,000 × 3 days = 40.5.
    const early = await dso(db, { asOf: '2025-03-03' });
    expect(early.median_invoiced).toBe(22500);
    expect(early.months.map(row).at(-1)).toEqual(['2025-03', 20, 2000, 27000, 40.5, false, null]);
    expect(early.headline).toEqual({ month: '2025-03', dso: 40.5, invoices: 20, partial: true });
  });

  it('has no median (only the invoice count rule) before a month is complete', async () => {
    const first = await dso(db, { asOf: '2025-01-20' });
    expect(first.median_invoiced).toBeNull();
    // January to 01-20: 20 invoices, 20,000 open ÷ 20,000 × 20 days.
    expect(first.months.map(row)).toEqual([['2025-01', 20, 20000, 20000, 20, false, null]]);
  });
});
