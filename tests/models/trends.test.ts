import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { kpis } from '../../models/measures.ts';
import { trends, type TrendsResult } from '../../models/trends.ts';
import { days, workspace } from '../helpers/workspace.ts';

/**
 * data_end = 2025-06-20 (L6), W = 90 → leads created ≤ 2025-03-22 are observable.
 * L3 is created 2025-02-01 07:00 +08:00 = 2025-01-31 23:00 UTC: a January lead.
 */
const trendBundle = {
  'leads.csv': `lead_id,created_at,source
L1,2025-01-05,Web
L2,2025-01-31 23:59:59,Fair
L3,2025-02-01T07:00:00+08:00,Web
L4,2025-02-01 00:00:00,Web
L5,2025-04-10,Web
L6,2025-06-20,Fair
`,
  // SO2 comes 90 days and 1 second after L2 (outside W); SO5 is an order without a lead (a case of its own).
  'orders.csv': `order_id,created_at,lead_id,amount
SO1,2025-01-15,L1,100
SO2,2025-05-02,L2,100
SO3,2025-03-02 23:00:00,L3,100
SO4,2025-04-20,L5,100
SO5,2025-05-05,,100
`,
  'deliveries.csv': `delivery_id,order_id,delivered_at
D1,SO1,2025-01-20
D2,SO1,2025-01-25
D3,SO2,2025-05-12
D4,SO3,2025-03-05 23:00:00
D5,SO5,2025-05-09
`,
  'invoices.csv': `invoice_id,order_id,issued_at,amount
I1,SO1,2025-01-25,100
I2,SO3,2025-03-31 23:30:00,100
I3,SO5,2025-05-10,100
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id
P1,2025-02-04,100,I1
P2,2025-04-10 23:30:00,100,I2
`,
};

let db: Database | undefined;
afterEach(() => db?.close());

function series(result: TrendsResult, id: string) {
  const m = result.measures.find((s) => s.id === id)!;
  return Object.fromEntries(m.points.map((p) => [p.period, p]));
}

