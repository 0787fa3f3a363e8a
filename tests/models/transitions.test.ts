import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { parseTransition, transitions, type TransitionStats } from '../../models/transitions.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => db?.close());

/**
 * Six leads, a multi-order case and an order without a lead. data_end = 2025-02-10 (O5 closed).
 * L1: created 01-01, qualified 01-03, O1 01-05, quote sent 01-10, SO1 01-20 (and a second order
 *     SO1B, ignored: milestones follow the first order), delivered 01-25, but invoiced 01-24 — out
 *     of order, so invoiced counts as reached 01-25 — and paid 02-03.
 * L2: created 01-02, order 01-12 straight from the lead (skips qualified, opportunity, quote),
 *     delivered 01-15, invoiced 01-16, unpaid: waits in invoiced→paid.
 * L3: qualified 01-11, no opportunity: waits in qualified→opportunity_created.
 * L4: disqualified: lost, not waiting. L5: created in February, its opportunity lost on 02-10.
 * L6: created 2024-10-01, never touched: waits in lead_created→qualified.
 * SO9: no lead (a case of its own): ordered 01-05, delivered 01-08, invoiced 01-09, paid 01-19 by a
 *      payment naming only the order.
 */
const BUNDLE = {
  'leads.csv': `
lead_id,created_at,source,status,owner,region,segment,qualified_at,disqualified_at
L1,2025-01-01,Web,Converted,Ann,East,SMB,2025-01-03,
L2,2025-01-02,Fair,Converted,Bob,West,SMB,,
L3,2025-01-10,Web,Qualified,Ann,East,SMB,2025-01-11,
L4,2025-01-15,Web,Disqualified,Ann,East,SMB,,2025-01-16
L5,2025-02-01,Fair,Converted,Bob,West,SMB,2025-02-02,
L6,2024-10-01,Web,New,Ann,East,SMB,,
`,
  'opportunities.csv': `
opportunity_id,created_at,lead_id,stage,is_closed,is_won,closed_at
O1,2025-01-05,L1,Closed Won,true,true,2025-01-20
O5,2025-02-03,L5,Closed Lost,true,false,2025-02-10
`,
  'quotes.csv': 'quote_id,opportunity_id,created_at,sent_at\nQ1,O1,2025-01-09,2025-01-10\n',
  'orders.csv': `
order_id,created_at,opportunity_id,lead_id,amount
SO1,2025-01-20,O1,,100
SO1B,2025-01-25,O1,,50
SO2,2025-01-12,,L2,200
SO9,2025-01-05,,,300
`,
  'deliveries.csv': 'delivery_id,order_id,delivered_at\nD1,SO1,2025-01-25\nD1B,SO1B,2025-01-28\nD2,SO2,2025-01-15\nD9,SO9,2025-01-08\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-24,100\nI2,SO2,2025-01-16,200\nI9,SO9,2025-01-09,300\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id,order_id\nP1,2025-02-03,100,I1,\nP9,2025-01-19,300,,SO9\n',
};

function byId(list: readonly TransitionStats[]): Record<string, TransitionStats> {
  return Object.fromEntries(list.map((t) => [t.id, t]));
}

