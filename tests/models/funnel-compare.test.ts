import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { compare } from '../../models/compare.ts';
import { funnel } from '../../models/funnel.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => db?.close());

const bundle = {
  'leads.csv': `lead_id,created_at,qualified_at,opportunity_id
L1,2025-01-01,2025-01-02,OPP1
L2,2025-01-02,,
L3,2025-01-03,2025-01-04,
L4,2025-02-01,,OPP4
L5,2025-02-02,,
`,
  'opportunities.csv': `opportunity_id,created_at,lead_id
OPP1,2025-01-05,
OPP4,2025-02-03,
OPP9,2025-02-04,L5
`,
  'orders.csv': `order_id,created_at,opportunity_id,lead_id,amount
SO1,2025-01-10,OPP1,,100
SO2,2025-01-12,,L2,100
SO4,2025-02-10,OPP4,,100
`,
  'invoices.csv': `invoice_id,order_id,issued_at,amount
I1,SO1,2025-01-20,100
I2,SO2,2025-01-20,100
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id
P1,2025-02-01,100,I1
`,
};

describe('funnel', () => {
  it('counts leads that reached each milestone or a later one, leaving out stages with no table', async () => {
    ({ db } = await workspace(bundle));
    const { stages } = await funnel(db);
    // L1 → paid; L2 → invoiced (an order straight from the lead); L3 → qualified only;
    // L4 → order (opportunity named by the lead); L5 → opportunity (named by opportunities.lead_id).
    // No quotes or deliveries are loaded, so those stages are left out.
    expect(stages.map((s) => [s.id, s.count])).toEqual([
      ['lead_created', 5], ['qualified', 5], ['opportunity_created', 4], ['order_created', 3], ['invoiced', 2], ['paid', 1],
    ]);
    expect(stages.map((s) => s.step_conversion)).toEqual([1, 1, 4 / 5, 3 / 4, 2 / 3, 1 / 2]);
    expect(stages.map((s) => s.cumulative_conversion)).toEqual([1, 1, 0.8, 0.6, 0.4, 0.2]);
  });

  it('takes only the leads created in the period', async () => {
    ({ db } = await workspace(bundle));
    const { stages } = await funnel(db, { from: '2025-02-01', to: '2025-02-28' });
    expect(stages.map((s) => s.count)).toEqual([2, 2, 2, 1, 0, 0]);
  });
});

describe('compare', () => {
  it('splits every measure by its start event at the cut-over', async () => {
    ({ db } = await workspace(bundle));
    const result = await compare(db, { cutover: '2025-02-01', windowDays: 30 });
    expect(result.data_end).toBe('2025-02-10T00:00:00');
    const k = Object.fromEntries(result.kpis.map((x) => [x.id, x]));
    // data_end − 30 days = 2025-01-11: L1–L3 are observable, L4 and L5 (after) are not yet.
    expect(k.lead_conversion_rate.before).toMatchObject({ n: 3, count: 2, censored: 0 });
    expect(k.lead_conversion_rate.after).toMatchObject({ n: 0, count: 0, censored: 2, value: null });
    expect(k.lead_conversion_rate.change_pct).toBeNull();
    expect(k.lead_conversion_rate.improved).toBeNull();
    // Sales cycle on the same cohort: before L1 9 d, L2 10 d; after, L4 (converted in 9 d) and L5
    // are younger than the window — not yet judged, like their conversion.
    expect(k.sales_cycle_days.before).toMatchObject({ n: 2, mean: 9.5, censored: 0 });
    expect(k.sales_cycle_days.after).toMatchObject({ n: 0, censored: 0, value: null });
    expect(k.sales_cycle_days.change_pct).toBeNull();
    expect(k.sales_cycle_days.improved).toBeNull();
    // No deliveries: processing runs to the first invoice (SO1 10 d, SO2 8 d); SO4 is open.
    expect(k.order_processing_days.before).toMatchObject({ n: 2, mean: 9 });
    expect(k.order_processing_days.after).toMatchObject({ n: 0, censored: 1, value: null });
    expect(k.collection_days.before).toMatchObject({ n: 1, mean: 12, censored: 1 });
  });

  it('calls a higher duration worse and a higher rate better', async () => {
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-02\nL3,2025-03-01\nL4,2025-03-02\n',
      'orders.csv': 'order_id,created_at,lead_id\nSO1,2025-01-03,L1\nSO3,2025-03-11,L3\nSO4,2025-03-12,L4\nSO9,2025-08-01,\n',
    }));
    const result = await compare(db, { cutover: '2025-02-01' });
    const k = Object.fromEntries(result.kpis.map((x) => [x.id, x]));
    expect(k.lead_conversion_rate.before.value).toBe(0.5);
    expect(k.lead_conversion_rate.after.value).toBe(1);
    expect(k.lead_conversion_rate).toMatchObject({ change_pct: 1, improved: true });
    expect(k.sales_cycle_days.before.mean).toBe(2);
    expect(k.sales_cycle_days.after.mean).toBe(10);
    expect(k.sales_cycle_days).toMatchObject({ change_pct: 4, improved: false });
  });

  it('refuses a missing or malformed cut-over', async () => {
    ({ db } = await workspace(bundle));
    await expect(compare(db, { cutover: '' })).rejects.toThrow(/--cutover is required/);
    await expect(compare(db, { cutover: '2025-13-45' })).rejects.toThrow(/date like/);
  });
});
