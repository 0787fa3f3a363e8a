import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSource, SourceFile, TargetPlan } from '../../../ingest/adapters/adapter.ts';
import quickbooks from '../../../ingest/adapters/quickbooks.ts';
import type { FileReport } from '../../../ingest/import-files.ts';
import type { Database } from '../../../models/db/database.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../../app/workspace.ts';

const FILES = ['estimate_data.csv', 'invoice_data.csv', 'invoice_line_data.csv', 'payment_data.csv', 'payment_line_data.csv'];

function source(name: string): SourceFile {
  const { data } = Papa.parse<string[]>(readFileSync(fixture(`quickbooks/${name}`), 'utf8'), { skipEmptyLines: true });
  const [headers, ...rows] = data;
  return { name, headers, sample: rows.slice(0, 200).map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] || null]))) };
}
const label = (field: FieldSource | undefined) => (typeof field === 'string' ? field : field?.label);
const labels = (plan: TargetPlan) => Object.fromEntries(Object.entries(plan.fields).map(([k, v]) => [k, label(v)]));

async function imported(names: readonly string[]): Promise<{ db: Database; files: FileReport[] }> {
  const db = await openWorkspace(':memory:');
  const { files } = await importAndRebuild(db, names.map((name) => ({ path: fixture(`quickbooks/${name}`), name })));
  for (const f of files) expect(f.error).toBeUndefined();
  return { db, files };
}

describe('quickbooks detect: the Fivetran tables', () => {
  it('names each table by its own columns', () => {
    const matches = FILES.map((name) => quickbooks.detect(source(name))!);
    expect(matches.map((m) => m.preset)).toEqual(FILES.map((f) => `quickbooks-fivetran/${f.replace('_data.csv', '')}`));
    expect(matches.map((m) => m.targets.map((t) => t.kind))).toEqual([
      ['opportunities', 'quotes'], ['orders', 'invoices'], ['order_lines'], ['payments'], ['payment_lines'],
    ]);
    for (const m of matches) expect(m.confidence).toBe(1);
  });

  it('makes each estimate its own opportunity and each invoice its own order', () => {
    const [opportunity, quote] = quickbooks.detect(source('estimate_data.csv'))!.targets;
    expect(labels(opportunity)).toMatchObject({
      opportunity_id: 'id', created_at: 'transaction_date', account_id: 'customer_id', stage: 'transaction_status',
      is_won: 'transaction_status', amount: 'total_amount', currency: 'currency_id',
    });
    expect(labels(quote)).toMatchObject({ quote_id: 'id', opportunity_id: 'id', created_at: 'transaction_date', accepted_at: 'accepted_date' });
    const [order, invoice] = quickbooks.detect(source('invoice_data.csv'))!.targets;
    expect(labels(order)).toEqual({ order_id: 'id', created_at: 'transaction_date', account_id: 'customer_id', amount: 'total_amount', currency: 'currency_id' });
    expect(labels(invoice)).toEqual({
      invoice_id: 'id', order_id: 'id', issued_at: 'transaction_date', due_at: 'due_date', amount: 'total_amount', currency: 'currency_id',
    });
    expect(invoice.where).toContain('_fivetran_deleted');
    expect(invoice.attributes).toEqual(expect.arrayContaining(['doc_number', 'balance', 'customer_id']));
    expect(invoice.attributes).not.toContain('_fivetran_synced');
  });

  it('reads payments without an invoice link, and payment lines as the per-invoice split', () => {
    const [payment] = quickbooks.detect(source('payment_data.csv'))!.targets;
    expect(labels(payment)).toEqual({ payment_id: 'id', paid_at: 'transaction_date', amount: 'total_amount' });
    const [line] = quickbooks.detect(source('payment_line_data.csv'))!.targets;
    expect(labels(line)).toMatchObject({ payment_id: 'payment_id', line_id: 'index', amount: 'amount', invoice_id: 'invoice_id' });
  });

  it('leaves files of other sources alone', () => {
    const odoo = { name: 'account.move.csv', headers: ['Number', 'Invoice/Bill Date', 'Due Date', 'Total'], sample: [] };
    const canonical = { name: 'payments.csv', headers: ['payment_id', 'paid_at', 'amount', 'invoice_id'], sample: [] };
    expect(quickbooks.detect(odoo)).toBeNull();
    expect(quickbooks.detect(canonical)).toBeNull();
  });
});