describe('transitions (docs/measures.md)', () => {
  it('goes from each reached milestone to the next reached one, for lead and order-only cases', async () => {
    ({ db } = await workspace(BUNDLE));
    const result = await transitions(db);
    expect(result.data_end).toBe('2025-02-10T00:00:00');
    expect(result.as_of).toBe('2025-02-10T00:00:00');
    expect(result.transitions.map((t) => t.id)).toEqual([
      'lead_created→qualified', 'lead_created→order_created', 'qualified→opportunity_created',
      'opportunity_created→quote_sent', 'quote_sent→order_created', 'order_created→delivered',
      'delivered→invoiced', 'invoiced→paid',
    ]);
    const t = byId(result.transitions);
    // L1 2 days, L3 1, L5 1; L6 waits. p90 = 1 + 0.8·(2 − 1) (linear interpolation at 0.9·(3 − 1)).
    expect(t['lead_created→qualified']).toMatchObject({ n: 3, median: 1, censored: 1, out_of_order: 0, label: 'Lead created → Qualified' });
    expect(t['lead_created→qualified'].mean).toBeCloseTo(4 / 3, 12);
    expect(t['lead_created→qualified'].p90).toBeCloseTo(1.8, 12);
    expect(t['lead_created→qualified'].total_days).toBeCloseTo(4, 12);
    // L2 skips qualified, opportunity and quote: 01-02 → 01-12.
    expect(t['lead_created→order_created']).toMatchObject({ n: 1, mean: 10, censored: 0, label: 'Lead created → Order', label_zh: '线索创建 → 订单' });
    // L1 2 days, L5 1; L3 waits; L5's lost opportunity does not wait for a quote.
    expect(t['qualified→opportunity_created']).toMatchObject({ n: 2, mean: 1.5, censored: 1 });
    expect(t['opportunity_created→quote_sent']).toMatchObject({ n: 1, mean: 5, censored: 0 });
    expect(t['quote_sent→order_created']).toMatchObject({ n: 1, mean: 10 });
    // first orders only: L1 (SO1) 5, L2 3, SO9 3; SO1B does not count.
    expect(t['order_created→delivered']).toMatchObject({ n: 3, median: 3, censored: 0 });
    expect(t['order_created→delivered'].mean).toBeCloseTo(11 / 3, 12);
    // L1's invoice came a day before its delivery: 0 days, out of order; L2 1, SO9 1.
    expect(t['delivered→invoiced']).toMatchObject({ n: 3, median: 1, out_of_order: 1 });
    expect(t['delivered→invoiced'].mean).toBeCloseTo(2 / 3, 12);
    // L1 from 01-25 (the invoice counted as reached at delivery) to 02-03: 9; SO9 10; L2 waits.
    expect(t['invoiced→paid']).toMatchObject({ n: 2, mean: 9.5, median: 9.5, censored: 1, total_days: 19 });
  });

  it('draws a histogram of at most 20 bins of a 1-2-5 width covering the 99th percentile', async () => {
    ({ db } = await workspace(BUNDLE));
    const t = byId((await transitions(db)).transitions);
    // order_created→delivered: 3, 3, 5 days. p99 = 3 + 0.98·2 = 4.96; 4.96/20 = 0.248 → width 0.5;
    // ceil(4.96/0.5) = 10 bins up to 5 (the last one includes 5): 3 falls in [3, 3.5) twice, 5 in [4.5, 5].
    const h = t['order_created→delivered'].histogram!;
    expect(h.bin_days).toBe(0.5);
    expect(h.bins).toHaveLength(10);
    expect(h.bins[0]).toEqual({ from_days: 0, to_days: 0.5, count: 0 });
    expect(h.bins[6]).toEqual({ from_days: 3, to_days: 3.5, count: 2 });
    expect(h.bins[9]).toEqual({ from_days: 4.5, to_days: 5, count: 1 });
    // lead_created→qualified: 1, 1, 2. p99 = 1.98, 1.98/20 = 0.099 → width 0.1, 20 bins up to 2.
    const q = t['lead_created→qualified'].histogram!;
    expect(q.bin_days).toBe(0.1);
    expect(q.bins).toHaveLength(20);
    expect(q.bins[10]).toEqual({ from_days: 1, to_days: 1.1, count: 2 });
    expect(q.bins[19]).toEqual({ from_days: 1.9, to_days: 2, count: 1 });
  });

  it('puts durations beyond the covered range into one open last bin', async () => {
    // 101 orders delivered after 1, 2, …, 100 days and one after 1000 days. p99 = the value at
    // 0.99·100 = position 100 = 100 days; 100/20 = 5 → width 5, 20 bins up to 100.
    const orders = ['order_id,created_at'];
    const deliveries = ['delivery_id,order_id,delivered_at'];
    const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
    [...Array.from({ length: 100 }, (_, i) => i + 1), 1000].forEach((d, i) => {
      orders.push(`SO${i},2024-01-01`);
      deliveries.push(`D${i},SO${i},${day(d)}`);
    });
    ({ db } = await workspace({ 'orders.csv': orders.join('\n'), 'deliveries.csv': deliveries.join('\n') }));
    const h = (await transitions(db)).transitions[0].histogram!;
    expect(h.bin_days).toBe(5);
    expect(h.bins).toHaveLength(21);
    // [0, 5): 1–4; [5, 10): 5–9; [95, 100]: 95–100; open from 100: the 1000 days.
    expect(h.bins[0]).toEqual({ from_days: 0, to_days: 5, count: 4 });
    expect(h.bins[1]).toEqual({ from_days: 5, to_days: 10, count: 5 });
    expect(h.bins[19]).toEqual({ from_days: 95, to_days: 100, count: 6 });
    expect(h.bins[20]).toEqual({ from_days: 100, to_days: null, count: 1 });
  });

  it('assigns a transition to the period of its start and honours the filters', async () => {
    ({ db } = await workspace(BUNDLE));
    // From February only L5's two steps start (02-01 and 02-02).
    const feb = await transitions(db, { from: '2025-02-01' });
    expect(feb.transitions.map((t) => [t.id, t.n, t.censored])).toEqual([
      ['lead_created→qualified', 1, 0], ['qualified→opportunity_created', 1, 0]]);
    // source = Web: L1, L3, L4, L6 (SO9 has no source).
    const web = byId((await transitions(db, { segments: { source: 'Web' } })).transitions);
    expect(web['lead_created→qualified']).toMatchObject({ n: 2, censored: 1 });
    expect(web['order_created→delivered']).toMatchObject({ n: 1, mean: 5 });
    expect(web['invoiced→paid']).toMatchObject({ n: 1, mean: 9, censored: 0 });
    expect(web['lead_created→order_created']).toBeUndefined();
  });

  it('recomputes the timelines as of an earlier moment', async () => {
    ({ db } = await workspace(BUNDLE));
    // At 01-24 12:00 L1 has its invoice (01-24) but not its delivery (01-25): it went order →
    // invoiced in 4 days and waits for cash; L2 waits for cash; L5 does not exist yet; L4 is lost.
    const t = byId((await transitions(db, { asOf: '2025-01-24 12:00:00' })).transitions);
    expect(t['order_created→invoiced']).toMatchObject({ n: 1, mean: 4, out_of_order: 0 });
    expect(t['order_created→delivered']).toMatchObject({ n: 2, mean: 3 });
    expect(t['invoiced→paid']).toMatchObject({ n: 1, mean: 10, censored: 2 });
    expect(t['lead_created→qualified']).toMatchObject({ n: 2, censored: 1 });
    expect(t['qualified→opportunity_created']).toMatchObject({ n: 1, censored: 1 });
  });

  it('gives the same numbers computed live at data_end as from the materialized table', async () => {
    ({ db } = await workspace(BUNDLE));
    const stored = await transitions(db);
    const live = await transitions(db, { asOf: '2025-02-10 00:00:00' });
    expect(live).toEqual(stored);
  });

  it('waits for the next milestone whose data is loaded', async () => {
    // Only leads and orders: L1 converts in 10 days, L2 waits for an order; an order waits for nothing.
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-05\n',
      'orders.csv': 'order_id,created_at,lead_id\nSO1,2025-01-11,L1\n',
    }));
    expect((await transitions(db)).transitions.map((t) => [t.id, t.n, t.mean, t.censored])).toEqual([
      ['lead_created→order_created', 1, 10, 1]]);
  });

  it('is empty on an empty workspace', async () => {
    ({ db } = await workspace({}));
    expect(await transitions(db)).toEqual({ data_end: null, as_of: null, thin_below: 20, transitions: [] });
  });
});

describe('parseTransition', () => {
  it('reads two milestones in order, with → or ->', () => {
    expect(parseTransition('order_created→delivered')).toEqual({
      id: 'order_created→delivered', from: 'order_created', to: 'delivered', label: 'Order → Delivered', label_zh: '订单 → 交付' });
    expect(parseTransition(' invoiced -> paid ').id).toBe('invoiced→paid');
    expect(() => parseTransition('paid→invoiced')).toThrow(/two milestones in order/);
    expect(() => parseTransition('order_created')).toThrow(/two milestones in order/);
    expect(() => parseTransition('order→delivered')).toThrow(/two milestones in order/);
  });
});