describe('trends per calendar month of the start event', () => {
  it('lists every month from the first start event to as_of; the last one is partial', async () => {
    ({ db } = await workspace(trendBundle));
    const t = await trends(db);
    expect(t).toMatchObject({ data_end: '2025-06-20T00:00:00', as_of: '2025-06-20T00:00:00', window_days: 90, by: 'month' });
    expect(t.periods).toEqual([
      { period: '2025-01', first_day: '2025-01-01', last_day: '2025-01-31', partial: false },
      { period: '2025-02', first_day: '2025-02-01', last_day: '2025-02-28', partial: false },
      { period: '2025-03', first_day: '2025-03-01', last_day: '2025-03-31', partial: false },
      { period: '2025-04', first_day: '2025-04-01', last_day: '2025-04-30', partial: false },
      { period: '2025-05', first_day: '2025-05-01', last_day: '2025-05-31', partial: false },
      { period: '2025-06', first_day: '2025-06-01', last_day: '2025-06-30', partial: true },
    ]);
    for (const m of t.measures) expect(m.points.map((p) => p.period)).toEqual(t.periods.map((p) => p.period));
  });

  it('lead_conversion_rate: windowed per month, younger leads censored, a month without leads null', async () => {
    ({ db } = await workspace(trendBundle));
    const c = series(await trends(db), 'lead_conversion_rate');
    // January: L1 (10 d), L2 (just outside W), L3 (the +08:00 lead, 30 d) → 2 of 3.
    expect(c['2025-01']).toEqual({ period: '2025-01', value: 2 / 3, n: 3, count: 2, mean: null, median: null, p90: null, censored: 0, excluded: 0, thin: true });
    // February: L4 (created 02-01 00:00, never converts) → 0 of 1.
    expect(c['2025-02']).toMatchObject({ value: 0, n: 1, count: 0, censored: 0 });
    expect(c['2025-03']).toMatchObject({ value: null, n: 0, count: 0, censored: 0 });
    // April: L5 created 04-10 > 03-22: not observable yet, although it converted.
    expect(c['2025-04']).toMatchObject({ value: null, n: 0, count: 0, censored: 1 });
    expect(c['2025-05']).toMatchObject({ value: null, n: 0, censored: 0 });
    expect(c['2025-06']).toMatchObject({ value: null, n: 0, censored: 1 });
  });

  it('duration measures: n, mean, median, p90 and censored of the items started in the month', async () => {
    ({ db } = await workspace(trendBundle));
    const t = await trends(db);
    const sales = series(t, 'sales_cycle_days');
    // January: L1 10 d, L3 01-31 23:00 → 03-02 23:00 = 30 d; p90 = 10 + 0.9 × 20 = 28.
    expect(sales['2025-01']).toEqual({ period: '2025-01', value: 20, n: 2, count: null, mean: 20, median: 20, p90: 28, censored: 0, excluded: 0, thin: true });
    expect(sales['2025-02']).toMatchObject({ value: null, n: 0, censored: 0 });
    // L5 (April, converted in 10 d) and L6 (June) are younger than the 90-day window at the data
    // end: outside the conversion cohort, neither items nor open ones.
    expect(sales['2025-04']).toMatchObject({ value: null, n: 0, censored: 0 });
    expect(sales['2025-06']).toMatchObject({ value: null, n: 0, censored: 0 });

    const processing = series(t, 'order_processing_days');
    // SO1 10 d (last delivery); SO3 3 d; SO4 undelivered; May: SO2 10 d and the order-only SO5 4 d.
    expect(processing['2025-01']).toMatchObject({ value: 10, n: 1, censored: 0 });
    expect(processing['2025-03']).toMatchObject({ value: 3, n: 1 });
    expect(processing['2025-04']).toMatchObject({ value: null, n: 0, censored: 1 });
    expect(processing['2025-05']).toMatchObject({ value: 7, n: 2, median: 7, censored: 0 });
    expect(processing['2025-05'].p90).toBeCloseTo(4 + 0.9 * 6, 10);

    const collection = series(t, 'collection_days');
    // I2 issued 03-31 23:30 belongs to March; paid 04-10 23:30 → 10 d. I3 (May) unpaid.
    expect(collection['2025-01']).toMatchObject({ value: 10, n: 1 });
    expect(collection['2025-03']).toMatchObject({ value: 10, n: 1 });
    expect(collection['2025-04']).toMatchObject({ value: null, n: 0, censored: 0 });
    expect(collection['2025-05']).toMatchObject({ value: null, n: 0, censored: 1 });

    const cash = series(t, 'lead_to_cash_days');
    // L1: 01-05 → I1 paid 02-04 = 30 d. L3: 01-31 23:00 → 04-10 23:30 = 69 d 30 min. L2's order has no invoice: open.
    const l3 = days('2025-01-31T23:00:00', '2025-04-10T23:30:00');
    expect(l3).toBeCloseTo(69 + 1 / 48, 12);
    expect(cash['2025-01']).toMatchObject({ n: 2, censored: 1 });
    expect(cash['2025-01'].mean).toBeCloseTo((30 + l3) / 2, 10);
    expect(cash['2025-01'].p90).toBeCloseTo(30 + 0.9 * (l3 - 30), 10);
    expect(cash['2025-04']).toMatchObject({ n: 0, censored: 1 });
  });

  it('groups by quarter', async () => {
    ({ db } = await workspace(trendBundle));
    const t = await trends(db, { by: 'quarter' });
    expect(t.periods).toEqual([
      { period: '2025-Q1', first_day: '2025-01-01', last_day: '2025-03-31', partial: false },
      { period: '2025-Q2', first_day: '2025-04-01', last_day: '2025-06-30', partial: true },
    ]);
    expect(series(t, 'lead_conversion_rate')['2025-Q1']).toMatchObject({ value: 0.5, n: 4, count: 2, censored: 0 });
    expect(series(t, 'lead_conversion_rate')['2025-Q2']).toMatchObject({ n: 0, censored: 2 });
    expect(series(t, 'collection_days')['2025-Q1']).toMatchObject({ value: 10, n: 2 });
  });

  it('honours the segment filters', async () => {
    ({ db } = await workspace(trendBundle));
    const t = await trends(db, { segments: { source: 'Web' } });
    // Web leads: L1, L3, L4, L5. The order-only case SO5 has no source and drops out.
    expect(series(t, 'lead_conversion_rate')['2025-01']).toMatchObject({ value: 1, n: 2, count: 2 });
    expect(series(t, 'order_processing_days')['2025-05']).toMatchObject({ value: null, n: 0 });
    expect(series(t, 'collection_days')['2025-05']).toMatchObject({ n: 0, censored: 0 });
  });

  it('clips the first and last period to --from/--to and marks them partial', async () => {
    ({ db } = await workspace(trendBundle));
    const t = await trends(db, { from: '2025-01-20', to: '2025-02-10' });
    expect(t.periods).toEqual([
      { period: '2025-01', first_day: '2025-01-20', last_day: '2025-01-31', partial: true },
      { period: '2025-02', first_day: '2025-02-01', last_day: '2025-02-10', partial: true },
    ]);
    // From 01-20: L2 (not within W) and L3 (converted).
    expect(series(t, 'lead_conversion_rate')['2025-01']).toMatchObject({ n: 2, count: 1 });
  });

  it('reports measures whose tables are missing as unavailable, like kpis', async () => {
    ({ db } = await workspace({ 'leads.csv': trendBundle['leads.csv'] }));
    const t = await trends(db);
    const collection = t.measures.find((m) => m.id === 'collection_days')!;
    expect(collection).toMatchObject({ available: false, note: expect.stringMatching(/invoices/) });
    expect(collection.points.every((p) => p.value === null && p.n === 0)).toBe(true);
    expect(t.measures[0].available).toBe(true);
  });

  it('rejects an unknown granularity', async () => {
    ({ db } = await workspace(trendBundle));
    await expect(trends(db, { by: 'week' as 'month' })).rejects.toThrow(/--by must be month or quarter/);
  });
});

