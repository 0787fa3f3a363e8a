import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSource, SourceFile, TargetPlan } from '../../../ingest/adapters/adapter.ts';
import odoo from '../../../ingest/adapters/odoo.ts';
import type { FileReport } from '../../../ingest/import-files.ts';
import type { Database } from '../../../models/db/database.ts';
import { fixture, needsShared } from '../../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../../app/workspace.ts';

const shared = fixture('odoo');
const needsSaleOrders = needsShared('odoo sale.order', ['odoo/sale.order.csv']);
const own = join(import.meta.dirname, '../../fixtures/odoo');

function source(dir: string, name: string): SourceFile {
  const { data } = Papa.parse<string[]>(readFileSync(join(dir, name), 'utf8'), { skipEmptyLines: true });
  const [headers, ...rows] = data;
  return { name, headers, sample: rows.slice(0, 200).map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] || null]))) };
}
const label = (field: FieldSource | undefined) => (typeof field === 'string' ? field : field?.label);
const labels = (plan: TargetPlan) => Object.fromEntries(Object.entries(plan.fields).map(([k, v]) => [k, label(v)]));
const kinds = (plans: readonly TargetPlan[]) => plans.map((p) => p.kind);

let db: Database | undefined;

async function load(...paths: string[]): Promise<FileReport[]> {
  db = await openWorkspace(':memory:');
  const { files } = await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
  for (const f of files) expect(f.error).toBeUndefined();
  return files;
}
const rows = (sql: string) => db!.query(sql);

describe('odoo detect: the sale.order export with order lines', needsSaleOrders, () => {
  it('reads orders and their lines, the order columns reached through order_line/order_id', () => {
    const match = odoo.detect(source(shared, 'sale.order.csv'))!;
    expect(match).toMatchObject({ adapter: 'odoo', preset: 'odoo-export/sale.order+order_line' });
    expect(match.confidence).toBeGreaterThan(0.9);
    expect(kinds(match.targets)).toEqual(['orders', 'order_lines']);
    const [orders, lines] = match.targets;
    expect(labels(orders)).toEqual({
      order_id: 'order_line/order_id/name', created_at: 'order_line/order_id/date_order',
      confirmed_at: 'order_line/order_id/confirmation_date', account_id: 'order_line/order_partner_id/display_name',
      amount: 'sum of order_line/price_subtotal',
    });
    expect(labels(lines)).toMatchObject({
      order_id: 'order_line/order_id/name', product: 'order_line/name', quantity: 'order_line/product_uom_qty', amount: 'order_line/price_subtotal',
    });
    expect(orders.from).toContain('IGNORE NULLS');
    expect(orders.attributes).toEqual(expect.arrayContaining(['id', 'order_line/order_id/state', 'order_line/order_id/invoice_status']));
    expect(lines.attributes).toEqual(expect.arrayContaining(['order_line/product_categ_name', 'order_line/price_unit']));
    expect(lines.attributes).not.toContain('order_line/order_id/state');
  });
});

