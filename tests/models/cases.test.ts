import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseTimeline } from '../../models/case-timeline.ts';
import { casesArrow, caseListOptions, listCases } from '../../models/cases.ts';
import type { Database } from '../../models/db/database.ts';
import { days, workspace } from '../helpers/workspace.ts';

let db: Database;
beforeAll(async () => {
  ({ db } = await workspace(bundle));
});
afterAll(() => db.close());

/**
 * - L1: two orders. SO1 (first) drives the milestones: delivered in two parts (last 01-14),
 *   invoiced 01-14 (I1, 60) and 01-15 (I2, 40); I1 paid directly 01-20, I2 by P2 which names
 *   only the order (FIFO: I1 is full, so its 40 go to I2) → paid 01-31. SO2 comes later and is
 *   paid 02-10: it shows in the timeline but moves no milestone.
 * - L2: names O2 (which names no lead: an inferred link); O2 closed lost 01-20, no order → lost.
 * - L3: disqualified 01-05 without opportunity → lost. L4: nothing since 01-04 → open.
 * - SO3: an order without opportunity or lead: its own case "order:SO3" (origin order), invoiced
 *   80 and paid 30 → open.
 * - O3: an opportunity without lead, still open: its own case "opportunity:O3", ordered (SO4) on
 *   01-08, nothing since → open.
 * data_end = 02-10 (P3). Planned dates (due_at) are not events.
 */
const bundle = {
  'accounts.csv': 'account_id,name,region\nA1,Acme Tools,East\nA2,Bolt Ltd,West\n',
  'leads.csv': `
lead_id,created_at,source,owner,account_id,disqualified_at,opportunity_id
L1,2025-01-01,Web,Ann,A1,,
L2,2025-01-02,Fair,Bob,,,O2
L3,2025-01-03,Web,Bob,,2025-01-05,
L4,2025-01-04,Web,Ann,,,
`,
  'opportunities.csv': `
opportunity_id,created_at,lead_id,is_closed,is_won,closed_at,amount
O1,2025-01-02,L1,true,true,2025-01-09,150
O2,2025-01-03,,true,false,2025-01-20,50
O3,2025-01-06,,false,,2025-03-01,20
`,
  'quotes.csv': 'quote_id,opportunity_id,created_at,sent_at\nQ1,O1,2025-01-04,2025-01-05\n',
  'orders.csv': `
order_id,created_at,opportunity_id,lead_id,account_id,amount
SO1,2025-01-10,O1,,A1,100
SO2,2025-01-20,O1,,A1,50
SO3,2025-01-15,,,A2,80
SO4,2025-01-08,O3,,,20
`,
  'deliveries.csv': `
delivery_id,order_id,shipped_at,delivered_at
D1,SO1,2025-01-11,2025-01-12
D2,SO1,,2025-01-14
D3,SO2,,2025-01-22
D4,SO3,,2025-01-16
`,
  'invoices.csv': `
invoice_id,order_id,issued_at,due_at,amount
I1,SO1,2025-01-14,2025-02-13,60
I2,SO1,2025-01-15,2025-02-14,40
I3,SO2,2025-01-23,2025-02-22,50
I4,SO3,2025-01-17,2025-02-16,80
`,
  'payments.csv': `
payment_id,paid_at,amount,invoice_id,order_id
P1,2025-01-20,60,I1,
P2,2025-01-31,40,,SO1
P3,2025-02-10,50,I3,
P4,2025-01-25,30,,SO3
`,
};

