import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSource, SourceFile, TargetPlan } from '../../../ingest/adapters/adapter.ts';
import sap from '../../../ingest/adapters/sap.ts';
import { usesDecimalComma } from '../../../ingest/adapters/sap-values.ts';
import type { FileReport } from '../../../ingest/import-files.ts';
import type { Database } from '../../../models/db/database.ts';
import { fixture, needsShared } from '../../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../../app/workspace.ts';

const vbfaZip = fixture('sap/VBFA.zip');
const needsVbfa = needsShared('sap vbfa', ['sap/VBFA.zip']);
/** Invented exports of one small world (see tests/fixtures/sap/README.md). */
const own = join(import.meta.dirname, '../../fixtures/sap');
const TABLE_FILES = ['KNA1.csv', 'VBAK.csv', 'LIKP_LIPS.csv', 'VBRK_VBRP.csv', 'BSAD.csv'];

function sourceFromText(name: string, text: string, rows = 200): SourceFile {
  const delimiter = text.split('\n', 1)[0].includes(';') ? ';' : ',';
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter, preview: rows + 1 });
  const [headers, ...body] = data;
  return { name, headers, sample: body.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] || null]))) };
}
const vbfaText = () => strFromU8(Object.values(unzipSync(readFileSync(vbfaZip)))[0]);
const ownSource = (name: string) => sourceFromText(name, readFileSync(join(own, name), 'utf8'));
const label = (field: FieldSource | undefined) => (typeof field === 'string' ? field : field?.label);
const labels = (plan: TargetPlan) => Object.fromEntries(Object.entries(plan.fields).map(([k, v]) => [k, label(v)]));
const only = (plans: readonly TargetPlan[]) => {
  expect(plans).toHaveLength(1);
  return plans[0];
};

describe('sap detect: the VBFA document flow fixture', needsVbfa, () => {
  it('reads VBFA as orders, deliveries and invoices, cancelled invoices left out', () => {
    const match = sap.detect(sourceFromText('VBFA.zip › VBFA.zip', vbfaText()))!;
    expect(match).toMatchObject({ adapter: 'sap', preset: 'sap-vbfa/document-flow', confidence: 0.99 });
    expect(match.targets.map((t) => t.kind)).toEqual(['orders', 'deliveries', 'invoices']);
    for (const t of match.targets) expect(t.from).toContain('"VBTYP_N"');
    const invoices = match.targets[2];
    expect(Object.keys(invoices.fields)).toEqual(['invoice_id', 'order_id', 'issued_at', 'amount', 'currency']);
    expect(invoices.where).toBe('cancelled_by IS NULL');
    expect(match.targets[1].attributes).toEqual(['delivered_at_basis']);
    expect(match.notes!.map((n) => n.en).join(' ')).toMatch(/VBAK/);
  });

  it('loads no invoices from a flow without values, and says so', () => {
    const text = vbfaText().split('\n').slice(0, 50).join('\n').replaceAll('RFWRT', 'XXXX');
    const match = sap.detect(sourceFromText('VBFA.csv', text))!;
    expect(match.targets.map((t) => t.kind)).toEqual(['orders', 'deliveries']);
    expect(match.notes?.map((n) => n.en)).toContain('there is no value column RFWRT: invoices are not loaded');
  });
});

