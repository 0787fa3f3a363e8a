/**
 * Time to order and to cash before/after a cut-over (docs/statistics.md): open leads are censored at the data
 * end, not dropped; on the sample data the designed change shows in the log-rank test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { survival } from '../../models/survival.ts';
import { sampleWorkspace, workspace } from '../helpers/workspace.ts';

describe('survival on a hand-built workspace', () => {
  let db: Database;
  beforeAll(async () => {
    // Before 2025-02-01: L1 orders after 10 days, L2 after 20, L3 never (open 59 days at data end
    // 2025-03-01), L4 after 40 days. After: L5 orders after 5 days, L6 never (open 27 days).
    ({ db } = await workspace({
      'leads.csv': `
lead_id,created_at,source
L1,2025-01-01,Web
L2,2025-01-01,Web
L3,2025-01-01,Fair
L4,2025-01-10,Web
L5,2025-02-01,Web
L6,2025-02-02,Fair
`,
      'orders.csv': `
order_id,created_at,lead_id,amount
S1,2025-01-11,L1,10
S2,2025-01-21,L2,10
S4,2025-02-19,L4,10
S5,2025-02-06,L5,10
S9,2025-03-01,,10
`,
    }));
  });
  afterAll(() => db?.close());

  it('counts open leads as censored at the data end and steps down at each order', async () => {
    const result = await survival(db, { cutover: '2025-02-01' });
    expect(result.as_of).toBe('2025-03-01T00:00:00');
    const order = result.curves.find((c) => c.id === 'time_to_order')!;
    expect([order.before.n, order.before.events, order.before.censored]).toEqual([4, 3, 1]);
    // S after day 10 (L1): 3/4; day 20 (L2): 3/4 · 2/3 = 1/2; day 40 (L4, with L3 still open in the
    // risk set): 1/2 · 1/2 = 1/4; day 59: L3 censored, S stays 1/4.
    expect(order.before.points.map((p) => [p.day, p.at_risk, Number(p.survival.toFixed(4))])).toEqual([
      [10, 4, 0.75], [20, 3, 0.5], [40, 2, 0.25], [59, 1, 0.25],
    ]);
    expect(order.before.median_days).toBe(20);
    expect(order.before.share_by[30]).toBeCloseTo(0.5, 12);
    expect([order.after.n, order.after.events, order.after.censored, order.after.median_days]).toEqual([2, 1, 1, 5]);
    expect(order.log_rank).not.toBeNull();
  });

  it('keeps the filtered segment only', async () => {
    const fair = await survival(db, { cutover: '2025-02-01', segments: { source: 'Fair' } });
    const order = fair.curves.find((c) => c.id === 'time_to_order')!;
    expect([order.before.n, order.before.events, order.after.n, order.after.events]).toEqual([1, 0, 1, 0]);
    expect(order.log_rank).toBeNull();
  });

  it('needs a cut-over', async () => {
    await expect(survival(db, { cutover: '' })).rejects.toThrow(/--cutover/);
  });
});

describe('survival on the sample data', () => {
  let db: Database;
  beforeAll(async () => {
    db = await sampleWorkspace();
  });
  afterAll(() => db?.close());

  it('shows the designed change (faster to order and to cash after 2025-01-01) with the log-rank test', async () => {
    const result = await survival(db, { cutover: '2025-01-01' });
    for (const curve of result.curves) {
      expect(curve.log_rank!.p_value).toBeLessThan(0.01);
      expect(curve.after.share_by[90]).toBeGreaterThan(curve.before.share_by[90]);
    }
    // Events are the leads with an order by the data end, counted here from the case table.
    const [{ before, after }] = await db.query<{ before: number; after: number }>(`
      SELECT count(*) FILTER (WHERE lead_created_at < '2025-01-01')::INTEGER AS before,
             count(*) FILTER (WHERE lead_created_at >= '2025-01-01')::INTEGER AS after
      FROM model.cases WHERE origin = 'lead' AND order_created_at IS NOT NULL`);
    const order = result.curves.find((c) => c.id === 'time_to_order')!;
    expect([order.before.events, order.after.events]).toEqual([before, after]);
  });
});

describe('survival with a transition window', () => {
  it('leaves out the leads of the first N days after the cut-over', async () => {
    const { db } = await workspace({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-10\nL2,2025-02-03\nL3,2025-02-20\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nS1,2025-01-20,L1,1\nS3,2025-03-01,L3,1\n',
    });
    try {
      const all = await survival(db, { cutover: '2025-02-01' });
      const trimmed = await survival(db, { cutover: '2025-02-01', excludeDays: 14 });
      const n = (r: typeof all) => r.curves[0].after.n;
      // L2 (Feb 3) falls in the 14 transition days; L3 (Feb 20) does not.
      expect([n(all), n(trimmed)]).toEqual([2, 1]);
      await expect(survival(db, { cutover: '2025-02-01', excludeDays: -1 })).rejects.toThrow(/exclude-days/);
    } finally {
      db.close();
    }
  });
});
