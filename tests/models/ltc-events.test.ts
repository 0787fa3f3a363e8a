/**
 * The LTC event log derived from the canonical tables and its conformance checks, on a small
 * hand-built workspace whose every event, skip, rework and late payment is worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { conformance, type ConformanceCheck } from '../../models/conformance.ts';
import { chooseEventLog, eventLogs } from '../../models/event-log.ts';
import { processCases } from '../../models/process-cases.ts';
import { processMap } from '../../models/process-map.ts';
import { variants } from '../../models/variants.ts';
import { workspace } from '../helpers/workspace.ts';

// L1 runs the reference order cleanly; L2 is disqualified; L3 is quoted twice, invoiced before its
// first delivery, delivered in two parts and paid in two instalments, the last after due; the order
// S9 has no lead (its own case) and was paid the day before its invoice was issued.
const BUNDLE = {
  'leads.csv': `
lead_id,created_at,qualified_at,disqualified_at,opportunity_id,owner
L1,2025-01-01 09:00:00,2025-01-02 09:00:00,,O1,Ann
L2,2025-01-05 09:00:00,,2025-01-06 09:00:00,,Bob
L3,2025-02-01 09:00:00,2025-02-02 09:00:00,,O3,Ann
`,
  'opportunities.csv': `
opportunity_id,created_at,lead_id,is_closed,is_won,closed_at,owner
O1,2025-01-03 09:00:00,L1,true,true,2025-01-10 09:00:00,Ann
O3,2025-02-03 09:00:00,L3,true,true,2025-02-05 09:00:00,Ann
`,
  'quotes.csv': `
quote_id,opportunity_id,created_at,sent_at,accepted_at
Q1,O1,2025-01-04 09:00:00,2025-01-04 10:00:00,2025-01-09 09:00:00
Q3a,O3,2025-02-03 10:00:00,2025-02-03 11:00:00,
Q3b,O3,2025-02-04 10:00:00,2025-02-04 11:00:00,2025-02-04 12:00:00
`,
  'orders.csv': `
order_id,created_at,opportunity_id,confirmed_at,amount
S1,2025-01-11 09:00:00,O1,2025-01-11 10:00:00,100
S3,2025-02-06 09:00:00,O3,,200
S9,2025-03-01 09:00:00,,,50
`,
  'deliveries.csv': `
delivery_id,order_id,delivered_at
D1,S1,2025-01-13 09:00:00
D3a,S3,2025-02-10 09:00:00
D3b,S3,2025-02-12 09:00:00
`,
  'invoices.csv': `
invoice_id,order_id,issued_at,due_at,amount
I1,S1,2025-01-14 09:00:00,2025-01-28,100
I3,S3,2025-02-08 09:00:00,2025-02-20,200
I9,S9,2025-03-02 09:00:00,2025-03-10,50
`,
  'payments.csv': `
payment_id,paid_at,amount,invoice_id
P1,2025-01-20 09:00:00,100,I1
P3a,2025-02-15 09:00:00,120,I3
P3b,2025-02-25 09:00:00,80,I3
P9,2025-03-01 12:00:00,50,I9
`,
};

const SEQUENCES: Record<string, string[]> = {
  L1: ['Lead created', 'Lead qualified', 'Opportunity created', 'Quote sent', 'Quote accepted', 'Opportunity won',
    'Order created', 'Order confirmed', 'Delivered', 'Invoice issued', 'Payment received', 'Fully paid'],
  L2: ['Lead created', 'Lead disqualified'],
  L3: ['Lead created', 'Lead qualified', 'Opportunity created', 'Quote sent', 'Quote sent', 'Quote accepted',
    'Opportunity won', 'Order created', 'Invoice issued', 'Delivered', 'Delivered', 'Payment received',
    'Payment received', 'Fully paid'],
  // P9 pays I9 in full at 03-01 12:00, before I9 is issued: Fully paid comes before Invoice issued;
  // Payment received and Fully paid share a timestamp and keep the reference order.
  'order:S9': ['Order created', 'Payment received', 'Fully paid', 'Invoice issued'],
};

let db: Database;
beforeAll(async () => {
  ({ db } = await workspace(BUNDLE));
});
afterAll(() => db?.close());

const check = (checks: ConformanceCheck[], id: string) => checks.find((c) => c.id === id)!;

describe('the LTC event log', () => {
  it('is the default log when no event log was imported', async () => {
    expect(await chooseEventLog(db)).toBe('ltc');
    expect(await eventLogs(db)).toEqual([{ log: 'ltc', cases: 4, events: 32 }]);
  });

  it('names every step once and orders a case by time, ties by the reference order', async () => {
    const rows = await db.query<{ case_id: string; activities: string[] }>(
      'SELECT case_id, list(activity ORDER BY event_index) AS activities FROM model.ltc_events GROUP BY case_id ORDER BY case_id');
    expect(Object.fromEntries(rows.map((r) => [r.case_id, r.activities]))).toEqual(SEQUENCES);
  });

  it('carries the object each event happened to', async () => {
    const objects = await db.query<{ activity: string; object_type: string; object_id: string; resource: string | null }>(
      `SELECT activity, object_type, object_id, resource FROM model.ltc_events WHERE case_id = 'L3' ORDER BY event_index`);
    expect(objects.map((o) => `${o.object_type}:${o.object_id}`)).toEqual([
      'lead:L3', 'lead:L3', 'opportunity:O3', 'quote:Q3a', 'quote:Q3b', 'quote:Q3b', 'opportunity:O3', 'order:S3',
      'invoice:I3', 'delivery:D3a', 'delivery:D3b', 'payment:P3a', 'payment:P3b', 'invoice:I3']);
    expect(objects[0].resource).toBe('Ann');
  });

  it('gives the process map and the variants of those sequences', async () => {
    const map = await processMap(db);
    expect(map.log).toBe('ltc');
    expect([map.cases, map.events]).toEqual([4, 32]);
    // Edges counted from SEQUENCES by hand: Quote sent → Quote sent once (L3), Delivered → Delivered once.
    const edge = (from: string, to: string) => map.edges.find((e) => e.from === from && e.to === to)?.count ?? 0;
    expect(edge('Lead created', 'Lead qualified')).toBe(2);
    expect(edge('Quote sent', 'Quote sent')).toBe(1);
    expect(edge('Invoice issued', 'Delivered')).toBe(1);
    expect(edge('Delivered', 'Invoice issued')).toBe(1);
    expect(edge('Fully paid', 'Invoice issued')).toBe(1);
    expect(map.start).toEqual([{ activity: 'Lead created', count: 3 }, { activity: 'Order created', count: 1 }]);
    const result = await variants(db);
    expect(result.variants.map((v) => v.activities).sort()).toEqual(Object.values(SEQUENCES).sort());
    // L1: 2025-01-01 09:00 → 2025-01-20 09:00 = 19 days.
    expect(result.variants.find((v) => v.activities[11] === 'Fully paid' && v.activities.length === 12)?.median_seconds).toBe(19 * 86400);
  });

  it('keeps LTC cases by their segments and by their first event', async () => {
    const ann = await processMap(db, { segments: { owner: 'Ann' } });
    expect(ann.cases).toBe(2);
    const february = await variants(db, { from: '2025-02-01', to: '2025-02-28' });
    expect(february.variants.map((v) => v.activities)).toEqual([SEQUENCES.L3]);
  });
});

describe('the cases behind the map', () => {
  it('lists the cases of an activity, an edge and a variant, slowest first, with their total', async () => {
    const delivered = await processCases(db, { activity: 'Delivered' });
    // L3 (Feb 1 → Feb 25) is slower than L1 (Jan 1 → Jan 20).
    expect([delivered.total, delivered.cases.map((c) => c.case_id)]).toEqual([2, ['L3', 'L1']]);
    expect(delivered.cases[1]).toMatchObject({ events: 12, started_at: '2025-01-01T09:00:00', ended_at: '2025-01-20T09:00:00', duration_seconds: 19 * 86400 });
    const requoted = await processCases(db, { from_activity: 'Quote sent', to_activity: 'Quote sent' });
    // Q3a sent Feb 3 11:00, Q3b Feb 4 11:00: one day between them.
    expect(requoted.cases.map((c) => [c.case_id, c.edge_seconds])).toEqual([['L3', 86400]]);
    const disqualified = await processCases(db, { variant: SEQUENCES.L2 });
    expect([disqualified.total, disqualified.cases.map((c) => c.case_id)]).toEqual([1, ['L2']]);
    const limited = await processCases(db, { activity: 'Lead created' }, { limit: 1 });
    expect([limited.total, limited.cases.length]).toEqual([3, 1]);
  });
});

describe('conformance to the reference order', () => {
  it('counts out-of-order steps, skipped steps, rework and late payment', async () => {
    const result = await conformance(db);
    expect(result.as_of).toBe('2025-03-02T09:00:00');
    expect(check(result.checks, 'out_of_order')).toMatchObject({
      unit: 'case', count: 2, n: 3, rate: 2 / 3, details: { invoice_before_delivery: 1, payment_before_invoice: 1 },
    });
    // Only S9 skipped steps: it has no lead, qualification, opportunity, quote or delivery. L2 ended
    // disqualified — an outcome, not a skip.
    expect(check(result.checks, 'skipped_steps')).toMatchObject({
      count: 1, n: 4,
      details: { 'Lead created': 1, 'Lead qualified': 1, 'Opportunity created': 1, 'Quote sent': 1, Delivered: 1 },
    });
    expect(check(result.checks, 'rework')).toMatchObject({
      count: 1, n: 3, details: { repeated_quotes: 1, partial_deliveries: 1, instalment_payments: 1 },
    });
    // I3 is fully paid on 02-25, after its due date 02-20; I1 and I9 are paid before theirs.
    expect(check(result.checks, 'late_payment')).toMatchObject({ unit: 'invoice', count: 1, n: 3, censored: 0 });
  });

  it('gives the rates per month of the case start (late payment: of the invoice)', async () => {
    const { periods } = await conformance(db);
    expect(periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03']);
    const rates = (id: string) => periods.map((p) => {
      const c = check(p.checks, id);
      return `${c.count}/${c.n}`;
    });
    expect(rates('out_of_order')).toEqual(['0/1', '1/1', '1/1']);
    expect(rates('skipped_steps')).toEqual(['0/2', '0/1', '1/1']);
    expect(rates('late_payment')).toEqual(['0/1', '1/1', '0/1']);
    expect((await conformance(db, { by: 'quarter' })).periods.map((p) => p.period)).toEqual(['2025-Q1']);
  });

  it('gives a date range the months of the whole log that fall in it', async () => {
    const all = await conformance(db);
    const february = await conformance(db, { from: '2025-02-01', to: '2025-02-28' });
    expect(february.periods).toEqual(all.periods.filter((p) => p.period === '2025-02'));
    expect(february.checks).toEqual(all.periods.find((p) => p.period === '2025-02')!.checks);
  });

  it('censors an unpaid invoice not yet due and counts an overdue one as late', async () => {
    const early = await conformance(db, { asOf: '2025-02-18' });
    // At 02-18 I3 is unpaid (120 of 200) and not due (02-20): open; I1 is paid on time; I9 not issued yet.
    expect(check(early.checks, 'late_payment')).toMatchObject({ count: 0, n: 1, censored: 1 });
    const overdue = await conformance(db, { asOf: '2025-02-22' });
    expect(check(overdue.checks, 'late_payment')).toMatchObject({ count: 1, n: 2, censored: 0 });
  });

  it('refuses an unknown period', async () => {
    await expect(conformance(db, { by: 'week' })).rejects.toThrow(/month or quarter/);
  });
});
