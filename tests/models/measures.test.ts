import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { kpis } from '../../models/measures.ts';
import { days, workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => db?.close());

async function measuresOf(bundle: Record<string, string>, options = {}) {
  ({ db } = await workspace(bundle));
  const result = await kpis(db, options);
  return Object.fromEntries(result.kpis.map((k) => [k.id, k]));
}

describe('lead_conversion_rate (docs/measures.md)', () => {
  const leads = `
lead_id,created_at
L1,2025-01-01
L2,2025-01-02 10:00:00
L3,2025-01-10
L4,2025-03-20
`;
  const orders = `
order_id,created_at,lead_id,amount
SO1,2025-04-01,L1,100
SO2,2025-04-02 10:00:00,L2,100
SO3,2025-04-10,L4,100
`;

  it('counts leads converted within the window among leads old enough to judge; younger ones are censored', async () => {
    // data_end = 2025-04-10 (SO3). Observable: created <= 2025-01-10 → L1, L2, L3. L4 is censored.
    // L1: order after exactly 90 days → converted. L2: 90 days later to the minute → converted. L3: none.
    const m = await measuresOf({ 'leads.csv': leads, 'orders.csv': orders });
    expect(m.lead_conversion_rate).toMatchObject({ n: 3, count: 2, censored: 1 });
    expect(m.lead_conversion_rate.value).toBeCloseTo(2 / 3, 10);
  });

  it('does not count an order one second past the window', async () => {
    const late = orders.replace('SO1,2025-04-01,', 'SO1,2025-04-01 00:00:01,');
    const m = await measuresOf({ 'leads.csv': leads, 'orders.csv': late });
    expect(m.lead_conversion_rate).toMatchObject({ n: 3, count: 1 });
  });

  it('follows the window option', async () => {
    // W = 30: observable are leads created <= 2025-03-11 (L1, L2, L3); none converted within 30 days.
    const m = await measuresOf({ 'leads.csv': leads, 'orders.csv': orders }, { windowDays: 30 });
    expect(m.lead_conversion_rate).toMatchObject({ n: 3, count: 0, censored: 1, value: 0 });
  });

  it('excludes orders without a lead (they start their own case)', async () => {
    const withOrphan = orders + 'SO9,2025-01-05,,50\n';
    const m = await measuresOf({ 'leads.csv': leads, 'orders.csv': withOrphan });
    expect(m.lead_conversion_rate).toMatchObject({ n: 3, count: 2 });
  });
});

describe('sales_cycle_days', () => {
  it('is first order − lead created for leads converted within the window', async () => {
    const m = await measuresOf({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-02 12:00:00\nL3,2025-01-03\nL4,2025-06-01\n',
      // L1's first order is SO2 (earlier), L3 converts after the window and is not an item.
      'orders.csv': 'order_id,created_at,lead_id\nSO1,2025-01-21,L1\nSO2,2025-01-11,L1\nSO3,2025-01-12,L2\nSO4,2025-05-01,L3\nSO5,2025-06-02,L9\n',
    });
    const l1 = days('2025-01-01T00:00:00', '2025-01-11T00:00:00');
    const l2 = days('2025-01-02T12:00:00', '2025-01-12T00:00:00');
    expect(m.sales_cycle_days.n).toBe(2);
    expect(m.sales_cycle_days.mean).toBeCloseTo((l1 + l2) / 2, 10);
    expect(m.sales_cycle_days.median).toBeCloseTo((l1 + l2) / 2, 10);
    expect(m.sales_cycle_days.value).toBe(m.sales_cycle_days.mean);
    // L4 (1 day old at data_end) is younger than the window: neither an item nor an open one.
    expect(m.sales_cycle_days.censored).toBe(0);
  });

  it('leaves out leads younger than the window, even those that already converted (the conversion cohort)', async () => {
    // data_end 2025-06-10; W = 90 days: the cohort is the leads created up to 2025-03-12.
    const m = await measuresOf({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-02-01\nL3,2025-05-30\nL4,2025-06-01\nL5,2025-06-05\n',
      // L3 and L4 converted within a day — only fast converters can have, so young: not counted.
      'orders.csv': 'order_id,created_at,lead_id\nSO1,2025-01-31,L1\nSO2,2025-03-03,L2\nSO3,2025-05-31,L3\nSO4,2025-06-02,L4\nSO5,2025-06-10,L9\n',
    });
    expect(m.sales_cycle_days).toMatchObject({ n: 2, censored: 0 });
    expect(m.sales_cycle_days.mean).toBeCloseTo((30 + 30) / 2, 10);
    // The same leads as the conversion rate's numerator.
    expect(m.lead_conversion_rate).toMatchObject({ count: 2, n: 2 });
  });
});