describe('odoo detect: list exports', () => {
  it('recognises each model by its labels and the file name Odoo gives the export', () => {
    const presets = ['sale.order.csv', 'sale.order (1).csv', 'account.move.csv', 'account.payment.csv', 'crm.lead.csv']
      .map((name) => odoo.detect(source(own, name)));
    expect(presets.map((m) => m?.preset)).toEqual([
      'odoo-export/sale.order', 'odoo-export/sale.order+order_line', 'odoo-export/account.move', 'odoo-export/account.payment', 'odoo-export/crm.lead',
    ]);
    expect(presets.map((m) => kinds(m!.targets))).toEqual([
      ['orders'], ['orders', 'order_lines'], ['invoices'], ['payments'], ['leads', 'opportunities'],
    ]);
  });

  it('maps the labelled columns of each model', () => {
    const [order] = odoo.detect(source(own, 'sale.order.csv'))!.targets;
    expect(labels(order)).toEqual({
      order_id: 'Order Reference', created_at: 'Order Date', account_id: 'Customer', amount: 'Total', currency: 'Currency', opportunity_id: 'Opportunity',
    });
    const [invoice] = odoo.detect(source(own, 'account.move.csv'))!.targets;
    expect(labels(invoice)).toEqual({
      invoice_id: 'Number', order_id: 'Source Document', issued_at: 'Invoice/Bill Date', due_at: 'Due Date', amount: 'Total', currency: 'Currency',
    });
    const [payment] = odoo.detect(source(own, 'account.payment.csv'))!.targets;
    expect(labels(payment)).toEqual({ payment_id: 'Number', paid_at: 'Date', amount: 'Amount', invoice_id: 'Memo' });
    const [lead, opportunity] = odoo.detect(source(own, 'crm.lead.csv'))!.targets;
    expect(labels(lead)).toMatchObject({ lead_id: 'Opportunity', created_at: 'Created on', source: 'Source', status: 'Stage', owner: 'Salesperson' });
    expect(labels(opportunity)).toMatchObject({ opportunity_id: 'Opportunity', amount: 'Expected Revenue', stage: 'Stage', closed_at: 'Closed Date' });
  });

  it('leaves files of other sources alone', () => {
    const generic = { name: 'orders.csv', headers: ['order_id', 'created_at', 'amount'], sample: [] };
    const payments = { name: 'payments.csv', headers: ['Number', 'Date', 'Amount', 'Memo'], sample: [] };
    const quickbooks = { name: 'invoice_data.csv', headers: ['id', 'transaction_date', 'due_date', 'total_amount', 'balance'], sample: [] };
    expect([generic, payments, quickbooks].map((f) => odoo.detect(f))).toEqual([null, null, null]);
  });
});

describe('odoo import: sale.order.csv (804 orders, 2,026 line rows)', needsSaleOrders, () => {
  let file: FileReport;
  beforeAll(async () => {
    [file] = await load(join(shared, 'sale.order.csv'));
  });
  afterAll(() => db?.close());

  it('loads one order per order and every line, nothing rejected', async () => {
    expect(file).toMatchObject({ adapter: 'odoo', preset: 'odoo-export/sale.order+order_line', rows_read: 2026, rows_rejected: 0 });
    expect(await rows('SELECT (SELECT count(*) FROM orders)::INT AS orders, (SELECT count(*) FROM order_lines)::INT AS lines'))
      .toEqual([{ orders: 804, lines: 2026 }]);
  });

  it('carries the order over its continuation rows and sums their subtotals', async () => {
    const orders = await rows(`SELECT order_id, strftime(created_at, '%Y-%m-%d %H:%M') AS created, strftime(confirmed_at, '%Y-%m-%d %H:%M') AS confirmed,
        amount, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.order_id)::INT AS lines, attributes->>'id' AS xid
      FROM orders o WHERE order_id IN ('SO21-000829', 'SO21-000827', 'SO21-000821', 'SO19-000001', 'SO20-000573') ORDER BY order_id`);
    expect(orders).toEqual([
      { order_id: 'SO19-000001', created: '2019-07-25 08:05', confirmed: '2019-07-25 08:24', amount: 1659814, lines: 1, xid: '__export__.sale_order_70' },
      { order_id: 'SO20-000573', created: '2020-10-02 02:17', confirmed: '2020-10-02 02:33', amount: null, lines: 1, xid: '__export__.sale_order_642' },
      { order_id: 'SO21-000821', created: '2021-03-10 03:25', confirmed: '2021-03-10 03:31', amount: 49174000, lines: 4, xid: '__export__.sale_order_890' },
      { order_id: 'SO21-000827', created: '2021-03-15 04:38', confirmed: '2021-03-15 06:18', amount: 4323800, lines: 2, xid: '__export__.sale_order_896' },
      { order_id: 'SO21-000829', created: '2021-03-15 06:49', confirmed: '2021-03-15 06:51', amount: 116618.4, lines: 1, xid: '__export__.sale_order_898' },
    ]);
    expect(await rows(`SELECT account_id FROM orders WHERE order_id = 'SO21-000827'`))
      .toEqual([{ account_id: '[C20-0000168]PT PERTAMINA (PERSERO) RU IV CILACAP, [C20-0000169]Ardi suradi' }]);
    expect(await rows(`SELECT count(*)::INT AS n FROM order_lines WHERE order_id = 'SO20-000675'`)).toEqual([{ n: 269 }]);
  });

  it('keeps each line with its position, product and subtotal', async () => {
    expect(await rows(`SELECT line_id, product, quantity, amount, attributes->>'order_line/product_categ_name' AS category
      FROM order_lines WHERE order_id = 'SO21-000827' ORDER BY line_id`)).toEqual([
      { line_id: '1', product: '[HAA364D011I0] DOUBLE JACKETED GASKET (29.1/16"X28.1/16"X3 MM, DJG-3840-A-SPCC-FG)', quantity: 2, amount: 551000, category: 'DJG_FG' },
      { line_id: '2', product: '[HAA365D311I0] DOUBLE JACKETED GASKET (1105X1137X3 MM, R=3/8", W=1/2", P=SESUAI DRAWING, DJG-3840-SPECIAL-SPCC-FG)', quantity: 2, amount: 3772800, category: 'DJG_FG' },
    ]);
    // SO20-000350: four lines exported without a subtotal — the lines load without amount, the order too
    expect(await rows(`SELECT count(*)::INT AS n, count(amount)::INT AS priced FROM order_lines WHERE order_id = 'SO20-000350'`)).toEqual([{ n: 4, priced: 0 }]);
    expect(await rows(`SELECT amount FROM orders WHERE order_id = 'SO20-000350'`)).toEqual([{ amount: null }]);
  });
});