describe('sap detect: header tables by technical names', () => {
  it('names each table of the invented bundle and maps its fields', () => {
    const matches = TABLE_FILES.map((name) => sap.detect(ownSource(name))!);
    expect(matches.map((m) => m.preset)).toEqual(['KNA1', 'VBAK', 'LIKP', 'VBRK', 'BSAD'].map((t) => `sap-table/${t}`));
    expect(matches.map((m) => only(m.targets).kind)).toEqual(['accounts', 'orders', 'deliveries', 'invoices', 'payments']);
    const [kna1, vbak, likp, vbrk, bsad] = matches.map((m) => only(m.targets));
    expect(labels(kna1)).toEqual({ account_id: 'KUNNR', name: 'NAME1', industry: 'BRSCH', region: 'LAND1' });
    expect(labels(vbak)).toEqual({ order_id: 'VBELN', created_at: 'ERDAT + ERZET', amount: 'NETWR', currency: 'WAERK', account_id: 'KUNNR' });
    expect(vbak.where).toBe(`trim("VBTYP") = 'C'`);
    expect(labels(likp)).toEqual({ delivery_id: 'VBELN', order_id: 'VGBEL', delivered_at: 'WADAT_IST, else ERDAT' });
    expect(labels(vbrk)).toEqual({ invoice_id: 'VBELN', order_id: 'AUBEL', issued_at: 'FKDAT', amount: 'NETWR + MWSBP', currency: 'WAERK' });
    expect(vbrk.where).toMatch(/FKSTO/);
    expect(labels(bsad)).toEqual({ payment_id: 'BUKRS/AUGBL/BELNR/BUZEI', paid_at: 'AUGDT', amount: 'WRBTR', invoice_id: 'VBELN' });
  });

  it('maps LIKP without items but tells that the order link (VGBEL) is missing', () => {
    const match = sap.detect(sourceFromText('LIKP.csv', 'VBELN,ERDAT,ERZET,LFART,WADAT,WADAT_IST,KUNNR\n0080015001,20240306,101500,LF,20240307,20240307,0000100001\n'))!;
    expect(match.preset).toBe('sap-table/LIKP');
    expect(only(match.targets).fields.order_id).toBeUndefined();
    expect(match.notes!.map((n) => n.en).join(' ')).toMatch(/LIPS/);
  });

  it('takes a table by its file name when the columns are shared by several tables', () => {
    const headers = 'VBELN,ERDAT,ERZET,NETWR,WAERK,KUNNR\n0000012001,20240304,091530,12500.00,EUR,0000100001\n';
    expect(sap.detect(sourceFromText('export.csv', headers))).toBeNull();
    expect(sap.detect(sourceFromText('VBAK_2024.csv', headers))!.preset).toBe('sap-table/VBAK');
  });

  it('leaves files of other sources alone', () => {
    expect(sap.detect(sourceFromText('orders.csv', 'order_id,created_at,amount\nSO1,2025-01-03,100\n'))).toBeNull();
    expect(sap.detect(sourceFromText('customers.csv', 'Id,Name,Industry\n001A,Acme,Retail\n'))).toBeNull();
  });

  it('tells a decimal comma from a decimal point, SAP trailing minus included', () => {
    expect(usesDecimalComma(['1.234,56', '12,50-', '3.000,00'])).toBe(true);
    expect(usesDecimalComma(['1234.56', '100.00-', '5200.0'])).toBe(false);
    expect(usesDecimalComma(['1,234', null])).toBe(false);
  });
});

/** A timestamp column read back as text, so no timezone of the test machine is involved. */
const at = (column: string) => `strftime(${column}, '%Y-%m-%d %H:%M:%S') AS ${column}`;