describe('order_processing_days', () => {
  const orders = 'order_id,created_at,amount\nSO1,2025-02-01,100\nSO2,2025-02-01 12:00:00,100\nSO3,2025-02-10,100\n';

  it('runs to the last delivery; orders without delivery are open', async () => {
    const m = await measuresOf({
      'orders.csv': orders,
      'deliveries.csv': 'delivery_id,order_id,delivered_at\nD1,SO1,2025-02-03\nD2,SO1,2025-02-11\nD3,SO2,2025-02-04\n',
    });
    const so1 = days('2025-02-01T00:00:00', '2025-02-11T00:00:00');
    const so2 = days('2025-02-01T12:00:00', '2025-02-04T00:00:00');
    expect(m.order_processing_days).toMatchObject({ n: 2, censored: 1, available: true });
    expect(m.order_processing_days.mean).toBeCloseTo((so1 + so2) / 2, 10);
    expect(m.order_processing_days.note).toBeUndefined();
  });

  it('falls back to the first invoice when no deliveries are loaded, and says so', async () => {
    const m = await measuresOf({
      'orders.csv': orders,
      'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-02-06,60\nI2,SO1,2025-02-04,40\n',
    });
    expect(m.order_processing_days).toMatchObject({ n: 1, censored: 2 });
    expect(m.order_processing_days.mean).toBeCloseTo(3, 10);
    expect(m.order_processing_days.note).toMatch(/first invoice/);
  });
});

describe('collection_days', () => {
  const orders = 'order_id,created_at,amount\nSO1,2025-01-10,100\nSO2,2025-01-10,200\n';
  const invoices = 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-21,60\nI2,SO1,2025-01-25,40\nI3,SO2,2025-02-03,200\n';

  it('ends when cumulative payments reach the amount; unpaid invoices are censored', async () => {
    const m = await measuresOf({
      'orders.csv': orders, 'invoices.csv': invoices,
      // I3 in two instalments: reached on 02-20. I1 paid 59.995 → within 0.01 → paid on 01-31.
      'payments.csv': 'payment_id,paid_at,amount,invoice_id,order_id\nP1,2025-01-31,59.995,I1,\nP2,2025-02-10,120,I3,\nP3,2025-02-20,80,I3,\n',
    });
    expect(m.collection_days).toMatchObject({ n: 2, censored: 1 });
    expect(m.collection_days.mean).toBeCloseTo((10 + 17) / 2, 10);
  });

  it('applies order-level payments to the order invoices oldest first (FIFO)', async () => {
    const m = await measuresOf({
      'orders.csv': orders, 'invoices.csv': invoices,
      // 70 on 01-31 fills I1 (60) and 10 of I2; 30 on 02-10 completes I2. I3 stays unpaid.
      'payments.csv': 'payment_id,paid_at,amount,invoice_id,order_id\nP1,2025-01-31,70,,SO1\nP2,2025-02-10,30,,SO1\n',
    });
    expect(m.collection_days).toMatchObject({ n: 2, censored: 1 });
    expect(m.collection_days.mean).toBeCloseTo((10 + 16) / 2, 10);
    expect(m.collection_days.median).toBeCloseTo(13, 10);
  });

  it('fills what direct payments leave open before order-level money moves on', async () => {
    const m = await measuresOf({
      'orders.csv': orders, 'invoices.csv': invoices,
      // I1 gets 50 directly; the order-level 50 fills I1's last 10, then 40 of I2 → both paid 02-01.
      'payments.csv': 'payment_id,paid_at,amount,invoice_id,order_id\nP1,2025-01-22,50,I1,SO1\nP2,2025-02-01,50,,SO1\n',
    });
    expect(m.collection_days).toMatchObject({ n: 2, censored: 1 });
    expect(m.collection_days.mean).toBeCloseTo((11 + 7) / 2, 10);
  });

  it('is unavailable without invoices rather than guessed', async () => {
    const m = await measuresOf({
      'orders.csv': orders,
      'payments.csv': 'payment_id,paid_at,amount,order_id\nP1,2025-01-31,100,SO1\n',
    });
    expect(m.collection_days).toMatchObject({ available: false, value: null });
  });
});