describe('trends on the sample bundle equal kpis for each single period', () => {
  let sample: Database;
  beforeAll(async () => {
    const dir = new URL('../../sample-data/bundle/', import.meta.url);
    const bundle = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(new URL(f, dir), 'utf8')]));
    ({ db: sample } = await workspace(bundle));
  });
  afterAll(() => sample.close());

  const fields = (m: { value: unknown; n: unknown; count: unknown; mean: unknown; median: unknown; p90: unknown; censored: unknown }) =>
    ({ value: m.value, n: m.n, count: m.count, mean: m.mean, median: m.median, p90: m.p90, censored: m.censored });

  async function expectEqualToKpis(t: TrendsResult, options: Parameters<typeof kpis>[1] = {}) {
    expect(t.periods.length).toBeGreaterThan(0);
    for (const [i, p] of t.periods.entries()) {
      const single = await kpis(sample, { ...options, from: p.first_day, to: p.last_day });
      for (const k of single.kpis) {
        const trend = t.measures.find((m) => m.id === k.id)!;
        expect({ period: p.period, id: k.id, ...fields(trend.points[i]) }).toEqual({ period: p.period, id: k.id, ...fields(k) });
      }
    }
  }

  it('by month (24 months, every measure)', async () => {
    const t = await trends(sample);
    expect(t.periods.map((p) => p.period)).toEqual(Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`));
    expect(t.periods.at(-1)!.partial).toBe(true);
    await expectEqualToKpis(t);
    const total = await kpis(sample);
    expect(t.measures.map((m) => fields(m.total))).toEqual(total.kpis.map(fields));
  });

  it('by quarter, with a filter, a window and a clipped range', async () => {
    const options = { by: 'quarter' as const, from: '2024-02-15', to: '2025-08-31', windowDays: 60, segments: { source: 'Website' } };
    const t = await trends(sample, options);
    expect(t.periods[0]).toMatchObject({ period: '2024-Q1', first_day: '2024-02-15', partial: true });
    expect(t.periods.at(-1)).toMatchObject({ period: '2025-Q3', last_day: '2025-08-31', partial: true });
    await expectEqualToKpis(t, { windowDays: 60, segments: { source: 'Website' } });
  });
});