describe('sap import: VBFA.zip with no flags', needsVbfa, () => {
  let db: Database;
  let file: FileReport;
  beforeAll(async () => {
    db = await openWorkspace(':memory:');
    ({ files: [file] } = await importAndRebuild(db, [{ path: vbfaZip, name: 'VBFA.zip' }]));
  }, 120_000);
  afterAll(() => db?.close());

  it('loads every order, delivery and uncancelled order invoice of the flow and rejects nothing', async () => {
    expect(file.error).toBeUndefined();
    expect(file).toMatchObject({ preset: 'sap-vbfa/document-flow', rows_read: 167_766, rows_rejected: 0 });
    // Counted with Python over the extracted CSV: C documents as preceding or subsequent doc;
    // J documents with a C → J row; M documents linked to a C directly or through such a J,
    // minus 16 cancelled ones.
    const counts = await db.query(`SELECT (SELECT count(*) FROM orders)::INTEGER AS orders,
      (SELECT count(*) FROM deliveries)::INTEGER AS deliveries, (SELECT count(*) FROM invoices)::INTEGER AS invoices`);
    expect(counts).toEqual([{ orders: 11_457, deliveries: 10_777, invoices: 9_040 }]);
  });

  it('dates an order by its own flow row, else by its first follow-on document', async () => {
    const orders = await db.query(`SELECT order_id, ${at('created_at')}, attributes->>'created_at_basis' AS basis
      FROM orders WHERE order_id IN ('19068', '19125', '19071', '0000019068') ORDER BY order_id`);
    expect(orders).toEqual([
      { order_id: '19068', created_at: '2020-03-26 08:05:45', basis: 'first follow-on document' },
      { order_id: '19071', created_at: '2020-03-26 23:51:12', basis: 'order created' },
      { order_id: '19125', created_at: '2020-06-29 05:42:46', basis: 'order created' },
    ]);
  });

  it('delivers at the goods issue, or at the delivery\'s creation without one', async () => {
    const deliveries = await db.query(`SELECT delivery_id, order_id, ${at('delivered_at')}, attributes->>'delivered_at_basis' AS basis
      FROM deliveries WHERE delivery_id IN ('80018917', '80018926', '80018937') ORDER BY delivery_id`);
    expect(deliveries).toEqual([
      { delivery_id: '80018917', order_id: '19068', delivered_at: '2020-03-26 08:12:48', basis: 'goods issue' },
      { delivery_id: '80018926', order_id: '19084', delivered_at: '2020-05-06 07:24:51', basis: 'goods issue' },
      { delivery_id: '80018937', order_id: '19099', delivered_at: '2020-05-09 06:27:09', basis: 'delivery created' },
    ]);
    const [{ fallback }] = await db.query(`SELECT count(*)::INTEGER AS fallback FROM deliveries WHERE attributes->>'delivered_at_basis' = 'delivery created'`);
    expect(fallback).toBe(10_777 - 9_471);
  });

  it('bills the order directly or through the delivery, each item counted once', async () => {
    const invoices = await db.query(`SELECT invoice_id, order_id, ${at('issued_at')}, amount, currency
      FROM invoices WHERE invoice_id IN ('90040438', '90005197', '90000036', '90005201') ORDER BY invoice_id`);
    expect(invoices).toEqual([
      { invoice_id: '90000036', order_id: '5001253', issued_at: '2004-06-04 11:52:13', amount: 230, currency: 'USD' },
      { invoice_id: '90005197', order_id: '4970', issued_at: '1997-01-28 09:33:16', amount: 8150 + 9440 + 9400 + 5848, currency: 'DEM' },
      { invoice_id: '90005201', order_id: '4969', issued_at: '1997-01-28 09:33:38', amount: 5500, currency: 'DEM' },
      { invoice_id: '90040438', order_id: '19068', issued_at: '2020-03-26 08:12:57', amount: 5200, currency: 'EUR' },
    ]);
  });

  it('leaves out cancelled invoices, cancellations and invoices of no order', async () => {
    const absent = ['90005177', '90005178', '90005182', '90035050', '90035051', '90031402'];
    const found = await db.query(`SELECT invoice_id FROM invoices WHERE invoice_id IN (${absent.map((id) => `'${id}'`).join(', ')})`);
    expect(found).toEqual([]);
    const [{ orphans }] = await db.query(`SELECT count(*)::INTEGER AS orphans FROM (
      SELECT order_id FROM invoices UNION ALL SELECT order_id FROM deliveries) WHERE order_id NOT IN (SELECT order_id FROM orders)`);
    expect(orphans).toBe(0);
  });
});