describe('lead_to_cash_days', () => {
  it('runs from lead creation to the moment all invoices of the first order are paid', async () => {
    const m = await measuresOf({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-02\nL3,2025-01-03\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\nSO2,2025-01-20,L1,10\nSO3,2025-02-01,L2,200\n',
      'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-21,60\nI2,SO1,2025-01-25,40\nI3,SO3,2025-02-03,200\nI4,SO2,2025-01-21,10\n',
      'payments.csv': 'payment_id,paid_at,amount,invoice_id,order_id\nP1,2025-01-31,60,I1,\nP2,2025-02-10,40,I2,\nP3,2025-02-13,100,I3,\n',
    });
    // L1: SO1 fully paid on 02-10 → 40 days (SO2 is not its first order). L2: SO3 half paid → open.
    // L3 has no order: not an item.
    expect(m.lead_to_cash_days).toMatchObject({ n: 1, censored: 1 });
    expect(m.lead_to_cash_days.mean).toBeCloseTo(40, 10);
  });

  it('without invoices, an order is paid when the payments naming it reach its amount', async () => {
    const m = await measuresOf({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\n',
      'payments.csv': 'payment_id,paid_at,amount,order_id\nP1,2025-01-21,50,SO1\nP2,2025-01-31,50,SO1\n',
    });
    expect(m.lead_to_cash_days).toMatchObject({ n: 1, censored: 0 });
    expect(m.lead_to_cash_days.mean).toBeCloseTo(30, 10);
  });
});

describe('periods and data_end', () => {
  it('assigns each measure to the period of its start event and reports data_end', async () => {
    ({ db } = await workspace({
      'orders.csv': 'order_id,created_at,amount\nSO1,2025-01-31 23:00:00,100\nSO2,2025-02-01,100\n',
      'deliveries.csv': 'delivery_id,order_id,delivered_at\nD1,SO1,2025-02-02 23:00:00\nD2,SO2,2025-02-11\n',
    }));
    const january = await kpis(db, { from: '2025-01-01', to: '2025-01-31' });
    const processing = january.kpis.find((k) => k.id === 'order_processing_days')!;
    expect(processing).toMatchObject({ n: 1, mean: 2 });
    expect(january.data_end).toBe('2025-02-11T00:00:00');
  });

  it('ignores planned dates when finding data_end', async () => {
    ({ db } = await workspace({
      'orders.csv': 'order_id,created_at,amount\nSO1,2025-01-31,100\n',
      'invoices.csv': 'invoice_id,order_id,issued_at,due_at,amount\nI1,SO1,2025-02-01,2025-03-03,100\n',
    }));
    expect((await kpis(db)).data_end).toBe('2025-02-01T00:00:00');
  });

  it('converts timestamps with an offset to UTC and keeps naive ones as given', async () => {
    ({ db } = await workspace({
      'orders.csv': 'order_id,created_at,amount\nSO1,2025-02-01T08:00:00+08:00,100\nSO2,2025-02-01 08:00:00,100\n',
      'deliveries.csv': 'delivery_id,order_id,delivered_at\nD1,SO1,2025-02-02T00:00:00Z\nD2,SO2,2025-02-02\n',
    }));
    const processing = (await kpis(db)).kpis.find((k) => k.id === 'order_processing_days')!;
    // SO1: 2025-02-01 00:00 UTC → 1 day. SO2: 08:00 → next midnight = 16 hours.
    expect(processing.n).toBe(2);
    expect(processing.mean).toBeCloseTo((1 + 16 / 24) / 2, 10);
  });
});