describe('odoo import: a crm.lead → sale.order → account.move → account.payment world', () => {
  afterEach(() => db?.close());
  const world = ['crm.lead.csv', 'sale.order.csv', 'sale.order (1).csv', 'account.move.csv', 'account.payment.csv'].map((n) => join(own, n));

  it('loads each kind, leaves out what is not one, and rejects what cannot load with its line', async () => {
    const files = await load(...world);
    expect(files.map((f) => [f.path, f.rows_read, f.rows_loaded, f.rows_rejected])).toEqual([
      ['crm.lead.csv', 5, 9, 0], // 5 leads + 4 opportunities (one record is still a lead)
      ['sale.order.csv', 5, 3, 0], // a quotation and a cancelled order are not orders
      ['sale.order (1).csv', 6, 6, 1], // S00021 + S00023 and four lines; S00022 is a draft
      ['account.move.csv', 7, 3, 1], // credit note, vendor bill and draft left out
      ['account.payment.csv', 5, 3, 0], // an outgoing and a draft payment left out
    ]);
    expect(files[2].rejects).toEqual([{ line: 7, column: 'order_line/price_subtotal', reason: expect.stringContaining('"abc"'), reason_zh: expect.stringMatching(/"abc" 不是形如 .* 的数字$/) }]);
    expect(files[3].rejects).toEqual([{ line: 8, column: 'Source Document', reason: expect.stringContaining('order_id is missing'), reason_zh: expect.stringContaining('缺少 order_id') }]);
    expect(await rows('SELECT order_id FROM orders ORDER BY 1')).toEqual(['S00012', 'S00015', 'S00016', 'S00021', 'S00023'].map((order_id) => ({ order_id })));
  });

  it('carries an order over rows whose order columns are empty, without leaking values of the order before', async () => {
    await load(join(own, 'sale.order (1).csv'));
    expect(await rows(`SELECT order_id, strftime(created_at, '%Y-%m-%d %H:%M') AS created, account_id, amount, currency FROM orders ORDER BY 1`)).toEqual([
      { order_id: 'S00021', created: '2024-03-04 09:30', account_id: 'Deco Addict', amount: 4200, currency: 'EUR' },
      // its second line's subtotal is not a number: no amount rather than a wrong one
      { order_id: 'S00023', created: '2024-03-07 15:45', account_id: 'Ready Mat', amount: null, currency: null },
    ]);
    expect(await rows(`SELECT order_id, line_id, quantity, amount FROM order_lines ORDER BY order_id, amount DESC`)).toEqual([
      { order_id: 'S00021', line_id: '__export__.sale_order_line_51', quantity: 2, amount: 2500 },
      { order_id: 'S00021', line_id: '__export__.sale_order_line_52', quantity: 3, amount: 1650 },
      { order_id: 'S00021', line_id: '3', quantity: 1, amount: 50 },
      { order_id: 'S00023', line_id: '__export__.sale_order_line_54', quantity: 1, amount: 320 },
    ]);
  });

  it('links invoices to orders by Source Document and payments to invoices by Memo', async () => {
    await load(...world);
    expect(await rows(`SELECT invoice_id, order_id, strftime(issued_at, '%Y-%m-%d') AS issued, strftime(due_at, '%Y-%m-%d') AS due, amount FROM invoices ORDER BY 1`)).toEqual([
      { invoice_id: 'INV/2024/00007', order_id: 'S00012', issued: '2024-02-05', due: '2024-03-06', amount: 13800 },
      { invoice_id: 'INV/2024/00008', order_id: 'S00015', issued: '2024-03-01', due: '2024-03-31', amount: 2300 },
      { invoice_id: 'INV/2024/00009', order_id: 'S00016', issued: '2024-03-05', due: '2024-04-04', amount: 1150.5 },
    ]);
    expect(await rows(`SELECT payment_id, invoice_id, strftime(paid_at, '%Y-%m-%d') AS paid, amount FROM payments ORDER BY 1`)).toEqual([
      { payment_id: 'PBNK1/2024/00003', invoice_id: 'INV/2024/00007', paid: '2024-02-27', amount: 13800 },
      { payment_id: 'PBNK1/2024/00005', invoice_id: 'INV/2024/00008', paid: '2024-03-10', amount: 1000 },
      { payment_id: 'PBNK1/2024/00007', invoice_id: 'INV/2024/00008', paid: '2024-03-22', amount: 1300 },
    ]);
    expect(await rows(`SELECT invoice_id, case_id, paid_amount, strftime(paid_at, '%Y-%m-%d') AS paid FROM model.invoice_facts ORDER BY 1`)).toEqual([
      { invoice_id: 'INV/2024/00007', case_id: 'Office chairs for Deco Addict', paid_amount: 13800, paid: '2024-02-27' },
      { invoice_id: 'INV/2024/00008', case_id: 'Desks for Ready Mat', paid_amount: 2300, paid: '2024-03-22' },
      { invoice_id: 'INV/2024/00009', case_id: 'order:S00016', paid_amount: 0, paid: null },
    ]);
  });

  it('reads crm.lead records as leads and opportunities with won and lost outcomes', async () => {
    await load(join(own, 'crm.lead.csv'));
    expect(await rows(`SELECT lead_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created, source, opportunity_id FROM leads ORDER BY created_at`)).toEqual([
      { lead_id: 'Office chairs for Deco Addict', created: '2024-01-08 09:12:44', source: 'Website', opportunity_id: 'Office chairs for Deco Addict' },
      { lead_id: 'Meeting room tables', created: '2024-01-15 14:30:00', source: 'LinkedIn', opportunity_id: 'Meeting room tables' },
      { lead_id: 'Website enquiry: standing desks', created: '2024-02-02 08:05:31', source: 'Website', opportunity_id: null },
      { lead_id: 'Lamps for Ready Mat', created: '2024-02-10 11:47:19', source: 'Trade Show', opportunity_id: 'Lamps for Ready Mat' },
      { lead_id: 'Desks for Ready Mat', created: '2024-02-12 16:20:05', source: 'Trade Show', opportunity_id: 'Desks for Ready Mat' },
    ]);
    expect(await rows(`SELECT opportunity_id, is_closed, is_won, strftime(closed_at, '%Y-%m-%d') AS closed, amount FROM opportunities ORDER BY created_at`)).toEqual([
      { opportunity_id: 'Office chairs for Deco Addict', is_closed: true, is_won: true, closed: '2024-01-29', amount: 12000 },
      { opportunity_id: 'Meeting room tables', is_closed: false, is_won: false, closed: null, amount: 8500 },
      { opportunity_id: 'Lamps for Ready Mat', is_closed: true, is_won: false, closed: '2024-02-26', amount: 3000 },
      { opportunity_id: 'Desks for Ready Mat', is_closed: true, is_won: true, closed: '2024-02-28', amount: 2300 },
    ]);
  });
});