describe('quickbooks import: the five Fivetran files, no flags', () => {
  let db: Database;
  let files: FileReport[];
  beforeAll(async () => {
    ({ db, files } = await imported(FILES));
  });
  afterAll(() => db?.close());
  const rows = (sql: string) => db.query(sql);

  it('loads every table into its kinds; deleted records are left out', async () => {
    expect(files.map((f) => [f.path, f.rows_read, f.rows_loaded, f.rows_rejected, f.rows_skipped])).toEqual([
      ['estimate_data.csv', 10, 20, 0, 0], // 10 opportunities + 10 quotes
      ['invoice_data.csv', 16, 10, 0, 11], // 5 live invoices (11 rows are _fivetran_deleted) → 5 orders + 5 invoices
      ['invoice_line_data.csv', 22, 14, 0, 8], // 8 sub-total, discount and description lines are not products
      ['payment_data.csv', 12, 12, 0, 0],
      ['payment_line_data.csv', 12, 12, 0, 0],
    ]);
    expect(await rows('SELECT invoice_id FROM invoices ORDER BY 1')).toEqual(['40113', '40114', '40115', '40116', '50001'].map((invoice_id) => ({ invoice_id })));
    expect(await rows(`SELECT count(*)::INT AS n FROM orders WHERE order_id IN ('28957', '21779', '39818')`)).toEqual([{ n: 0 }]);
  });

  it('reads estimates as accepted quotes of won opportunities', async () => {
    expect(await rows(`SELECT o.opportunity_id, strftime(o.created_at, '%Y-%m-%d') AS created, o.account_id, o.stage, o.is_closed, o.is_won, o.amount,
        q.quote_id, q.amount AS quoted, q.attributes->>'doc_number' AS doc
      FROM opportunities o JOIN quotes q ON q.opportunity_id = o.opportunity_id WHERE o.opportunity_id IN ('40112', '40091') ORDER BY 1`)).toEqual([
      { opportunity_id: '40091', created: '2021-01-18', account_id: '4895', stage: 'Accepted', is_closed: true, is_won: true, amount: 34363.5, quote_id: '40091', quoted: 34363.5, doc: '2555' },
      { opportunity_id: '40112', created: '2021-01-19', account_id: '4783', stage: 'Accepted', is_closed: true, is_won: true, amount: 56321, quote_id: '40112', quoted: 56321, doc: '2558' },
    ]);
  });

  it('reads invoices with their dates and currency, each its own order', async () => {
    expect(await rows(`SELECT i.invoice_id, strftime(i.issued_at, '%Y-%m-%d') AS issued, strftime(i.due_at, '%Y-%m-%d') AS due, i.amount, i.currency,
        o.account_id, o.amount AS order_amount, i.attributes->>'balance' AS balance
      FROM invoices i JOIN orders o ON o.order_id = i.order_id WHERE i.invoice_id IN ('40114', '40115', '50001') ORDER BY 1`)).toEqual([
      { invoice_id: '40114', issued: '2021-01-19', due: '2021-02-03', amount: 62507.5, currency: 'USD', account_id: '4783', order_amount: 62507.5, balance: '62507.50' },
      { invoice_id: '40115', issued: '2021-02-03', due: '2021-02-03', amount: 1015.05, currency: 'USD', account_id: '4783', order_amount: 1015.05, balance: '1015.05' },
      { invoice_id: '50001', issued: '2021-02-05', due: '2021-02-05', amount: 1000, currency: 'EUR', account_id: '4783', order_amount: 1000, balance: '1000.00' },
    ]);
  });

  it('keeps product lines only, a line without detail type when it names an item', async () => {
    expect(await rows(`SELECT order_id, line_id, product, quantity, amount FROM order_lines WHERE order_id IN ('40114', '35647') ORDER BY order_id, line_id`)).toEqual([
      { order_id: '35647', line_id: '0', product: null, quantity: null, amount: 27381.64 },
      { order_id: '35647', line_id: '2', product: '18', quantity: null, amount: 0 },
      { order_id: '35647', line_id: '3', product: '34', quantity: 0.7, amount: -4280.01 },
      { order_id: '35647', line_id: '4', product: '18', quantity: null, amount: 0 },
      { order_id: '40114', line_id: '1', product: '100', quantity: 50, amount: 1000 },
      { order_id: '40114', line_id: '2', product: '9999', quantity: 1, amount: 175 },
      { order_id: '40114', line_id: '3', product: '9999', quantity: 1, amount: 55650 },
    ]);
  });

  it('loads each payment once with its date and total, and payment lines as its split over invoices', async () => {
    expect(await rows(`SELECT payment_id, strftime(paid_at, '%Y-%m-%d') AS paid, amount, invoice_id, attributes->>'customer_id' AS customer
      FROM payments WHERE payment_id IN ('9001', '16541', '17125') ORDER BY 1`)).toEqual([
      { payment_id: '16541', paid: '2019-10-09', amount: 15702.37, invoice_id: null, customer: '2103' },
      { payment_id: '17125', paid: '2019-10-25', amount: 25379, invoice_id: null, customer: '2024' },
      { payment_id: '9001', paid: '2026-02-01', amount: 1000, invoice_id: null, customer: '698' },
    ]);
    // payment_line_data.csv: payment 24370 line 0 pays 33581.19 of invoice 23489; 9001 pays 1000 of 50001.
    expect(await rows(`SELECT payment_id, line_id, invoice_id, amount FROM payment_lines WHERE payment_id IN ('24370', '9001') ORDER BY 1`)).toEqual([
      { payment_id: '24370', line_id: '0', invoice_id: '23489', amount: 33581.19 },
      { payment_id: '9001', line_id: '0', invoice_id: '50001', amount: 1000 },
    ]);
  });
});

describe('quickbooks import: payment and payment_line in either order', () => {
  it.each([
    ['payment first', ['invoice_data.csv', 'payment_data.csv', 'payment_line_data.csv']],
    ['payment_line first', ['invoice_data.csv', 'payment_line_data.csv', 'payment_data.csv']],
  ])('applies each payment once, through its lines (%s)', async (_, order) => {
    const { db } = await imported(order);
    try {
      // payment 9001 (EUR 1000, 2026-02-01) is the one payment_line row that names a loaded invoice (50001)
      expect(await db.query(`SELECT count(*)::INT AS n, sum(amount) AS total FROM payments WHERE split_part(payment_id, '/', 1) = '9001'`))
        .toEqual([{ n: 1, total: 1000 }]);
      expect(await db.query('SELECT count(*)::INT AS n, round(sum(amount), 2) AS total FROM payments')).toEqual([{ n: 12, total: 166553.72 }]);
      // Invoice 50001 (1000, issued in the fixture) is fully paid by payment 9001 on 2026-02-01.
      expect(await db.query(`SELECT paid_amount, strftime(paid_at, '%Y-%m-%d') AS paid FROM model.invoice_facts WHERE invoice_id = '50001'`))
        .toEqual([{ paid_amount: 1000, paid: '2026-02-01' }]);
    } finally {
      db.close();
    }
  });
});
