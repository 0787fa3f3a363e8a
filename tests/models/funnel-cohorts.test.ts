import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { funnelCohorts, type FunnelCohorts, type WindowedFunnel } from '../../models/funnel-cohorts.ts';
import { kpis } from '../../models/measures.ts';
import { workspace } from '../helpers/workspace.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

// Five leads, an opportunity without a lead (OPP8) and an order without one (SO9): those two start
// their own cases and stay out of the lead funnel. Judged as of 2025-07-01 (end of day) with a
// window of W = 30 days, so leads created up to 2025-06-01 23:59:59.999999 are observable.
//
//   L1 2025-01-05 Web  Partner  qualified 01-06, OPP1 01-10, quote sent 01-15, SO1 01-20, delivered
//                               01-25, invoiced 01-26, paid 02-10 (36 days: after the window)
//   L2 2025-01-20 Fair Direct   OPP2 03-01 (exactly 40 days), SO2 03-05 (44 days): nothing within 30
//   L3 2025-03-31 Web  Partner  orders SO3 04-10 (the first) and SO3B 04-15; SO3 delivered and
//                               invoiced 04-12, never paid (only SO3B is paid: not the first order)
//   L4 2025-04-01 Fair –        qualified 04-02
//   L5 2025-06-20 Web  Direct   too young (censored); SO5 06-25, delivered 06-28
const bundle = {
  'leads.csv': `lead_id,created_at,source,owner,qualified_at,opportunity_id,Channel
L1,2025-01-05,Web,Ann,2025-01-06,OPP1,Partner
L2,2025-01-20,Fair,Bob,,OPP2,Direct
L3,2025-03-31,Web,Bob,,,Partner
L4,2025-04-01,Fair,Ann,2025-04-02,,
L5,2025-06-20,Web,Ann,,,Direct
`,
  'opportunities.csv': 'opportunity_id,created_at\nOPP1,2025-01-10\nOPP2,2025-03-01\nOPP8,2025-02-01\n',
  'quotes.csv': 'quote_id,opportunity_id,created_at,sent_at\nQ1,OPP1,2025-01-14,2025-01-15\n',
  'orders.csv': `order_id,created_at,opportunity_id,lead_id,amount
SO1,2025-01-20,OPP1,,100
SO2,2025-03-05,OPP2,,100
SO3,2025-04-10,,L3,100
SO3B,2025-04-15,,L3,100
SO5,2025-06-25,,L5,100
SO9,2025-02-01,,,100
`,
  'deliveries.csv': `delivery_id,order_id,delivered_at
D1,SO1,2025-01-25
D3,SO3,2025-04-12
D3B,SO3B,2025-04-16
D5,SO5,2025-06-28
D9,SO9,2025-02-02
`,
  'invoices.csv': `invoice_id,order_id,issued_at,amount
I1,SO1,2025-01-26,100
I3,SO3,2025-04-12,100
I3B,SO3B,2025-04-16,100
I9,SO9,2025-02-03,100
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id
P1,2025-02-10,100,I1
P3B,2025-04-20,100,I3B
P9,2025-02-05,100,I9
`,
};

const AS_OF = { asOf: '2025-07-01', windowDays: 30 } as const;

/** [id, count] of every stage. */
const counts = (f: WindowedFunnel) => f.stages.map((s) => s.count);
const toDate = (f: WindowedFunnel) => f.stages.map((s) => s.reached_to_date);
const heads = (f: WindowedFunnel) => [f.leads, f.observable, f.censored, f.complete];