describe('cases list', () => {
  it('has one row per case, slowest first: paid by lead-to-cash days, open by age, lost by days to loss', async () => {
    const list = await listCases(db);
    // L4 open 01-04 → 02-10 = 37 d; opportunity:O3 open 01-06 → 02-10 = 35 d; L1 paid 01-01 → 01-31
    // = 30 d; order:SO3 open 01-15 → 02-10 = 26 d; L2 lost 01-02 → 01-20 = 18 d; L3 lost 01-03 → 01-05 = 2 d.
    expect(list).toMatchObject({ data_end: '2025-02-10T00:00:00', as_of: '2025-02-10T00:00:00', total: 6, offset: 0, limit: 50, sort: 'slowest' });
    expect(list.cases.map((c) => [c.case_id, c.origin, c.status, c.days])).toEqual([
      ['L4', 'lead', 'open', 37], ['opportunity:O3', 'opportunity', 'open', 35], ['L1', 'lead', 'paid', 30],
      ['order:SO3', 'order', 'open', 26], ['L2', 'lead', 'lost', 18], ['L3', 'lead', 'lost', 2]]);
  });

  it('describes each case: ids, segments, milestones reached, current milestone and durations', async () => {
    const byId = Object.fromEntries((await listCases(db)).cases.map((c) => [c.case_id, c]));
    expect(byId.L1).toEqual({
      case_id: 'L1', origin: 'lead', lead_id: 'L1', account_id: 'A1', account_name: 'Acme Tools', source: 'Web', owner: 'Ann',
      region: 'East', segment: null, order_ids: ['SO1', 'SO2'], first_order_id: 'SO1', orders: 2, start_at: '2025-01-01T00:00:00',
      milestones_reached: ['lead_created', 'opportunity_created', 'quote_sent', 'order_created', 'delivered', 'invoiced', 'paid'],
      current_milestone: 'paid', current_milestone_at: '2025-01-31T00:00:00', status: 'paid', open: false,
      paid_at: '2025-01-31T00:00:00', lost_at: null, lead_to_cash_days: 30, cycle_days: 30, age_days: null, waiting_days: null, days: 30,
    });
    // The order-only case: no lead, so no lead-to-cash days; invoiced on 01-17 and waiting since.
    expect(byId['order:SO3']).toMatchObject({
      origin: 'order', lead_id: null, account_id: 'A2', account_name: 'Bolt Ltd', region: 'West', order_ids: ['SO3'],
      milestones_reached: ['order_created', 'delivered', 'invoiced'], current_milestone: 'invoiced',
      current_milestone_at: '2025-01-17T00:00:00', status: 'open', open: true, lead_to_cash_days: null, cycle_days: null,
      age_days: 26, waiting_days: 24,
    });
    expect(byId.L2).toMatchObject({ status: 'lost', lost_at: '2025-01-20T00:00:00', current_milestone: 'opportunity_created', order_ids: [] });
    expect(byId.L3).toMatchObject({ status: 'lost', lost_at: '2025-01-05T00:00:00', current_milestone: 'lead_created' });
    expect(byId.L4).toMatchObject({ status: 'open', age_days: 37, waiting_days: 37, milestones_reached: ['lead_created'] });
  });

  it('sorts newest first, or by time waiting at the current milestone', async () => {
    expect((await listCases(db, { sort: 'newest' })).cases.map((c) => c.case_id)).toEqual(
      ['order:SO3', 'opportunity:O3', 'L4', 'L3', 'L2', 'L1']);
    // Open cases by waiting days (L4 37, O3 33 since its order, SO3 24), then the others slowest first.
    expect((await listCases(db, { sort: 'waiting' })).cases.map((c) => c.case_id)).toEqual(
      ['L4', 'opportunity:O3', 'order:SO3', 'L1', 'L2', 'L3']);
  });

  it('pages with a total', async () => {
    const page = await listCases(db, { limit: 2, offset: 1 });
    expect(page.total).toBe(6);
    expect(page.cases.map((c) => c.case_id)).toEqual(['opportunity:O3', 'L1']);
    expect((await listCases(db, { limit: 2, offset: 10 })).cases).toEqual([]);
  });

  it('searches case, lead, order and account ids and account names, as text, in any case', async () => {
    const ids = async (search: string) => (await listCases(db, { search })).cases.map((c) => c.case_id).sort();
    expect(await ids('so2')).toEqual(['L1']); // a later order of L1
    expect(await ids('ACME')).toEqual(['L1']);
    expect(await ids('bolt')).toEqual(['order:SO3']);
    expect(await ids('SO3')).toEqual(['order:SO3']);
    expect(await ids('a2')).toEqual(['order:SO3']);
    expect(await ids('l3')).toEqual(['L3']);
    // Wildcards are plain characters.
    expect(await ids('%')).toEqual([]);
    expect(await ids('_')).toEqual([]);
    expect(await ids("' OR 1=1 --")).toEqual([]);
    expect((await listCases(db, { search: 'so' })).total).toBe(3);
  });

  it('filters by status, current milestone, period of the start and segments', async () => {
    const ids = async (options: Parameters<typeof listCases>[1]) => (await listCases(db, options)).cases.map((c) => c.case_id);
    expect(await ids({ status: 'open' })).toEqual(['L4', 'opportunity:O3', 'order:SO3']);
    expect(await ids({ status: 'lost' })).toEqual(['L2', 'L3']);
    expect(await ids({ milestone: 'invoiced' })).toEqual(['order:SO3']);
    expect(await ids({ from: '2025-01-03', to: '2025-01-10' })).toEqual(['L4', 'opportunity:O3', 'L3']);
    expect(await ids({ segments: { source: 'Web' } })).toEqual(['L4', 'L1', 'L3']);
    expect(await ids({ segments: { region: 'West' } })).toEqual(['order:SO3']);
  });

  it('judges the cases as of an earlier moment', async () => {
    // As of the end of 01-25: L1 is invoiced but not yet paid (01-31); L2 was lost on 01-20.
    const list = await listCases(db, { asOf: '2025-01-25' });
    const byId = Object.fromEntries(list.cases.map((c) => [c.case_id, c]));
    expect(list.as_of).toBe('2025-01-25T23:59:59');
    expect(byId.L1).toMatchObject({ status: 'open', current_milestone: 'invoiced', paid_at: null, cycle_days: null });
    expect(byId.L1.age_days).toBeCloseTo(25, 6);
    expect(byId.L1.waiting_days).toBeCloseTo(days('2025-01-14T00:00:00', '2025-01-25T23:59:59.999'), 6);
    expect(byId.L2.status).toBe('lost');
    expect(byId['order:SO3'].age_days).toBeCloseTo(11, 6);
    // A case that starts after as_of is not there yet.
    expect((await listCases(db, { asOf: '2025-01-03' })).cases.map((c) => c.case_id).sort()).toEqual(['L1', 'L2', 'L3']);
  });

  it('refuses bad options in words', async () => {
    await expect(listCases(db, { limit: 5000 })).rejects.toThrow(/limit must be a whole number from 0 to 1000/);
    expect(() => caseListOptions({ sort: 'fastest' })).toThrow(/sort must be one of slowest, newest, waiting/);
    expect(() => caseListOptions({ milestone: 'done' })).toThrow(/milestone must be one of lead_created/);
    expect(() => caseListOptions({ offset: '-1' })).toThrow(/offset must be a whole number/);
    expect(caseListOptions({ limit: '20', status: 'paid', search: '' })).toEqual({
      search: undefined, sort: undefined, limit: 20, offset: undefined, status: 'paid', milestone: undefined });
  });

  it('comes as Arrow with typed columns, the same on every page', async () => {
    const table = tableFromIPC(tableToIPC(await casesArrow(db, { limit: 2, offset: 4 })));
    expect(table.schema.metadata.get('total')).toBe('6');
    const rows = table.toArray().map((r) => r.toJSON());
    expect(rows.map((r) => [r.case_id, r.status, r.days, r.order_ids, r.open])).toEqual([['L2', 'lost', 18, '', false], ['L3', 'lost', 2, '', false]]);
    // paid_at is null on this page, and still a timestamp column.
    const type = (name: string) => String(table.schema.fields.find((f) => f.name === name)!.type);
    expect(type('paid_at')).toMatch(/^Timestamp/);
    expect(type('account_name')).toMatch(/Utf8/);
    expect(type('lead_to_cash_days')).toBe('Float64');
    expect(rows[0].lost_at).toBe(Date.UTC(2025, 0, 20));
  });
});

