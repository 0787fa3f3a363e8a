/**
 * Excel workbooks (issue 19): each sheet is imported as its CSV twin would be — detection, adapters,
 * rejects by sheet row, all or nothing per sheet, a second import of the same workbook seen by its
 * checksums. Workbooks are written by exceljs in the tests: a Salesforce report with title rows, a
 * Jiandaoyun (简道云) export of one sheet per form, a 1904-system workbook, a workbook bomb.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { expandArchive } from '../../ingest/archive.ts';
import type { FileReport } from '../../ingest/import-files.ts';
import { previewFile } from '../../ingest/preview.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';
import { apiServer, dashboardPost } from '../helpers/api-server.ts';
import { deflated, zeros, zipOf } from '../helpers/archive-bombs.ts';
import { ltc } from '../helpers/cli.ts';
import { tableChecksums } from '../helpers/checksums.ts';
import { bundleAsWorkbook, CHINESE_SHEET_NAMES, workbookBytes, writeWorkbook, type Cell, type SheetSpec } from '../helpers/workbooks.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const at = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));
const YUAN = '"¥"#,##0.00';

async function load(path: string, name = path.split('/').pop()!): Promise<FileReport[]> {
  db ??= await openWorkspace(':memory:');
  return (await importAndRebuild(db, [{ path, name }])).files;
}

const byName = (files: readonly FileReport[], name: string) => files.find((f) => f.path === name)!;

describe('a Salesforce opportunities report saved as .xlsx', () => {
  const header = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Created Date', 'Opportunity Owner', 'Won', 'Closed'];
  const deals: SheetSpec = {
    name: 'Opportunities Report',
    rows: [
      ['Opportunities Report'],
      ['As of 3/10/2025 9:14 AM · Filtered by: Close Date = Current FY'],
      [],
      header,
      ['0065g00000AbC01', 'Northwind - 40 Pumps', 'Northwind Traders', 'Closed Won', 48000, at(2025, 2, 14), at(2025, 1, 6, 9, 30), 'Mei Chen', true, true],
      ['0065g00000AbC02', 'Borealis Foods - Renewal', 'Borealis Foods', 'Negotiation/Review', 12500.5, at(2025, 4, 30), at(2025, 1, 20), 'Jonas Weber', false, false],
      ['0065g00000AbC03', 'Contoso, Line 3 "Retrofit"', 'Contoso Ltd', 'Closed Lost', 96000, at(2025, 3, 3), at(2024, 12, 2), 'Mei Chen', false, true],
      ['Grand Totals (3 records)', null, null, null, { formula: 'SUM(E5:E7)', result: 156500.5 }],
      [],
      ['Confidential Information - Do Not Distribute'],
      ['Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.'],
    ],
    merges: ['A1:J1'],
    numFmts: { E: '[$$-409]#,##0.00' },
  };

  it('finds the header below the title rows, reads date cells as dates and currency cells as plain numbers', async () => {
    const files = await load(await writeWorkbook(join(dir, 'report.xlsx'), [deals]));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      path: 'report.xlsx › Opportunities Report', preset: 'salesforce-report/opportunity', header_line: 4,
      rows_loaded: 3, rows_rejected: 0, rejects: [],
    });
    expect(files[0].error).toBeUndefined();
    expect(files[0].skipped.map((s) => [s.reason, s.first_line])).toEqual([['totals_row', 8], ['report_footer', 10]]);
    const rows = await db!.query<{ id: string; amount: number; created: string; closed: string; won: boolean; is_closed: boolean }>(
      `SELECT opportunity_id AS id, amount, is_won AS won, is_closed, strftime(created_at, '%Y-%m-%d %H:%M') AS created, strftime(closed_at, '%Y-%m-%d') AS closed
       FROM opportunities ORDER BY 1`);
    expect(rows).toEqual([
      { id: '0065g00000AbC01', amount: 48000, created: '2025-01-06 09:30', closed: '2025-02-14', won: true, is_closed: true },
      { id: '0065g00000AbC02', amount: 12500.5, created: '2025-01-20 00:00', closed: '2025-04-30', won: false, is_closed: false },
      { id: '0065g00000AbC03', amount: 96000, created: '2024-12-02 00:00', closed: '2025-03-03', won: false, is_closed: true },
    ]);
  });

  it('the preview shows the sheet as it will be read', async () => {
    db = await openWorkspace(':memory:');
    const path = await writeWorkbook(join(dir, 'preview.xlsx'), [deals, { name: 'Hidden', rows: [['a', 'b'], ['1', '2']], state: 'hidden' }]);
    const previews = await previewFile(db, path, 'preview.xlsx');
    expect(previews.map((p) => p.path)).toEqual(['preview.xlsx › Opportunities Report', 'preview.xlsx › Hidden']);
    expect(previews[0]).toMatchObject({ header_line: 4, headers: header, preset: 'salesforce-report/opportunity', encoding: 'utf-8' });
    expect(previews[0].rows?.[1]).toMatchObject({ Amount: '12500.5', 'Close Date': '2025-04-30', 'Created Date': '2025-01-20' });
    expect(previews[0].rows?.[2]).toMatchObject({ 'Opportunity Name': 'Contoso, Line 3 "Retrofit"', 'Created Date': '2024-12-02' });
    expect(previews[1]).toEqual({
      path: 'preview.xlsx › Hidden', notes: ['a hidden sheet: not imported (unhide it in Excel to import it)'],
      notes_zh: ['隐藏的工作表:未导入(在 Excel 中取消隐藏即可导入)'],
    });
  });
});

/** A Jiandaoyun export: one sheet per form, a merged title above each header, dates and ¥ amounts as typed cells. */
function jiandaoyun(): SheetSpec[] {
  const titled = (name: string, header: string[], rows: SheetSpec['rows'], extra: Partial<SheetSpec> = {}): SheetSpec => ({
    name,
    rows: [[`${name}(导出时间:2025-06-30 18:00)`], header, ...rows],
    ...extra,
    merges: [`A1:${String.fromCharCode(64 + header.length)}1`, ...(extra.merges ?? [])],
  });
  return [
    titled('线索', ['线索编号', '线索名称', '线索来源', '创建时间', '负责人', '转化状态', '转化时间', '转化商机编号'], [
      ['XS-001', '华东机电设备采购', '展会', at(2025, 1, 6, 9, 30), '张伟', '已转化', at(2025, 1, 20, 16), 'SJ-001'],
      ['XS-002', '苏州精密零件询价\n(电话转来)', '官网', at(2025, 1, 8, 10, 15), '李娜', '已转化', at(2025, 1, 27, 11, 20), 'SJ-002'],
      ['XS-003', '华南客户询价', '转介绍', at(2025, 2, 3, 14), '王芳', '未转化'],
    ]),
    titled('商机', ['商机编号', '商机名称', '客户名称', '线索编号', '商机阶段', '输赢状态', '商机总金额', '结束时间', '创建时间', '负责人'], [
      ['SJ-001', '恒力机电装配线项目', '江苏恒力机电有限公司', 'XS-001', '赢单', '赢单', 1280000, at(2025, 2, 25), at(2025, 1, 20, 16), '张伟'],
      ['SJ-002', '瑞丰零件检测设备', '苏州瑞丰精密零件有限公司', 'XS-002', '赢单', '赢单', 356000, at(2025, 3, 10), at(2025, 1, 27, 11, 20), '李娜'],
    ], { numFmts: { G: YUAN } }),
    titled('合同', ['合同编号', '合同名称', '商机编号', '客户名称', '签约日期', '合同金额', '负责人'], [
      ['HT-001', '恒力机电装配线采购合同', 'SJ-001', '江苏恒力机电有限公司', at(2025, 2, 26), { formula: '640000*2', result: 1280000 }, '张伟'],
      ['HT-002', '瑞丰检测设备采购合同', 'SJ-002', '苏州瑞丰精密零件有限公司', at(2025, 3, 11), 356000, '李娜'],
    ], { numFmts: { F: YUAN } }),
    // A sub-form: the delivery's own cells merged down over its two product rows.
    titled('发货单', ['发货单号', '合同编号', '发货日期', '签收日期', '产品', '数量'], [
      ['FH-001', 'HT-001', at(2025, 3, 10), at(2025, 3, 13), '装配线主机', 1],
      [null, null, null, null, '备件包', 4],
      ['FH-002', 'HT-002', at(2025, 3, 20), at(2025, 3, 24), '检测设备', 2],
    ], { merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4'] }),
    titled('发票', ['开票编号', '发票号码', '合同编号', '开票日期', '开票金额', '到期日'], [
      ['KP-001', '04410231', 'HT-001', at(2025, 3, 14), 1280000, at(2025, 4, 13)],
      ['KP-002', '04410266', 'HT-002', at(2025, 3, 25), 356000, at(2025, 4, 24)],
    ], { numFmts: { E: YUAN } }),
    // Trailing cells that hold nothing (cleared in Excel, still in the file) make no rows or columns.
    titled('回款', ['回款编号', '合同编号', '发票号码', '回款日期', '回款金额', '回款方式'], [
      ['HK-001', 'HT-001', '04410231', at(2025, 4, 10), 1280000, '银行转账', '', ''],
      ['HK-002', 'HT-002', '04410266', at(2025, 4, 30), 356000, '承兑汇票'],
      ['', '', '', '', '', '', '', ''],
      [''],
    ], { numFmts: { E: YUAN } }),
    { name: '字典', rows: [['编码', '名称'], ['A', '展会']], state: 'hidden' },
    { name: '说明', rows: [['本文件由简道云导出']] },
  ];
}

describe('a Jiandaoyun (简道云) export: one sheet per form', () => {
  it('each sheet is an entry read as its CSV twin; a hidden sheet and one without a table are said, not errors', async () => {
    const files = await load(await writeWorkbook(join(dir, '简道云导出.xlsx'), jiandaoyun()));
    expect(files.map((f) => [f.path, f.kind, f.preset, f.error ?? null])).toEqual([
      ['简道云导出.xlsx › 线索', 'leads', 'chinese-crm/lead', null],
      ['简道云导出.xlsx › 商机', 'opportunities', 'chinese-crm/opportunity', null],
      ['简道云导出.xlsx › 合同', 'orders', 'chinese-crm/order', null],
      ['简道云导出.xlsx › 发货单', 'deliveries', 'chinese-crm/delivery', null],
      ['简道云导出.xlsx › 发票', 'invoices', 'chinese-crm/invoice', null],
      ['简道云导出.xlsx › 回款', 'payments', 'chinese-crm/payment', null],
      ['简道云导出.xlsx › 字典', null, null, null],
      ['简道云导出.xlsx › 说明', null, null, null],
    ]);
    for (const f of files.slice(0, 6)) expect(f).toMatchObject({ header_line: 2 });
    expect(files.slice(0, 6).map((f) => f.rows_rejected)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(byName(files, '简道云导出.xlsx › 字典')).toMatchObject({ rows_read: 0, notes_zh: ['隐藏的工作表:未导入(在 Excel 中取消隐藏即可导入)'] });
    expect(byName(files, '简道云导出.xlsx › 说明')).toMatchObject({
      rows_read: 0, notes: ['the sheet holds no table (it is empty or has a single column): not imported'],
    });
    expect(byName(files, '简道云导出.xlsx › 回款')).toMatchObject({ rows_read: 2, rows_loaded: 2, rows_skipped: 0 });

    const leads = await db!.query<{ id: string; created: string; source: string }>(
      `SELECT lead_id AS id, strftime(created_at, '%Y-%m-%d %H:%M') AS created, source FROM leads ORDER BY 1`);
    expect(leads).toEqual([
      { id: 'XS-001', created: '2025-01-06 09:30', source: '展会' },
      { id: 'XS-002', created: '2025-01-08 10:15', source: '官网' },
      { id: 'XS-003', created: '2025-02-03 14:00', source: '转介绍' },
    ]);
    const amounts = await db!.query<{ id: string; amount: number }>(
      `SELECT opportunity_id AS id, amount FROM opportunities UNION ALL SELECT order_id, amount FROM orders
       UNION ALL SELECT invoice_id, amount FROM invoices UNION ALL SELECT payment_id, amount FROM payments ORDER BY 1`);
    expect(amounts).toEqual([
      { id: '04410231', amount: 1280000 }, { id: '04410266', amount: 356000 },
      { id: 'HK-001', amount: 1280000 }, { id: 'HK-002', amount: 356000 },
      { id: 'HT-001', amount: 1280000 }, { id: 'HT-002', amount: 356000 },
      { id: 'SJ-001', amount: 1280000 }, { id: 'SJ-002', amount: 356000 },
    ]);
    // The sub-form's second row carries its delivery's merged cells: the same delivery, not a row without an id.
    const deliveries = await db!.query<{ id: string; order_id: string; delivered: string }>(
      `SELECT delivery_id AS id, order_id, strftime(delivered_at, '%Y-%m-%d') AS delivered FROM deliveries ORDER BY 1`);
    expect(deliveries).toEqual([
      { id: 'FH-001', order_id: 'HT-001', delivered: '2025-03-13' },
      { id: 'FH-002', order_id: 'HT-002', delivered: '2025-03-24' },
    ]);
    // Its product rows differ, so the second is refused as the same delivery told twice, as in the CSV twin;
    // without the merged cells carried down it would be a row without a delivery number.
    expect(byName(files, '简道云导出.xlsx › 发货单')).toMatchObject({ rows_read: 3, rows_loaded: 2 });
    expect(byName(files, '简道云导出.xlsx › 发货单').rejects).toEqual([expect.objectContaining({
      line: 4, column: 'delivery_id', reason: 'duplicate delivery_id FH-001: another row of this file has the same id with different values',
    })]);
  });

  it('importing the same workbook again loads nothing: every sheet was imported before', async () => {
    const path = await writeWorkbook(join(dir, 'again.xlsx'), jiandaoyun());
    const first = await load(path);
    const before = await tableChecksums(db!);
    const second = await load(path);
    expect(second.slice(0, 6).map((f) => [f.kind, f.already_imported_as])).toEqual(first.slice(0, 6).map((f) => [f.kind, f.batch_id]));
    expect(await tableChecksums(db!)).toEqual(before);
  });

  it('a bad value is rejected by its sheet, row (as Excel numbers it, title and line breaks counted) and column', async () => {
    const sheets = jiandaoyun();
    const leads = sheets[0];
    const rows = [...leads.rows, ['XS-004', '华北客户', '展会', '下周一', '赵磊', '未转化']];
    const files = await load(await writeWorkbook(join(dir, 'bad.xlsx'), [{ ...leads, rows }]));
    expect(files[0]).toMatchObject({ path: 'bad.xlsx › 线索', rows_loaded: 3, rows_rejected: 1 });
    // Row 6: the title (1), the header (2), three leads (3–5), one of them with a line break in a cell.
    expect(files[0].rejects).toEqual([expect.objectContaining({ line: 6, column: '创建时间', reason: expect.stringContaining('"下周一"') })]);
  });
});

describe('cells', () => {
  it('a 1904-system workbook: its date serials count from 1904-01-01', async () => {
    const rows = [['lead_id', 'created_at', 'source'], ['L1', 45000, 'Web'], ['L2', at(2025, 3, 7, 9, 30), 'Fair']];
    const path = await writeWorkbook(join(dir, 'mac.xlsx'), [{ name: 'leads', rows, numFmts: { B2: 'yyyy-mm-dd' } }], { date1904: true });
    expect(await load(path)).toMatchObject([{ rows_loaded: 2, rows_rejected: 0 }]);
    const leads = await db!.query<{ id: string; created: string }>(`SELECT lead_id AS id, strftime(created_at, '%Y-%m-%d %H:%M') AS created FROM leads ORDER BY 1`);
    // Serial 45000 is 2023-03-15 in the 1900 system, 1,462 days later in the 1904 one.
    expect(leads).toEqual([{ id: 'L1', created: '2027-03-16 00:00' }, { id: 'L2', created: '2025-03-07 09:30' }]);
  });

  it('numbers whatever their format, formulas by their result, booleans, rich text, errors', async () => {
    const rows: Cell[][] = [
      ['opportunity_id', 'created_at', 'amount', 'won', 'name', 'stage'],
      ['O1', at(2025, 1, 2), 1234567.891, true, { richText: [{ text: 'Big ' }, { text: 'deal', font: { bold: true } }] }, { error: '#N/A' } as Cell],
      ['O2', { formula: 'B2+1', result: at(2025, 1, 3) }, { formula: 'C2/1000', result: 1234.567891 }, false, 'x', 'Won'],
      ['O3', at(2025, 1, 4, 23, 59, ), 0.125, { formula: 'TRUE()', result: true }, 'y', 'Won'],
    ];
    const path = await writeWorkbook(join(dir, 'cells.xlsx'), [{
      name: 'opps', rows, numFmts: { C2: '#,##0.00', C3: '"¥"#,##0.00', C4: '0.0%', B3: 'yyyy/m/d' },
    }]);
    db = await openWorkspace(':memory:');
    const [preview] = await previewFile(db, path, 'cells.xlsx');
    expect(preview.rows).toEqual([
      { opportunity_id: 'O1', created_at: '2025-01-02', amount: '1234567.891', won: 'TRUE', name: 'Big deal', stage: null },
      { opportunity_id: 'O2', created_at: '2025-01-03', amount: '1234.567891', won: 'FALSE', name: 'x', stage: 'Won' },
      { opportunity_id: 'O3', created_at: '2025-01-04 23:59:00', amount: '0.125', won: '1', name: 'y', stage: 'Won' },
    ]);
  });
  it('dates read the same under a time zone east and west of UTC', async () => {
    const rows = [['lead_id', 'created_at'], ['L1', at(2025, 3, 30, 1, 30)], ['L2', at(2025, 1, 1)], ['L3', at(2024, 12, 31, 23, 59)]];
    const path = await writeWorkbook(join(dir, 'zones.xlsx'), [{ name: 'leads', rows }]);
    db = await openWorkspace(':memory:');
    const zone = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        const [preview] = await previewFile(db, path, 'zones.xlsx');
        expect(preview.rows?.map((r) => r.created_at)).toEqual(['2025-03-30 01:30:00', '2025-01-01', '2024-12-31 23:59:00']);
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it('Chinese text stays whole where the zip\'s chunks cut a character in two', async () => {
    // About 200 KB of shared strings: several inflate chunks, each likely to end inside a 3-byte character.
    const names = Array.from({ length: 3000 }, (_, i) => `华东区域第${i}号客户线索(展会)`);
    const rows = [['lead_id', 'created_at', 'source'], ...names.map((n, i) => [`L${i}`, at(2025, 1, 1 + (i % 28)), n])];
    const files = await load(await writeWorkbook(join(dir, 'long.xlsx'), [{ name: 'leads', rows }]));
    expect(files[0]).toMatchObject({ rows_loaded: 3000, rows_rejected: 0 });
    const sources = await db!.query<{ source: string }>('SELECT source FROM leads ORDER BY CAST(substr(lead_id, 2) AS INTEGER)');
    expect(sources.map((r) => r.source)).toEqual(names);
  });
});

describe('what is not a workbook, or too big to be one', () => {
  it('a legacy .xls (or a workbook with a password) is refused, saying to save it as .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    writeFileSync(join(dir, 'old.xls'), ole);
    const [file] = await load(join(dir, 'old.xls'));
    expect(file.error).toBe('old.xls: an Excel 97–2003 workbook (.xls), or one saved with a password, cannot be read: '
      + 'open it in Excel and save it as Excel Workbook (.xlsx) without a password');
    expect(file.error_zh).toBe('old.xls: 无法读取 Excel 97–2003 工作簿(.xls)或设有密码的工作簿:请在 Excel 中打开,另存为不带密码的 Excel 工作簿(.xlsx)');
  });

  it('a file named .xlsx that is no workbook is refused, not read as text or unzipped', async () => {
    writeFileSync(join(dir, 'text.xlsx'), 'lead_id,created_at\nL1,2025-01-01\n');
    writeFileSync(join(dir, 'bundle.xlsx'), zipSync({ 'leads.csv': new TextEncoder().encode('lead_id,created_at\nL1,2025-01-01\n') }));
    for (const name of ['text.xlsx', 'bundle.xlsx']) {
      const [file] = await load(join(dir, name));
      expect(file.error).toBe(`${name}: named as an Excel workbook but it is not one (no xl/workbook.xml in it): save it again in Excel as .xlsx, or export CSV`);
    }
    // A text export some systems name .xls is read by what it holds.
    writeFileSync(join(dir, 'leads.xls'), 'lead_id\tcreated_at\nL1\t2025-01-01\n');
    expect(await load(join(dir, 'leads.xls'))).toMatchObject([{ kind: 'leads', rows_loaded: 1 }]);
  });

  it('a workbook bomb is refused with the archive bounds before a cell is read; nothing is imported', async () => {
    // A real workbook whose sheet is 20 MB of zeros (ratio ~1,000).
    const real = unzipSync(await workbookBytes([{ name: 'leads', rows: [['lead_id', 'created_at'], ['L1', at(2025, 1, 1)]] }]));
    const bomb = zipOf(Object.entries(real).filter(([part]) => !part.endsWith('/')).map(([part, bytes]) => ({
      name: part, content: part === 'xl/worksheets/sheet1.xml' ? zeros(20) : deflated(Buffer.from(bytes)),
    })));
    db = await openWorkspace(':memory:');
    await importAndRebuild(db, [{ path: await writeWorkbook(join(dir, 'first.xlsx'), [{ name: 'leads', rows: [['lead_id', 'created_at'], ['L0', at(2025, 1, 1)]] }]), name: 'first.xlsx' }]);
    const before = await tableChecksums(db);
    writeFileSync(join(dir, 'bomb.xlsx'), bomb);
    const [file] = (await importAndRebuild(db, [{ path: join(dir, 'bomb.xlsx'), name: 'bomb.xlsx' }])).files;
    expect(file.error).toBe('bomb.xlsx › xl/worksheets/sheet1.xml: expands to more than 500 times its compressed size: refused as an archive bomb');
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('a sheet whose shared strings would write past the unpack limit is refused as a whole', async () => {
    const saved = process.env.LTC_MAX_UNPACKED_MB;
    process.env.LTC_MAX_UNPACKED_MB = '0.2';
    try {
      const long = 'x'.repeat(2000);
      const rows = [['lead_id', 'created_at', 'note'], ...Array.from({ length: 200 }, (_, i) => [`L${i}`, at(2025, 1, 1), long])];
      const work = join(dir, 'strings-work');
      mkdirSync(work);
      const path = await writeWorkbook(join(dir, 'strings.xlsx'), [{ name: 'leads', rows }]);
      await expect(expandArchive(path, 'strings.xlsx', work)).rejects.toThrow(/^strings\.xlsx: expands past the 0\.2 MB limit for unpacked archives/);
      expect(readdirSync(work)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.LTC_MAX_UNPACKED_MB;
      else process.env.LTC_MAX_UNPACKED_MB = saved;
    }
  });

  it('a zip bundle holding a workbook and a CSV: the workbook\'s sheets and the CSV are entries alike', async () => {
    const book = await workbookBytes(jiandaoyun().slice(0, 2));
    const csv = new TextEncoder().encode('合同编号,合同名称,商机编号,签约日期,合同金额\nHT-001,恒力机电装配线采购合同,SJ-001,2025-02-26,"¥1,280,000.00"\n');
    writeFileSync(join(dir, 'bundle.zip'), zipSync({ '导出/简道云.xlsx': book, '导出/合同.csv': csv }));
    const files = await load(join(dir, 'bundle.zip'));
    expect(files.map((f) => [f.path, f.kind, f.rows_loaded])).toEqual([
      ['bundle.zip › 导出/合同.csv', 'orders', 1],
      ['bundle.zip › 导出/简道云.xlsx › 线索', 'leads', 3],
      ['bundle.zip › 导出/简道云.xlsx › 商机', 'opportunities', 2],
    ]);
  });
});

describe('everywhere files are taken', () => {
  it('the dashboard\'s upload and preview, and `ltc ingest`, take a workbook', async () => {
    const book = await workbookBytes(jiandaoyun());
    db = await openWorkspace(':memory:');
    const server = await apiServer(db);
    try {
      const preview = await (await dashboardPost(`${server.base}/api/import/preview?name=crm.xlsx`, book)).json();
      expect(preview.files.map((f: { path: string; preset?: string }) => [f.path, f.preset ?? null])).toEqual([
        ['crm.xlsx › 线索', 'chinese-crm/lead'], ['crm.xlsx › 商机', 'chinese-crm/opportunity'], ['crm.xlsx › 合同', 'chinese-crm/order'],
        ['crm.xlsx › 发货单', 'chinese-crm/delivery'], ['crm.xlsx › 发票', 'chinese-crm/invoice'], ['crm.xlsx › 回款', 'chinese-crm/payment'],
        ['crm.xlsx › 字典', null], ['crm.xlsx › 说明', null],
      ]);
      const imported = await dashboardPost(`${server.base}/api/import?name=crm.xlsx`, book);
      expect(imported.status).toBe(200);
      const report = await imported.json();
      expect(report.files.map((f: FileReport) => f.rows_loaded)).toEqual([3, 2, 2, 2, 2, 2, 0, 0]);
    } finally {
      await server.stop();
    }

    const workspace = join(dir, 'cli-workspace');
    mkdirSync(workspace);
    writeFileSync(join(dir, 'crm.xlsx'), book);
    const run = ltc(['ingest', join(dir, 'crm.xlsx'), '--db', join(workspace, 'ltc.duckdb'), '--lang', 'zh']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('crm.xlsx › 线索');
    expect(run.stdout).toContain('隐藏的工作表:未导入(在 Excel 中取消隐藏即可导入)');
  });
});

describe('the workbook helper (tests/helpers/workbooks.ts)', () => {
  it('the sample bundle written as a workbook of typed cells loads the same canonical rows as its CSV files', async () => {
    const bundle = join(import.meta.dirname, '../../sample-data/bundle');
    const csvFiles = readdirSync(bundle).filter((f) => f.endsWith('.csv')).sort();
    const asCsv = await openWorkspace(':memory:');
    const asBook = await openWorkspace(':memory:');
    try {
      const csvReport = await importAndRebuild(asCsv, csvFiles.map((f) => ({ path: join(bundle, f), name: f })));
      const book = await bundleAsWorkbook(bundle, join(dir, 'sample.xlsx'), { sheetNames: CHINESE_SHEET_NAMES });
      const bookReport = await importAndRebuild(asBook, [{ path: book, name: 'sample.xlsx' }]);
      expect(bookReport.files.map((f) => [f.path, f.kind, f.rows_loaded, f.rows_rejected])).toEqual(
        csvReport.files.map((f) => [`sample.xlsx › ${CHINESE_SHEET_NAMES[f.path]}`, f.kind, f.rows_loaded, f.rows_rejected]));
      // Batches name their files, and the schema row holds when the workspace was made.
      const skip = ['import_batches', 'ltc_schema'];
      expect(await tableChecksums(asBook, { skip })).toEqual(await tableChecksums(asCsv, { skip }));
    } finally {
      asCsv.close();
      asBook.close();
    }
  });
});

describe('a sheet named like another kind of file', () => {
  it('is read as the table it holds, not as an event log by its name ("events.xes", "crm.db")', async () => {
    const sheets: SheetSpec[] = [
      { name: 'events.xes', rows: [['lead_id', 'created_at', 'source'], ['L1', at(2025, 1, 2), 'Web'], ['L2', at(2025, 1, 3), 'Fair']] },
      { name: 'crm.db', rows: [['order_id', 'created_at', 'lead_id', 'amount'], ['SO1', at(2025, 2, 1), 'L1', 100]] },
    ];
    const files = await load(await writeWorkbook(join(dir, 'named.xlsx'), sheets));
    expect(files.map((f) => [f.path, f.kind, f.rows_loaded, f.error])).toEqual([
      ['named.xlsx › events.xes', 'leads', 2, undefined],
      ['named.xlsx › crm.db', 'orders', 1, undefined],
    ]);
  });
});
