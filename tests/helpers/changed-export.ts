/**
 * A later export of the sample bundle that changes what cases are made of, for the incremental model's
 * tests: besides new rows and changed values, records move (an opportunity to another lead, a payment
 * to another invoice or to its order alone), links break and mend (an id naming nothing, an account
 * loaded for the first time), a new lead claims an existing opportunity, and a payment is split over
 * invoices of two cases. Seeded: every run writes the same rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Bundle } from './workspace.ts';

type Row = Record<string, string>;

function read(bundle: string, name: string): Row[] {
  return Papa.parse<Row>(readFileSync(join(bundle, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function csv(rows: readonly Row[]): string {
  return Papa.unparse(rows as Row[]);
}

/** The rows of a second export of `bundle` (a folder of the sample's CSVs): `round` gives other rows. */
export function changedExport(bundle: string, round = 1): Bundle {
  let state = 7919 * round;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const some = <T>(items: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(items));
  const tag = `R${round}`;

  const leads = read(bundle, 'leads.csv');
  const opportunities = read(bundle, 'opportunities.csv');
  const quotes = read(bundle, 'quotes.csv');
  const orders = read(bundle, 'orders.csv');
  const deliveries = read(bundle, 'deliveries.csv');
  const invoices = read(bundle, 'invoices.csv');
  const payments = read(bundle, 'payments.csv');
  const accounts = read(bundle, 'accounts.csv');
  const owners = [...new Set(leads.map((l) => l.owner).filter(Boolean))];
  const withOpportunity = leads.filter((l) => l.opportunity_id);

  const out: Record<string, Row[]> = {
    'leads.csv': [
      ...some(leads, 6).map((l) => ({ ...l, owner: pick(owners) })),
      // a lead now names another lead's opportunity, or none
      ...some(withOpportunity, 3).map((l) => ({ ...l, opportunity_id: pick(withOpportunity).opportunity_id })),
      ...some(withOpportunity, 2).map((l) => ({ ...l, opportunity_id: '' })),
      // a new lead, earlier than the one that names the opportunity it names: it takes the opportunity
      ...some(withOpportunity, 3).map((l, i) => ({ ...l, lead_id: `${l.lead_id}${tag}${i}`, created_at: '2023-12-01 08:00:00', qualified_at: '' })),
      ...some(leads, 3).map((l, i) => ({ ...l, lead_id: `L${tag}NEW${i}`, account_id: `A${tag}NEW`, opportunity_id: '' })),
    ],
    'opportunities.csv': [
      ...some(opportunities, 3).map((o) => ({ ...o, lead_id: pick(leads).lead_id })),
      ...some(opportunities, 2).map((o) => ({ ...o, lead_id: '' })),
      ...some(opportunities, 2).map((o) => ({ ...o, lead_id: `L${tag}MISSING` })),
      ...some(opportunities, 2).map((o) => ({ ...o, is_closed: 'true', is_won: 'false', closed_at: o.closed_at || o.created_at })),
      ...some(opportunities, 2).map((o, i) => ({ ...o, opportunity_id: `${o.opportunity_id}${tag}${i}`, amount: '1000.00' })),
    ],
    'quotes.csv': some(quotes, 3).map((q) => ({ ...q, opportunity_id: pick(opportunities).opportunity_id })),
    'orders.csv': [
      ...some(orders, 3).map((o) => ({ ...o, opportunity_id: pick(opportunities).opportunity_id })),
      ...some(orders, 2).map((o) => ({ ...o, opportunity_id: '', lead_id: pick(leads).lead_id })),
      ...some(orders, 2).map((o, i) => ({ ...o, order_id: `${o.order_id}${tag}${i}`, opportunity_id: pick(opportunities).opportunity_id })),
    ],
    'deliveries.csv': some(deliveries, 3).map((d) => ({ ...d, order_id: pick(orders).order_id })),
    'invoices.csv': [
      ...some(invoices, 3).map((i) => ({ ...i, order_id: pick(orders).order_id })),
      ...some(invoices, 2).map((i) => ({ ...i, order_id: `SO${tag}MISSING` })),
      ...some(invoices, 3).map((i) => ({ ...i, amount: (Number(i.amount) + 500).toFixed(2) })),
    ],
    'payments.csv': [
      ...some(payments, 3).map((p) => ({ ...p, invoice_id: pick(invoices).invoice_id })),
      // paid to the order alone: filled into its invoices oldest first
      ...some(payments, 3).map((p) => ({ ...p, order_id: invoices.find((i) => i.invoice_id === p.invoice_id)?.order_id ?? pick(orders).order_id, invoice_id: '' })),
      ...some(payments, 2).map((p, i) => ({ ...p, payment_id: `${p.payment_id}${tag}${i}`, amount: '100.00' })),
    ],
    'accounts.csv': [
      ...some(accounts, 3).map((a) => ({ ...a, region: pick(accounts).region, segment: pick(accounts).segment })),
      { ...accounts[0], account_id: `A${tag}NEW`, name: `New account ${tag}` },
    ],
  };
  const split = pick(payments);
  const [first, second] = some(invoices, 2);
  const bundleOut: Bundle = Object.fromEntries(Object.entries(out).map(([name, rows]) => [name, csv(firstOfEach(rows))]));
  bundleOut['payment_lines.csv'] = csv([
    { payment_id: split.payment_id, line_id: '1', invoice_id: first.invoice_id, order_id: '', amount: '10.00' },
    { payment_id: split.payment_id, line_id: '2', invoice_id: second.invoice_id, order_id: '', amount: String(Math.max(0, Number(split.amount) - 10).toFixed(2)) },
  ]);
  return bundleOut;
}

/** One row per id (the first), as an export has: two rows with one key are a reject, not a change. */
function firstOfEach(rows: readonly Row[]): Row[] {
  const key = Object.keys(rows[0] ?? {})[0];
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r[key]) && seen.add(r[key]));
}
