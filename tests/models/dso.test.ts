import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { dso } from '../../models/dso.ts';
import { workspace } from '../helpers/workspace.ts';

/**
 * L1 (Web): SO1 → I1; SO2 → I2, I3 (paid at order level, FIFO). L2 (Fair): SO3 → I4 (overpaid),
 * SO4 → I5, and the credit note I6. data_end = 2025-04-15 (P6). No invoice is issued in March.
 */
const bundle = {
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\n',
  'orders.csv': `order_id,created_at,lead_id,amount
SO1,2025-01-05,L1,100
SO2,2025-01-06,L1,300
SO3,2025-01-07,L2,50
SO4,2025-01-08,L2,300
`,
  'invoices.csv': `invoice_id,order_id,issued_at,due_at,amount
I1,SO1,2025-01-10,2025-02-09,100
I2,SO2,2025-01-31 23:00:00,2025-03-02,200
I3,SO2,2025-02-05,2025-03-07,100
I4,SO3,2025-02-10,2025-03-12,50
I5,SO4,2025-04-05,,300
I6,SO1,2025-02-20,,-20
`,
  // P1 lands in the last second of January; P3 and P4 name only the order: FIFO fills I2, then I3.
  'payments.csv': `payment_id,paid_at,amount,invoice_id,order_id
P1,2025-01-31 23:59:59,40,I1,
P2,2025-02-15,60,I1,
P3,2025-02-20,250,,SO2
P4,2025-04-02,50,,SO2
P5,2025-02-12,80,I4,
P6,2025-04-15,100,I5,
`,
};

let db: Database | undefined;
afterEach(() => db?.close());

async function monthsOf(options = {}) {
  ({ db } = await workspace(bundle));
  const result = await dso(db, options);
  return { result, months: Object.fromEntries(result.months.map((m) => [m.month, m])) };
}

describe('dso (docs/measures.md): open receivables at month end ÷ invoiced in the month × days', () => {
  it('measures each month from the first invoice to as_of, the last one partial', async () => {
    const { result, months } = await monthsOf();
    expect(result).toMatchObject({ data_end: '2025-04-15T00:00:00', as_of: '2025-04-15T00:00:00', available: true });
    expect(result.months.map((m) => [m.month, m.partial, m.days, m.measured_at])).toEqual([
      ['2025-01', false, 31, '2025-01-31T23:59:59'],
      ['2025-02', false, 28, '2025-02-28T23:59:59'],
      ['2025-03', false, 31, '2025-03-31T23:59:59'],
      ['2025-04', true, 15, '2025-04-15T00:00:00'],
    ]);
    // January: invoiced I1 100 + I2 200 (issued 23:00 on the 31st) = 300. Open at month end:
    // I1 100 − 40 (P1, paid in the month's last second) = 60, I2 200 → 260. DSO = 260 / 300 × 31.
    expect(months['2025-01']).toMatchObject({ invoices: 2, invoiced: 300, open_invoices: 2, open_receivables: 260, first_day: '2025-01-01', last_day: '2025-01-31' });
    expect(months['2025-01'].dso).toBeCloseTo((260 / 300) * 31, 10);
    // Two invoices: thin (fewer than 20), its only note; no month here is a headline.
    expect(months['2025-01']).toMatchObject({ thin: true, thin_reason: 'few_invoices', note: 'thin: only 2 invoice(s) in the month (fewer than 20); not a headline' });
    expect(result.headline).toBeNull();
  });

  it('counts instalments, order-level FIFO money and an overpaid invoice as 0, not negative', async () => {
    const { months } = await monthsOf();
    // February: invoiced I3 100 + I4 50 = 150 (the credit note I6 is left out). At month end:
    // I1 paid off (40 + 60), I2 filled by P3's first 200, I3 holds P3's last 50 → 50 open,
    // I4 overpaid by 30 → 0 (not −30). DSO = 50 / 150 × 28.
    expect(months['2025-02']).toMatchObject({ invoices: 2, invoiced: 150, open_invoices: 1, open_receivables: 50 });
    expect(months['2025-02'].dso).toBeCloseTo((50 / 150) * 28, 10);
  });

  it('is null with a note when nothing was invoiced in the month', async () => {
    const { months } = await monthsOf();
    // March: no invoice issued; I3 still has 50 open (P4 comes on 04-02).
    expect(months['2025-03']).toMatchObject({ invoices: 0, invoiced: 0, open_receivables: 50, dso: null });
    expect(months['2025-03'].note).toMatch(/nothing invoiced/);
  });

  it('measures the month of as_of at as_of over its days so far, and says so', async () => {
    const { months } = await monthsOf();
    // April to 04-15 00:00: invoiced I5 300; open I5 300 − P6 100 (paid at as_of itself) = 200; I3 settled 04-02.
    expect(months['2025-04']).toMatchObject({ invoiced: 300, open_invoices: 1, open_receivables: 200 });
    expect(months['2025-04'].dso).toBeCloseTo((200 / 300) * 15, 10);
    expect(months['2025-04'].note).toMatch(/month not over: measured at 2025-04-15T00:00:00 over its first 15 days/);
  });

  it('follows --as-of: everything measured then', async () => {
    const { result, months } = await monthsOf({ asOf: '2025-02-10' });
    expect(result.as_of).toBe('2025-02-10T23:59:59');
    expect(result.months.map((m) => m.month)).toEqual(['2025-01', '2025-02']);
    // At 02-10 end: invoiced in February so far I3 100 + I4 50; open I1 60, I2 200, I3 100, I4 50 (P5 comes 02-12).
    expect(months['2025-02']).toMatchObject({ partial: true, days: 10, invoiced: 150, open_invoices: 4, open_receivables: 410 });
    expect(months['2025-02'].dso).toBeCloseTo((410 / 150) * 10, 10);
    expect(months['2025-01'].open_receivables).toBe(260);
  });

  it('honours the filters through the invoice’s case', async () => {
    const fair = await monthsOf({ segments: { source: 'Fair' } });
    // Fair: I4 (Feb, overpaid) and I5 (Apr). Months start at the first Fair invoice.
    expect(fair.result.months.map((m) => [m.month, m.invoiced, m.open_receivables, m.dso])).toEqual([
      ['2025-02', 50, 0, 0], ['2025-03', 0, 0, null], ['2025-04', 300, 200, (200 / 300) * 15]]);
    db!.close();
    const web = await monthsOf({ segments: { source: 'Web' } });
    // Web, February: invoiced I3 100; open I3 50 → 50 / 100 × 28 = 14.
    expect(web.months['2025-02']).toMatchObject({ invoiced: 100, open_receivables: 50 });
    expect(web.months['2025-02'].dso).toBeCloseTo(14, 10);
    expect(web.months['2025-04']).toMatchObject({ invoiced: 0, open_receivables: 0, dso: null });
  });

  it('lists only the months overlapping --from/--to, each still a whole month', async () => {
    const { result } = await monthsOf({ from: '2025-02-15', to: '2025-03-01' });
    expect(result.months.map((m) => [m.month, m.invoiced, m.open_receivables])).toEqual([['2025-02', 150, 50], ['2025-03', 0, 50]]);
  });

  it('is unavailable without invoices', async () => {
    ({ db } = await workspace({ 'orders.csv': bundle['orders.csv'] }));
    expect(await dso(db)).toMatchObject({ available: false, months: [], note: expect.stringMatching(/needs invoices/) });
  });
});
