import { afterEach, describe, expect, it } from 'vitest';
import { aging } from '../../models/aging.ts';
import type { Database } from '../../models/db/database.ts';
import { workspace } from '../helpers/workspace.ts';

/**
 * One invoice an order (amounts double so each bucket's sum names its invoices), except SO11 with
 * A11 and A12 paid at order level. L2 (Fair) owns SO6; SO7 has no lead (a case of its own);
 * every other order belongs to L1 (Web). data_end = 2025-07-02 (P10).
 */
const bundle = {
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\n',
  'orders.csv': `order_id,created_at,lead_id,amount
SO1,2025-02-01,L1,10
SO2,2025-02-01,L1,20
SO3,2025-02-01,L1,40
SO4,2025-02-01,L1,80
SO5,2025-02-01,L1,160
SO6,2025-02-01,L2,320
SO7,2025-02-01,,640
SO8,2025-02-01,L1,1000
SO9,2025-02-01,L1,5
SO10,2025-02-01,L1,1280
SO11,2025-02-01,L1,200
SO13,2025-02-01,L1,60
`,
  'invoices.csv': `invoice_id,order_id,issued_at,due_at,amount
A1,SO1,2025-03-01,2025-06-30 10:00:00,10
A2,SO2,2025-03-01,2025-06-29,20
A3,SO3,2025-03-01,2025-05-31,40
A4,SO4,2025-03-01,2025-05-30,80
A5,SO5,2025-03-01,2025-04-01,160
A6,SO6,2025-03-01,2025-03-31,320
A7,SO7,2025-05-15,,640
A8,SO8,2025-07-01,2025-07-31,1000
A9,SO9,2025-03-01,2025-03-31,5
A10,SO10,2025-05-16,2025-06-15,1280
A11,SO11,2025-05-01,2025-05-31,100
A12,SO11,2025-06-01,2025-07-01,100
A13,SO13,2025-05-01,2025-05-31,60
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id,order_id
P4,2025-06-05,30,A4,
P9,2025-06-01,5,A9,
P10,2025-07-02,1280,A10,
P11,2025-06-10,150,,SO11
P13,2025-05-20,70,A13,
`,
};

let db: Database | undefined;
afterEach(() => db?.close());

async function agingOf(options = {}) {
  ({ db } = await workspace(bundle));
  const result = await aging(db, options);
  return { result, buckets: Object.fromEntries(result.buckets.map((b) => [b.id, [b.count, b.open_amount, b.no_due_date]])) };
}

describe('receivables aging', () => {
  it('buckets the invoices open at --as-of by whole days past due', async () => {
    // As of 2025-06-30 (end of day). Not counted: A8 (issued later), A9 (paid), A13 (overpaid).
    // A1 due that very day → current; A12 holds the 50 left after FIFO (P11 fills A11 first) → current.
    // 1–30: A2 (1 day), A3 (30), A7 (no due date: 05-15 + 30 = 06-14 → 16), A10 (15; paid only 07-02).
    // 31–60: A4 (31 days) with 80 − 30 open. 61–90: A5 (04-01 → 90 days). 90+: A6 (91 days).
    const { result, buckets } = await agingOf({ asOf: '2025-06-30' });
    expect(result.as_of).toBe('2025-06-30T23:59:59');
    expect(buckets).toEqual({
      current: [2, 60, 0],
      '1-30': [4, 20 + 40 + 640 + 1280, 1],
      '31-60': [1, 50, 0],
      '61-90': [1, 160, 0],
      '90+': [1, 320, 0],
    });
    expect(result.total).toEqual({ count: 9, open_amount: 2570 });
    expect(result.overdue).toEqual({ count: 7, open_amount: 2510 });
    expect(result).toMatchObject({ no_due_date: 1, terms_days: 30, available: true });
    expect(result.buckets.map((b) => [b.id, b.min_days, b.max_days])).toEqual([
      ['current', null, 0], ['1-30', 1, 30], ['31-60', 31, 60], ['61-90', 61, 90], ['90+', 91, null]]);
  });

  it('defaults to data_end', async () => {
    // As of 2025-07-02 00:00: A10 is paid; A8 (due 07-31) current; A1 2, A2 3, A7 18, A12 1 day past due;
    // A3 32 and A4 33 days; A5 92 and A6 93 days.
    const { result, buckets } = await agingOf();
    expect(result.as_of).toBe('2025-07-02T00:00:00');
    expect(buckets).toEqual({
      current: [1, 1000, 0],
      '1-30': [4, 10 + 20 + 640 + 50, 1],
      '31-60': [2, 40 + 50, 0],
      '61-90': [0, 0, 0],
      '90+': [2, 160 + 320, 0],
    });
    expect(result.total).toEqual({ count: 9, open_amount: 2290 });
  });

  it('honours the filters through the invoice’s case', async () => {
    const fair = await agingOf({ asOf: '2025-06-30', segments: { source: 'Fair' } });
    expect(fair.result.total).toEqual({ count: 1, open_amount: 320 });
    expect(fair.buckets['90+']).toEqual([1, 320, 0]);
    db!.close();
    // Web leaves out A6 (Fair) and A7 (the order without a lead).
    const web = await agingOf({ asOf: '2025-06-30', segments: { source: 'Web' } });
    expect(web.result.total).toEqual({ count: 7, open_amount: 2570 - 320 - 640 });
    expect(web.result.no_due_date).toBe(0);
  });

  it('is empty before the first invoice and unavailable without invoices', async () => {
    const early = await agingOf({ asOf: '2025-02-28' });
    expect(early.result.total).toEqual({ count: 0, open_amount: 0 });
    db!.close();
    ({ db } = await workspace({ 'orders.csv': bundle['orders.csv'] }));
    expect(await aging(db)).toMatchObject({ available: false, total: { count: 0, open_amount: 0 } });
  });
});