describe('case timeline', () => {
  it('lists the milestones and every record, the first order driving the milestones', async () => {
    const t = (await caseTimeline(db, 'L1'))!;
    expect(t.case).toMatchObject({ case_id: 'L1', status: 'paid', days: 30 });
    expect(t.milestones.map((m) => [m.id, m.at])).toEqual([
      ['lead_created', '2025-01-01T00:00:00'], ['qualified', null], ['opportunity_created', '2025-01-02T00:00:00'],
      ['quote_sent', '2025-01-05T00:00:00'], ['order_created', '2025-01-10T00:00:00'], ['delivered', '2025-01-14T00:00:00'],
      ['invoiced', '2025-01-14T00:00:00'], ['paid', '2025-01-31T00:00:00']]);
    expect(t.objects.map((o) => [o.lane, o.link, o.parent_id, o.start_at, o.end_at, o.open])).toEqual([
      ['lead L1', 'origin', null, '2025-01-01T00:00:00', null, false],
      ['opportunity O1', 'opportunities.lead_id', 'L1', '2025-01-02T00:00:00', '2025-01-09T00:00:00', false],
      ['quote Q1', 'quotes.opportunity_id', 'O1', '2025-01-04T00:00:00', null, false],
      ['order SO1', 'orders.opportunity_id', 'O1', '2025-01-10T00:00:00', '2025-01-14T00:00:00', false],
      ['order SO2', 'orders.opportunity_id', 'O1', '2025-01-20T00:00:00', '2025-01-22T00:00:00', false],
      ['delivery D1', 'deliveries.order_id', 'SO1', '2025-01-11T00:00:00', '2025-01-12T00:00:00', false],
      ['delivery D2', 'deliveries.order_id', 'SO1', '2025-01-14T00:00:00', null, false],
      ['delivery D3', 'deliveries.order_id', 'SO2', '2025-01-22T00:00:00', null, false],
      ['invoice I1', 'invoices.order_id', 'SO1', '2025-01-14T00:00:00', '2025-01-20T00:00:00', false],
      ['invoice I2', 'invoices.order_id', 'SO1', '2025-01-15T00:00:00', '2025-01-31T00:00:00', false],
      ['invoice I3', 'invoices.order_id', 'SO2', '2025-01-23T00:00:00', '2025-02-10T00:00:00', false],
      ['payment P1', 'payments.invoice_id', 'I1', '2025-01-20T00:00:00', null, false],
      ['payment P2', 'payments.order_id', 'SO1', '2025-01-31T00:00:00', null, false],
      ['payment P3', 'payments.invoice_id', 'I3', '2025-02-10T00:00:00', null, false]]);
    const so1 = t.objects.find((o) => o.id === 'SO1')!;
    expect(so1).toMatchObject({ type: 'order', amount: 100, details: { first: true } });
    expect(t.objects.find((o) => o.id === 'SO2')!.details.first).toBe(false);
    // P2 named only the order: its 40 went to I2, the open invoice.
    expect(t.objects.find((o) => o.id === 'P2')!.details.applied).toEqual([{ invoice_id: 'I2', amount: 40, applied_by: 'order_fifo' }]);
    expect(t.objects.find((o) => o.id === 'I1')!.details.due_at).toBe('2025-02-13T00:00:00');
  });

  it('orders the events by time', async () => {
    const t = (await caseTimeline(db, 'L1'))!;
    expect(t.events.map((e) => `${e.at.slice(5, 10)} ${e.lane} ${e.activity}`)).toEqual([
      '01-01 lead L1 created',
      '01-02 opportunity O1 created',
      '01-04 quote Q1 created',
      '01-05 quote Q1 sent',
      '01-09 opportunity O1 closed_won',
      '01-10 order SO1 created',
      '01-11 delivery D1 shipped',
      '01-12 delivery D1 delivered',
      '01-14 delivery D2 delivered',
      '01-14 invoice I1 issued',
      '01-15 invoice I2 issued',
      '01-20 order SO2 created',
      '01-20 payment P1 paid',
      '01-22 delivery D3 delivered',
      '01-23 invoice I3 issued',
      '01-31 payment P2 paid',
      '02-10 payment P3 paid']);
    expect(t.events.find((e) => e.id === 'P2')).toMatchObject({ type: 'payment', amount: 40, link: 'payments.order_id' });
  });

  it('shows an order-only case, found by its order id, with its open invoice', async () => {
    const t = (await caseTimeline(db, 'SO3'))!;
    expect(t.case).toMatchObject({ case_id: 'order:SO3', origin: 'order' });
    expect(t.milestones.filter((m) => m.at !== null).map((m) => m.id)).toEqual(['order_created', 'delivered', 'invoiced']);
    expect(t.objects.map((o) => [o.lane, o.link, o.end_at, o.open])).toEqual([
      ['order SO3', 'origin', '2025-01-16T00:00:00', false],
      ['delivery D4', 'deliveries.order_id', null, false],
      ['invoice I4', 'invoices.order_id', null, true],
      ['payment P4', 'payments.order_id', null, false]]);
    expect(t.objects.find((o) => o.id === 'I4')!.details).toMatchObject({ paid_amount: 30, paid_at: null });
  });

  it('shows a case that starts at an opportunity, found by its id, with its open spans', async () => {
    const t = (await caseTimeline(db, 'O3'))!;
    expect(t.case).toMatchObject({ case_id: 'opportunity:O3', origin: 'opportunity', status: 'open', current_milestone: 'order_created' });
    expect(t.milestones.filter((m) => m.at !== null).map((m) => [m.id, m.at])).toEqual([
      ['opportunity_created', '2025-01-06T00:00:00'], ['order_created', '2025-01-08T00:00:00']]);
    // O3 is not closed (its close date is planned, not an event) and SO4 not delivered.
    expect(t.objects.map((o) => [o.lane, o.link, o.parent_id, o.end_at, o.open])).toEqual([
      ['opportunity O3', 'origin', null, null, true], ['order SO4', 'orders.opportunity_id', 'O3', null, true]]);
    expect(t.objects[0].details.expected_close_at).toBe('2025-03-01T00:00:00');
    expect(t.events.map((e) => `${e.lane} ${e.activity}`)).toEqual(['opportunity O3 created', 'order SO4 created']);
  });

  it('marks a link inferred from leads.opportunity_id', async () => {
    const t = (await caseTimeline(db, 'L2'))!;
    expect(t.objects.map((o) => [o.lane, o.link, o.inferred])).toEqual([
      ['lead L2', 'origin', false], ['opportunity O2', 'leads.opportunity_id', true]]);
    expect(t.events.map((e) => e.activity)).toEqual(['created', 'created', 'closed_lost']);
  });

  it('knows no unknown case', async () => {
    expect(await caseTimeline(db, 'L9')).toBeNull();
    expect(await caseTimeline(db, "L1' OR '1'='1")).toBeNull();
  });
});