describe('funnel per lead cohort, windowed', () => {
  it('counts per monthly cohort the leads that reached each milestone or a later one within W days', async () => {
    ({ db } = await workspace(bundle));
    const result = await funnelCohorts(db, AS_OF);
    expect(result).toMatchObject({
      as_of: '2025-07-01T23:59:59', window_days: 30, observable_until: '2025-06-01T23:59:59', by: 'month', by_segment: null, segments: null,
    });
    expect(result.stages.map((s) => s.id)).toEqual([
      'lead_created', 'qualified', 'opportunity_created', 'quote_sent', 'order_created', 'delivered', 'invoiced', 'paid']);
    // Every month from the first cohort to the last, the empty February and May included.
    expect(result.cohorts.map((c) => [c.cohort, c.start, c.end])).toEqual([
      ['2025-01', '2025-01-01', '2025-01-31'], ['2025-02', '2025-02-01', '2025-02-28'], ['2025-03', '2025-03-01', '2025-03-31'],
      ['2025-04', '2025-04-01', '2025-04-30'], ['2025-05', '2025-05-01', '2025-05-31'], ['2025-06', '2025-06-01', '2025-06-30'],
    ]);
    const [jan, feb, mar, apr, , jun] = result.cohorts;
    // January: L1 reached invoiced within 30 days but was paid on day 36; L2 reached nothing.
    expect(heads(jan)).toEqual([2, 2, 0, true]);
    expect(counts(jan)).toEqual([2, 1, 1, 1, 1, 1, 1, 0]);
    expect(jan.stages.map((s) => s.step_conversion)).toEqual([1, 0.5, 1, 1, 1, 1, 1, 0]);
    expect(jan.stages.map((s) => s.cumulative_conversion)).toEqual([1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0]);
    expect(heads(feb)).toEqual([0, 0, 0, true]);
    expect(feb.stages.map((s) => [s.count, s.step_conversion, s.cumulative_conversion])).toEqual(
      Array(8).fill([0, null, null]));
    // March: L3 has no qualification, opportunity or quote, but its order (10 days) counts for them
    // ("or a later one"); its first order SO3 is unpaid, so the paid SO3B does not make it paid.
    expect(counts(mar)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(counts(apr)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    // June: L5 is 11 days old at as_of — censored, out of every count and rate; its running view
    // shows the order (and so every earlier stage) and the delivery reached so far.
    expect(heads(jun)).toEqual([1, 0, 1, false]);
    expect(counts(jun)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(jun.stages.every((s) => s.cumulative_conversion === null)).toBe(true);
    expect(toDate(jun)).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    // The whole view: 4 observable leads (L1–L4), L5 censored.
    expect(heads(result.total)).toEqual([5, 4, 1, false]);
    expect(counts(result.total)).toEqual([4, 3, 2, 2, 2, 2, 2, 0]);
    expect(result.total.stages.map((s) => s.cumulative_conversion)).toEqual([1, 0.75, 0.5, 0.5, 0.5, 0.5, 0.5, 0]);
    expect(result.total.stages.map((s) => s.step_conversion)).toEqual([1, 0.75, 2 / 3, 1, 1, 1, 1, 0]);
    expect(toDate(result.total)).toEqual([5, 4, 3, 3, 3, 3, 2, 0]);
  });

  it('does not count a milestone reached after the window, and counts one on its last moment', async () => {
    ({ db } = await workspace(bundle));
    // W = 40: L1 was paid on day 36 → paid; L2's opportunity came on day 40 exactly (03-01 00:00 =
    // 01-20 00:00 + 40 days) → qualified and opportunity, but its order on day 44 still does not count.
    // as_of − 40 days = 2025-05-22: L5 stays censored.
    const wide = await funnelCohorts(db, { ...AS_OF, windowDays: 40 });
    expect(counts(wide.cohorts[0])).toEqual([2, 2, 2, 1, 1, 1, 1, 1]);
    expect(heads(wide.total)).toEqual([5, 4, 1, false]);
    // W = 29: L1's day-15 order still counts; nothing changes in January but paid stays 0.
    const narrow = await funnelCohorts(db, { ...AS_OF, windowDays: 29 });
    expect(counts(narrow.cohorts[0])).toEqual([2, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('puts a lead created on the last day of a quarter into that quarter, whatever comes after', async () => {
    ({ db } = await workspace(bundle));
    const result = await funnelCohorts(db, { ...AS_OF, by: 'quarter' });
    expect(result.cohorts.map((c) => [c.cohort, c.start, c.end])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31'], ['2025-Q2', '2025-04-01', '2025-06-30']]);
    const [q1, q2] = result.cohorts;
    // Q1: L1, L2 and L3 (created 03-31, its order on 04-10 in Q2 still counts for Q1).
    expect(heads(q1)).toEqual([3, 3, 0, true]);
    expect(counts(q1)).toEqual([3, 2, 2, 2, 2, 2, 2, 0]);
    // Q2: L4 (created 04-01) and the censored L5.
    expect(heads(q2)).toEqual([2, 1, 1, false]);
    expect(counts(q2)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(toDate(q2)).toEqual([2, 2, 1, 1, 1, 1, 0, 0]);
    expect(result.total).toEqual((await funnelCohorts(db, AS_OF)).total);
  });

  it('splits by a segment into funnels that add up to the whole', async () => {
    ({ db } = await workspace(bundle));
    const whole = await funnelCohorts(db, { ...AS_OF, by: 'quarter' });
    const bySource = await funnelCohorts(db, { ...AS_OF, by: 'quarter', bySegment: 'source' });
    expect(bySource.by_segment).toBe('source');
    expect(bySource.total).toEqual(whole.total);
    expect(bySource.cohorts).toEqual(whole.cohorts);
    const [web, fair] = bySource.segments!;
    // Web: L1, L3 observable, L5 censored. Fair: L2 and L4 (only L4 qualified).
    expect(web.value).toBe('Web');
    expect(heads(web.total)).toEqual([3, 2, 1, false]);
    expect(counts(web.total)).toEqual([2, 2, 2, 2, 2, 2, 2, 0]);
    expect(fair.value).toBe('Fair');
    expect(heads(fair.total)).toEqual([2, 2, 0, true]);
    expect(counts(fair.total)).toEqual([2, 1, 0, 0, 0, 0, 0, 0]);
    expect(web.cohorts.map((c) => c.cohort)).toEqual(['2025-Q1', '2025-Q2']);
    expect(counts(fair.cohorts[0])).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(sumOfSegments(bySource)).toEqual(whole.cohorts.map((c) => [c.leads, c.observable, ...counts(c), ...toDate(c)]));

    // An extra column of the data: Direct (L2, L5) and Partner (L1, L3) have two leads each, so
    // they come by name; L4 has no Channel and comes last.
    const byChannel = await funnelCohorts(db, { ...AS_OF, bySegment: 'Channel' });
    expect(byChannel.segments!.map((s) => [s.value, ...heads(s.total)])).toEqual([
      ['Direct', 2, 1, 1, false], ['Partner', 2, 2, 0, true], [null, 1, 1, 0, true]]);
    expect(counts(byChannel.segments![1].total)).toEqual([2, 2, 2, 2, 2, 2, 2, 0]);
    expect(sumOfSegments(byChannel)).toEqual(
      (await funnelCohorts(db, AS_OF)).cohorts.map((c) => [c.leads, c.observable, ...counts(c), ...toDate(c)]));
  });

  it('honours the period and the global filters', async () => {
    ({ db } = await workspace(bundle));
    const web = await funnelCohorts(db, { ...AS_OF, by: 'quarter', segments: { source: 'Web' } });
    expect(web.cohorts.map((c) => [c.cohort, ...heads(c)])).toEqual([['2025-Q1', 2, 2, 0, true], ['2025-Q2', 1, 0, 1, false]]);
    const partner = await funnelCohorts(db, { ...AS_OF, segments: { attributes: { Channel: 'Partner' } } });
    expect(partner.cohorts.map((c) => c.cohort)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(counts(partner.total)).toEqual([2, 2, 2, 2, 2, 2, 2, 0]);
    const spring = await funnelCohorts(db, { ...AS_OF, from: '2025-03-01', to: '2025-04-30' });
    expect(spring.cohorts.map((c) => [c.cohort, c.leads])).toEqual([['2025-03', 1], ['2025-04', 1]]);
    const none = await funnelCohorts(db, { ...AS_OF, segments: { owner: "Ann' OR '1'='1" } });
    expect(none.cohorts).toEqual([]);
    expect(heads(none.total)).toEqual([0, 0, 0, true]);
  });

  it('equals lead_conversion_rate at the order stage for the same period, W and as_of', async () => {
    ({ db } = await workspace(bundle));
    // L1 ordered on day 15, L3 on day 10, L2 on day 44, L4 never: 2 of the 4 observable leads.
    const order = (await funnelCohorts(db, AS_OF)).total.stages.find((s) => s.id === 'order_created')!;
    const rate = (await kpis(db, AS_OF)).kpis.find((k) => k.id === 'lead_conversion_rate')!;
    expect([order.count, order.cumulative_conversion]).toEqual([2, 0.5]);
    expect([rate.count, rate.n, rate.value, rate.censored]).toEqual([2, 4, 0.5, 1]);
  });

  it('counts a delivery, invoice or payment dated before its order from the order’s creation', async () => {
    // L1's only order SO1 was created on day 59, but its invoice is dated day 9 and paid on day 14.
    // Within 30 days L1 reached no order, so neither invoiced nor paid; within 90 days all three.
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-03-01,L1,100\n',
      'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-10,100\n',
      'payments.csv': 'payment_id,paid_at,amount,invoice_id\nP1,2025-01-15,100,I1\n',
    }));
    const within30 = await funnelCohorts(db, { asOf: '2025-06-01', windowDays: 30 });
    expect(within30.stages.map((s) => s.id)).toEqual(['lead_created', 'order_created', 'invoiced', 'paid']);
    expect(counts(within30.total)).toEqual([1, 0, 0, 0]);
    expect((await kpis(db, { asOf: '2025-06-01', windowDays: 30 })).kpis[0]).toMatchObject({ n: 1, count: 0 });
    expect(counts((await funnelCohorts(db, { asOf: '2025-06-01', windowDays: 90 })).total)).toEqual([1, 1, 1, 1]);
  });

  it('is empty without leads and refuses an unknown grain or segment', async () => {
    ({ db } = await workspace({ 'orders.csv': 'order_id,created_at,amount\nSO1,2025-01-01,10\n' }));
    const empty = await funnelCohorts(db);
    expect([empty.stages, empty.cohorts, empty.segments]).toEqual([[], [], null]);
    db.close();
    ({ db } = await workspace(bundle));
    await expect(funnelCohorts(db, { by: 'week' as 'month' })).rejects.toThrow(/--by must be month or quarter/);
    await expect(funnelCohorts(db, { bySegment: 'Colour' })).rejects.toThrow(/--by-segment must be one of "source", "owner", "region", "segment", "Channel"/);
  });
});

/** Per cohort, the segments' leads, observable leads, counts and running counts added up. */
function sumOfSegments(result: FunnelCohorts): number[][] {
  return result.cohorts.map((_, i) => {
    const rows = result.segments!.map((s) => { const c = s.cohorts[i]; return [c.leads, c.observable, ...counts(c), ...toDate(c)]; });
    return rows.reduce((a, b) => a.map((x, j) => x + b[j]));
  });
}

describe('on the sample bundle (2,000 leads)', () => {
  let sample: Database;
  beforeAll(async () => {
    sample = await openWorkspace(':memory:');
    const dir = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    await importAndRebuild(sample, files.map((f) => ({ path: join(dir, f), name: f })));
  }, 60_000);
  afterAll(() => sample.close());

  const orderStage = (f: WindowedFunnel) => f.stages.find((s) => s.id === 'order_created')!;

  it.each([
    { label: 'default window, whole range', options: {} },
    { label: 'W = 30, from the cut-over', options: { windowDays: 30, from: '2025-01-01' } },
    { label: 'W = 60, 2024, as of mid 2025, Website leads', options: { windowDays: 60, to: '2024-12-31', asOf: '2025-06-30', segments: { source: 'Website' } } },
  ])('the order stage of observable leads is lead_conversion_rate ($label)', async ({ options }) => {
    const rate = (await kpis(sample, options)).kpis.find((k) => k.id === 'lead_conversion_rate')!;
    for (const by of ['month', 'quarter'] as const) {
      const result = await funnelCohorts(sample, { ...options, by });
      expect(orderStage(result.total).cumulative_conversion).toBe(rate.value);
      expect([orderStage(result.total).count, result.total.observable, result.total.censored]).toEqual([rate.count, rate.n, rate.censored]);
    }
  });

  it('and each quarterly cohort’s order stage is lead_conversion_rate over that quarter', async () => {
    const result = await funnelCohorts(sample, { by: 'quarter' });
    expect(result.cohorts).toHaveLength(8);
    for (const cohort of result.cohorts) {
      const rate = (await kpis(sample, { from: cohort.start, to: cohort.end })).kpis[0];
      expect([cohort.cohort, orderStage(cohort).count, cohort.observable, orderStage(cohort).cumulative_conversion])
        .toEqual([cohort.cohort, rate.count, rate.n, rate.value]);
    }
  });
});