describe('sap import: the invented table bundle (KNA1, VBAK, LIKP+LIPS, VBRK+VBRP, BSAD)', () => {
  let db: Database;
  let files: FileReport[];
  beforeAll(async () => {
    db = await openWorkspace(':memory:');
    ({ files } = await importAndRebuild(db, TABLE_FILES.map((name) => ({ path: join(own, name), name }))));
  }, 60_000);
  afterAll(() => db?.close());

  it('loads each file into its table and rejects the impossible dates with their lines', () => {
    for (const f of files) expect(f.error).toBeUndefined();
    expect(files.map((f) => [f.path, f.kind, f.rows_read, f.rows_loaded])).toEqual([
      ['KNA1.csv', 'accounts', 4, 4],
      ['VBAK.csv', 'orders', 7, 4], // a quotation and a return are not orders; 31 February is rejected
      ['LIKP_LIPS.csv', 'deliveries', 5, 4],
      ['VBRK_VBRP.csv', 'invoices', 8, 3],
      ['BSAD.csv', 'payments', 6, 2],
    ]);
    expect(files[1].rejects).toEqual([{ line: 8, column: 'ERDAT + ERZET', reason: expect.stringContaining('20240231'), reason_zh: expect.stringMatching(/20240231.*" 不是形如/) }]);
    expect(files[4].rejects).toEqual([{ line: 6, column: 'AUGDT', reason: expect.stringContaining('31.04.2024'), reason_zh: expect.stringMatching(/"31\.04\.2024" 不是形如 07\.03\.2025 的日期$/) }]);
    for (const f of [files[0], files[2], files[3]]) expect(f.rejects).toEqual([]);
  });

  it('reads extract values (0000012001, 20240304 091530) and ALV values (12001, 07.03.2024, 14.875,00) alike', async () => {
    expect(await db.query(`SELECT order_id, ${at('created_at')}, amount, currency, account_id FROM orders ORDER BY order_id`)).toEqual([
      { order_id: '12001', created_at: '2024-03-04 09:15:30', amount: 12500, currency: 'EUR', account_id: '100001' },
      { order_id: '12002', created_at: '2024-03-05 14:30:00', amount: 980.5, currency: 'EUR', account_id: '100002' },
      { order_id: '12003', created_at: '2024-03-11 08:00:00', amount: 4300, currency: 'USD', account_id: '100003' },
      { order_id: '12004', created_at: '2024-04-02 00:00:00', amount: 2200, currency: 'EUR', account_id: 'CPD-EXPORT' },
    ]);
    expect(await db.query(`SELECT delivery_id, order_id, ${at('delivered_at')} FROM deliveries ORDER BY delivery_id`)).toEqual([
      { delivery_id: '80015001', order_id: '12001', delivered_at: '2024-03-07 00:00:00' },
      { delivery_id: '80015002', order_id: '12002', delivered_at: '2024-03-06 11:00:00' }, // no goods issue yet
      { delivery_id: '80015003', order_id: '12003', delivered_at: '2024-03-14 00:00:00' },
      { delivery_id: '80015004', order_id: '12001', delivered_at: '2024-03-20 00:00:00' },
    ]);
    // 90050002 is cancelled (FKSTO X, and 90050003 names it); 90050006 is a credit memo.
    expect(await db.query(`SELECT invoice_id, order_id, ${at('issued_at')}, amount, currency FROM invoices ORDER BY invoice_id`)).toEqual([
      { invoice_id: '90050001', order_id: '12001', issued_at: '2024-03-07 00:00:00', amount: 10000 + 1900 + 2500 + 475, currency: 'EUR' },
      { invoice_id: '90050004', order_id: '12002', issued_at: '2024-03-09 00:00:00', amount: 1166.8, currency: 'EUR' },
      { invoice_id: '90050005', order_id: '12003', issued_at: '2024-03-15 00:00:00', amount: 4300 - 100, currency: 'USD' },
    ]);
    expect(await db.query(`SELECT payment_id, invoice_id, ${at('paid_at')}, amount FROM payments ORDER BY payment_id`)).toEqual([
      { payment_id: '1000/1400000101/90050001/1', invoice_id: '90050001', paid_at: '2024-04-05 00:00:00', amount: 14875 },
      { payment_id: '1000/1400000102/90050004/1', invoice_id: '90050004', paid_at: '2024-03-20 00:00:00', amount: 1166.8 },
    ]);
    expect(await db.query(`SELECT account_id, name, industry, region FROM accounts WHERE account_id = '100002'`))
      .toEqual([{ account_id: '100002', name: 'Lumen Retail, Ltd', industry: 'RETL', region: 'GB' }]);
  });
});
