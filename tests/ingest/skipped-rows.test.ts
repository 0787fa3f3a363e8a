/**
 * Rows left out on purpose are counted with their reason: in the import report, in skipped_rows,
 * in the batch history — and undo keeps that history. Expected counts and lines were read off the
 * files by hand (the line numbers are the file's physical lines, header = line 1).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBatches } from '../../ingest/batches.ts';
import type { FileReport } from '../../ingest/import-files.ts';
import type { Database } from '../../models/db/database.ts';
import { fixture, needsSharedFolder, SHARED_FIXTURES } from '../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace, undoAndRebuild } from '../../app/workspace.ts';

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function load(...paths: string[]): Promise<FileReport[]> {
  db ??= await openWorkspace(':memory:');
  return (await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })))).files;
}

const count = async (table: string) => (await db!.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n;

/**
 * invoice_data.csv: 16 invoices, `_fivetran_deleted` TRUE on the 2nd to the 12th (11 rows, the
 * first on line 3); the other 5 (ids 40113, 40114, 40115, 40116, 50001) are live.
 */
function expectQuickBooksInvoices(report: FileReport) {
  expect(report).toMatchObject({
    preset: 'quickbooks-fivetran/invoice', rows_read: 16, rows_rejected: 0, rows_skipped: 11,
    // each live invoice is an order and an invoice
    rows_inserted: 10,
    skipped: [{ reason: 'deleted_in_source', label: 'deleted in the source system', label_zh: '源系统中已删除', rows: 11, first_line: 3 }],
  });
}

describe('QuickBooks (Fivetran): rows deleted in QuickBooks are skipped with their reason', () => {
  it('the Apache-2.0 copy of invoice_data.csv: 11 deleted rows, stored per batch', async () => {
    const [report] = await load(fixture('quickbooks/invoice_data.csv'));
    expectQuickBooksInvoices(report);
    expect((await db!.query<{ id: string }>('SELECT invoice_id AS id FROM invoices ORDER BY 1')).map((r) => r.id))
      .toEqual(['40113', '40114', '40115', '40116', '50001']);
    expect(await db!.query('SELECT batch_id, reason, rows::INTEGER AS rows, first_line::INTEGER AS first_line FROM skipped_rows'))
      .toEqual([{ batch_id: report.batch_id, reason: 'deleted_in_source', rows: 11, first_line: 3 }]);
  });

  it('the shared invoice_data.csv reads the same', needsSharedFolder('QuickBooks invoice_data.csv (shared copy)'), async () => {
    const [report] = await load(join(SHARED_FIXTURES, 'quickbooks/invoice_data.csv'));
    expectQuickBooksInvoices(report);
  });

  it('invoice lines that sell nothing (sub-totals, discounts, descriptions) are skipped as such', async () => {
    // 22 lines: 6 SubTotalLineDetail, 1 DiscountLineDetail (line 3), 1 DescriptionOnly
    const [report] = await load(fixture('quickbooks/invoice_line_data.csv'));
    expect(report).toMatchObject({ rows_read: 22, rows_loaded: 14, rows_rejected: 0, rows_skipped: 8 });
    expect(report.skipped).toEqual([expect.objectContaining({ reason: 'not_a_product_line', rows: 8, first_line: 3 })]);
  });

  it('the history lists the skipped rows per batch, and undo keeps them (what was read stays on record)', async () => {
    const [invoices] = await load(fixture('quickbooks/invoice_data.csv'));
    const [lines] = await load(fixture('quickbooks/invoice_line_data.csv'));
    const before = await listBatches(db!);
    expect(before.map((b) => [b.batch_id, b.rows_skipped, b.skipped.map((s) => s.reason)])).toEqual([
      [invoices.batch_id, 11, ['deleted_in_source']],
      [lines.batch_id, 8, ['not_a_product_line']],
    ]);
    await undoAndRebuild(db!, invoices.batch_id!);
    expect(await count('invoices')).toBe(0);
    const after = await listBatches(db!);
    expect(after[0]).toMatchObject({ batch_id: invoices.batch_id, rows_skipped: 11, undone_at: expect.any(String) });
    expect(after[0].skipped).toEqual(before[0].skipped);
    expect(await count('skipped_rows')).toBe(2);
  });
});

describe('other sources and plain files', () => {
  it('a 回款计划 (receivable plan) loads nothing: all 4 rows are planned records, not rejects', async () => {
    const [report] = await load(join(process.cwd(), 'tests/fixtures/chinese-crm/回款计划.csv'));
    expect(report).toMatchObject({ rows_read: 4, rows_loaded: 0, rows_rejected: 0, rows_skipped: 4 });
    expect(report.skipped).toEqual([expect.objectContaining({ reason: 'planned_record', label_zh: '计划记录,不是实际发生的事件', rows: 4, first_line: 2 })]);
  });

  it('SAP table exports: other document types, further items and a payment\'s own lines (tests/fixtures/sap/README.md)', async () => {
    const sap = join(process.cwd(), 'tests/fixtures/sap');
    const files = await load(join(sap, 'VBAK.csv'), join(sap, 'VBRK_VBRP.csv'), join(sap, 'BSAD.csv'));
    const reasons = files.map((f) => f.skipped.map((s) => [s.reason, s.rows]));
    expect(reasons).toEqual([
      // a quotation and a return
      [['other_document_type', 2]],
      // the second items of two invoices; 90050002 (cancelled), 90050003 (its cancellation), 90050006 (a credit memo)
      [['further_item', 2], ['other_document_type', 3]],
      // two lines of the payments themselves and a manual FI invoice: no billing document
      [['not_an_invoice_payment', 3]],
    ]);
  });

  it('a row without a value in any column is a blank row, skipped, not a reject', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-blank-'));
    const path = join(dir, 'leads.csv');
    writeFileSync(path, 'lead_id,created_at,source\nL1,2025-01-02,Web\n,,\nL2,2025-01-03,Fair\n , ,\nL3,2025-01-04,Web\n');
    const [report] = await load(path);
    expect(report).toMatchObject({ rows_read: 5, rows_loaded: 3, rows_rejected: 0, rows_skipped: 2 });
    expect(report.skipped).toEqual([expect.objectContaining({ reason: 'blank_row', rows: 2, first_line: 3 })]);
  });

  it('a plain canonical file skips nothing', async () => {
    const [report] = await load(join(process.cwd(), 'sample-data/bundle/quotes.csv'));
    expect(report.rows_skipped).toBe(0);
    expect(report.skipped).toEqual([]);
    expect(await count('skipped_rows')).toBe(0);
  });
});

describe('a reading without skip rules whose every record is taken', () => {
  it('HubSpot deal pipelines (every row a stage of the map): nothing skipped, no empty reason listed', async () => {
    const [report] = await load(fixture('hubspot/deal_pipeline_data.csv'));
    expect(report.rows_loaded).toBeGreaterThan(0);
    expect(report).toMatchObject({ rows_skipped: 0, skipped: [] });
  });
});
