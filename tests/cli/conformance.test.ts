/**
 * `ltc conformance` on a non-empty log: exact counts of out-of-order steps, skipped steps, rework
 * and late payment for a small hand-built world, as JSON and as the plain-text tables, per month and
 * per quarter, with --as-of moving the moment late payment is judged at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-conformance-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'ws.duckdb');

// Six cases, every table loaded (so every step of the reference order is expected):
//   C1 (Jan) runs the reference order and pays on time.
//   C2 (Jan) is invoiced on 01-14, before its delivery on 01-16, and pays after its due date.
//   C3 (Feb) goes from opportunity to order without a quote, is delivered in two parts and paid in
//      two instalments, on time.
//   C4 (Feb) is quoted twice; its invoice, due 03-01, is still unpaid at the data end (03-07).
//   L5 (Mar) is disqualified: an outcome, not a skipped step.
//   S6 (Mar) is an order without lead or opportunity, paid on 03-06, the day before its invoice.
const BUNDLE = {
  'leads.csv': `lead_id,created_at,qualified_at,disqualified_at
L1,2025-01-02,2025-01-03,
L2,2025-01-10,2025-01-11,
L3,2025-02-01,2025-02-02,
L4,2025-02-10,2025-02-11,
L5,2025-03-01,,2025-03-02
`,
  'opportunities.csv': `opportunity_id,created_at,lead_id
O1,2025-01-04,L1
O2,2025-01-12,L2
O3,2025-02-03,L3
O4,2025-02-12,L4
`,
  'quotes.csv': `quote_id,opportunity_id,created_at,sent_at
Q1,O1,2025-01-05 09:00,2025-01-05 10:00
Q2,O2,2025-01-12 09:00,2025-01-12 10:00
Q4a,O4,2025-02-13 09:00,2025-02-13 10:00
Q4b,O4,2025-02-14 09:00,2025-02-14 10:00
`,
  'orders.csv': `order_id,created_at,opportunity_id,amount
S1,2025-01-06,O1,100
S2,2025-01-13,O2,100
S3,2025-02-05,O3,100
S4,2025-02-15,O4,100
S6,2025-03-05,,100
`,
  'deliveries.csv': `delivery_id,order_id,delivered_at
D1,S1,2025-01-08
D2,S2,2025-01-16
D3a,S3,2025-02-06
D3b,S3,2025-02-08
D4,S4,2025-02-16
D6,S6,2025-03-06
`,
  'invoices.csv': `invoice_id,order_id,issued_at,due_at,amount
I1,S1,2025-01-09,2025-01-20,100
I2,S2,2025-01-14,2025-01-31,100
I3,S3,2025-02-09,2025-02-28,100
I4,S4,2025-02-17,2025-03-01,100
I6,S6,2025-03-07,2025-04-30,100
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id
P1,2025-01-15,100,I1
P2,2025-02-05,100,I2
P3a,2025-02-10,50,I3
P3b,2025-02-20,50,I3
P6,2025-03-06,100,I6
`,
};

interface Check { id: string; unit: string; count: number; n: number; rate: number | null; censored: number; details: Record<string, number> }
interface Conformance { data_end: string; as_of: string; log: string; reference: string[]; by: string; checks: Check[]; periods: { period: string; checks: Check[] }[] }

const tally = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.id, `${c.count}/${c.n}`]));

describe('ltc conformance on a hand-built log', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...writeBundle(BUNDLE).paths]);
  });

  it('counts each check over the whole log', () => {
    const result = ltcJson<Conformance>(['conformance', '--db', db]);
    expect([result.data_end, result.as_of, result.log, result.by]).toEqual(['2025-03-07T00:00:00', '2025-03-07T00:00:00', 'ltc', 'month']);
    expect(result.reference).toEqual(['Lead created', 'Lead qualified', 'Opportunity created', 'Quote sent', 'Order created', 'Delivered', 'Invoice issued', 'Fully paid']);
    const [outOfOrder, skipped, rework, late] = result.checks;
    // Of the five invoiced cases (all but L5), C2 was invoiced before delivery and S6 paid before its invoice.
    expect(outOfOrder).toEqual({ id: 'out_of_order', unit: 'case', count: 2, n: 5, rate: 2 / 5, censored: 0,
      details: { invoice_before_delivery: 1, payment_before_invoice: 1 } });
    // Of six cases, C3 skipped the quote; S6 everything before the order but its delivery.
    expect(skipped).toEqual({ id: 'skipped_steps', unit: 'case', count: 2, n: 6, rate: 2 / 6, censored: 0,
      details: { 'Quote sent': 2, 'Lead created': 1, 'Lead qualified': 1, 'Opportunity created': 1 } });
    // Of the five cases that reached a quote, a delivery or an invoice: C3 (parts, instalments), C4 (two quotes).
    expect(rework).toEqual({ id: 'rework', unit: 'case', count: 2, n: 5, rate: 2 / 5, censored: 0,
      details: { repeated_quotes: 1, partial_deliveries: 1, instalment_payments: 1 } });
    // Of five invoices: I2 paid after its due date, I4 unpaid and overdue at the data end.
    expect(late).toEqual({ id: 'late_payment', unit: 'invoice', count: 2, n: 5, rate: 2 / 5, censored: 0, details: {} });
  });

  it('gives the counts per month of the case start (late payment: of the invoice), and per quarter', () => {
    const monthly = ltcJson<Conformance>(['conformance', '--db', db]);
    expect(monthly.periods.map((p) => [p.period, tally(p.checks)])).toEqual([
      ['2025-01', { out_of_order: '1/2', skipped_steps: '0/2', rework: '0/2', late_payment: '1/2' }],
      ['2025-02', { out_of_order: '0/2', skipped_steps: '1/2', rework: '2/2', late_payment: '1/2' }],
      ['2025-03', { out_of_order: '1/1', skipped_steps: '1/2', rework: '0/1', late_payment: '0/1' }],
    ]);
    const quarterly = ltcJson<Conformance>(['conformance', '--db', db, '--by', 'quarter']);
    expect(quarterly.by).toBe('quarter');
    expect(quarterly.periods.map((p) => [p.period, tally(p.checks)])).toEqual([
      ['2025-Q1', { out_of_order: '2/5', skipped_steps: '2/6', rework: '2/5', late_payment: '2/5' }],
    ]);
  });

  it('judges late payment at --as-of: an unpaid invoice not yet due is open', () => {
    // At 02-25: I4 (due 03-01) is unpaid but not due — censored; I6 is not issued yet; I2 was late.
    const early = ltcJson<Conformance>(['conformance', '--db', db, '--as-of', '2025-02-25']);
    expect(early.as_of).toBe('2025-02-25T23:59:59');
    expect(early.checks[3]).toMatchObject({ id: 'late_payment', count: 1, n: 3, censored: 1 });
  });

  it('prints the reference order, the checks with their details, and the rates per period', () => {
    const { code, stdout, stderr } = ltc(['conformance', '--db', db]);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('reference order: Lead created → Lead qualified → Opportunity created → Quote sent → Order created → Delivered → Invoice issued → Fully paid');
    const row = (start: string) => lines.find((l) => l.startsWith(start))!.split(/\s{2,}/);
    expect(row('check')).toEqual(['check', 'rate', 'details']);
    expect(row('out_of_order')).toEqual(['out_of_order', '40.0% (2/5)', 'invoice_before_delivery 1, payment_before_invoice 1']);
    expect(row('skipped_steps')).toEqual(['skipped_steps', '33.3% (2/6)', 'Quote sent 2, Lead created 1, Lead qualified 1, Opportunity created 1']);
    expect(row('rework')).toEqual(['rework', '40.0% (2/5)', 'repeated_quotes 1, partial_deliveries 1, instalment_payments 1']);
    expect(row('late_payment')).toEqual(['late_payment', '40.0% (2/5)']);
    expect(row('month')).toEqual(['month', 'out_of_order', 'skipped_steps', 'rework', 'late_payment']);
    expect(row('2025-01')).toEqual(['2025-01', '50.0% (1/2)', '0.0% (0/2)', '0.0% (0/2)', '50.0% (1/2)']);
    expect(row('2025-02')).toEqual(['2025-02', '0.0% (0/2)', '50.0% (1/2)', '100.0% (2/2)', '50.0% (1/2)']);
    expect(row('2025-03')).toEqual(['2025-03', '100.0% (1/1)', '50.0% (1/2)', '0.0% (0/1)', '0.0% (0/1)']);
  });
});
