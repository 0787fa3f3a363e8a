import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFile, TargetPlan } from '../../../ingest/adapters/adapter.ts';
import adapter from '../../../ingest/adapters/chinese-crm.ts';
import { chooseAdapter } from '../../../ingest/adapters/registry.ts';
import type { FileReport } from '../../../ingest/import-files.ts';
import { sniffDialect } from '../../../ingest/sniff.ts';
import type { Database } from '../../../models/db/database.ts';
import { fixture as otherExport, needsShared, SHARED_ONLY_EXPORTS, SHIPPED_EXPORTS } from '../../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../../app/workspace.ts';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const FIXTURES = join(repo, 'tests/fixtures/chinese-crm');

/** A fixture as the loader hands it to adapters: the real header row (title rows skipped), repeated headers renamed as DuckDB does. */
function sourceOf(path: string, name = basename(path)): SourceFile {
  const bytes = readFileSync(path);
  const text = path.includes('gb18030') ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8').replace(/^\ufeff/, '');
  const dialect = sniffDialect(text);
  const body = text.split(/\r\n|\n|\r/).slice(dialect.headerLine).join('\n');
  const [header, ...rows] = Papa.parse<string[]>(body, { delimiter: dialect.delimiter, skipEmptyLines: true }).data;
  const seen = new Map<string, number>();
  const headers = header.map((h) => {
    const n = seen.get(h) ?? 0;
    seen.set(h, n + 1);
    return n ? `${h}_${n}` : h;
  });
  const sample = rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] === '' || r[i] === undefined ? null : r[i]])));
  return { name, headers, sample };
}

function detect(file: SourceFile) {
  const match = adapter.detect(file);
  expect(match, `${file.name} should be recognised`).not.toBeNull();
  return match!;
}

function only(plan: readonly TargetPlan[]): TargetPlan {
  expect(plan).toHaveLength(1);
  return plan[0];
}

const fixture = (...parts: string[]) => sourceOf(join(FIXTURES, ...parts));

describe('chinese-crm detect: Jiandaoyun-style exports', () => {
  it.each([
    ['线索.csv', 'chinese-crm/lead', 'leads', { lead_id: '线索编号', created_at: '创建时间', source: '线索来源', owner: '负责人', region: '所属部门', segment: '客户行业', converted_at: '转化时间', opportunity_id: '转化商机编号' }],
    ['客户.csv', 'chinese-crm/account', 'accounts', { account_id: '客户编号', name: '客户名称', industry: '所属行业', region: '地区', segment: '客户级别', owner: '负责人' }],
    ['商机.csv', 'chinese-crm/opportunity', 'opportunities', { opportunity_id: '商机编号', created_at: '创建时间', lead_id: '线索编号', account_id: '客户编号', stage: '商机阶段', amount: '商机总金额', closed_at: '结束时间', owner: '负责人' }],
    ['报价单.csv', 'chinese-crm/quote', 'quotes', { quote_id: '报价单号', opportunity_id: '商机编号', created_at: '报价日期', amount: '报价金额' }],
    ['合同.csv', 'chinese-crm/order', 'orders', { order_id: '合同编号', created_at: '签约日期', opportunity_id: '商机编号', account_id: '客户编号', confirmed_at: '审批通过时间', amount: '合同金额' }],
    ['发货单.csv', 'chinese-crm/delivery', 'deliveries', { delivery_id: '发货单号', order_id: '合同编号', delivered_at: '签收日期', shipped_at: '发货日期' }],
    ['发票.csv', 'chinese-crm/invoice', 'invoices', { invoice_id: '发票号码', order_id: '合同编号', issued_at: '开票日期', due_at: '到期日', amount: '开票金额' }],
    ['回款记录.csv', 'chinese-crm/payment', 'payments', { payment_id: '回款编号', order_id: '合同编号', invoice_id: '发票号码', paid_at: '回款日期', amount: '回款金额' }],
    ['商机阶段变更记录.csv', 'chinese-crm/stage-history', 'events', { case_id: '商机编号', object_id: '商机编号', timestamp: '变更时间', resource: '操作人' }],
  ])('%s → %s', (file, preset, kind, fields) => {
    const match = detect(fixture(file));
    expect(match).toMatchObject({ adapter: 'chinese-crm', preset });
    const plan = only(match.targets);
    expect(plan.kind).toBe(kind);
    expect(plan.fields).toMatchObject(fields);
    // Above the generic adapter, whose best is 0.9 × coverage.
    expect(match.confidence).toBeGreaterThan(0.8);
  });

  it('reads won / closed from 输赢状态 or a terminal 商机阶段, and 转化状态 as the lead status', () => {
    const opportunity = only(detect(fixture('商机.csv')).targets);
    expect(opportunity.fields.is_won).toMatchObject({ label: '输赢状态 / 商机阶段' });
    expect(opportunity.fields.is_closed).toMatchObject({ label: '输赢状态 / 商机阶段' });
    const lead = only(detect(fixture('线索.csv')).targets);
    expect(lead.fields.status).toMatchObject({ label: '转化状态' });
    expect(lead.fields).not.toHaveProperty('qualified_at');
  });

  it('keeps 预计成交日期 out of closed_at: it is a planned date', () => {
    const file = fixture('商机.csv');
    const withoutActual = { ...file, headers: file.headers.filter((h) => h !== '结束时间') };
    const match = detect(withoutActual);
    expect(only(match.targets).fields).not.toHaveProperty('closed_at');
    expect(match.notes?.map((n) => n.en).join(' ')).toMatch(/预计成交日期 is a planned date/);
  });

  it('the payment export with a title row and two 合同编号 columns links by the first', () => {
    const file = fixture('回款记录.csv');
    expect(file.headers).toEqual(['回款编号', '合同编号', '合同编号_1', '发票号码', '回款日期', '回款金额', '回款方式', '负责人']);
    expect(only(detect(file).targets).fields.order_id).toBe('合同编号');
  });

  it('reads the GB18030 copy of the payment export exactly like the UTF-8 one', () => {
    const utf8 = detect(fixture('回款记录.csv'));
    const gb = detect(fixture('gb18030', '回款记录.csv'));
    expect(gb).toEqual(utf8);
  });

  it('takes 发货日期 as the delivery when the 签收日期 column is never filled', () => {
    const file = fixture('发货单.csv');
    const unsigned = { ...file, sample: file.sample.map((row) => ({ ...row, 签收日期: null })) };
    const match = detect(unsigned);
    expect(only(match.targets).fields).toMatchObject({ delivered_at: '发货日期', shipped_at: '发货日期' });
    expect(match.notes?.map((n) => n.en).join(' ')).toMatch(/签收日期 is empty in every row/);
  });

  it('recognises 回款计划 and loads nothing from it', () => {
    const match = detect(fixture('回款计划.csv'));
    expect(match.preset).toBe('chinese-crm/receivable-plan');
    expect(match.targets).toEqual([]);
    expect(match.notes?.map((n) => n.en).join(' ')).toMatch(/not events/);
  });

  it('ignores a unit after the header name: 合同金额(元), 开票金额（元）', () => {
    const file = fixture('合同.csv');
    const withUnit = { ...file, headers: file.headers.map((h) => (h === '合同金额' ? '合同金额(元)' : h)) };
    expect(only(detect(withUnit).targets).fields.amount).toBe('合同金额(元)');
    const invoice = fixture('发票.csv');
    const fullWidth = { ...invoice, headers: invoice.headers.map((h) => (h === '开票金额' ? '开票金额（元）' : h)) };
    expect(only(detect(fullWidth).targets).fields.amount).toBe('开票金额（元）');
  });

  it('breaks a tie between two objects by the file name', () => {
    const headers = ['编号', '线索名称', '客户名称', '创建时间'];
    expect(detect({ name: '线索.csv', headers, sample: [] }).preset).toBe('chinese-crm/lead');
    expect(detect({ name: '客户.csv', headers, sample: [] }).preset).toBe('chinese-crm/account');
  });

  it('lowers its confidence and says what is missing when a required column is absent', () => {
    const file = fixture('发票.csv');
    const match = detect({ ...file, headers: file.headers.filter((h) => h !== '合同编号') });
    expect(match.confidence).toBeLessThan(0.5);
    expect(match.notes?.map((n) => n.en).join(' ')).toMatch(/needs a column for order_id/);
  });

  it('returns null for files that are not a CRM object', () => {
    expect(adapter.detect({ name: 'notes.csv', headers: ['日期', '备注', '金额'], sample: [] })).toBeNull();
    expect(adapter.detect({ name: 'orders.csv', headers: ['order_id', 'created_at', 'amount'], sample: [] })).toBeNull();
  });
});

describe('chinese-crm detect: yudao (ruoyi-vue-pro) exports', () => {
  it.each([
    ['线索.csv', 'yudao/lead', 'leads', { lead_id: '编号', created_at: '创建时间', source: '客户来源', owner: '负责人名字', region: '地区名称', segment: '所属行业' }],
    ['客户.csv', 'yudao/account', 'accounts', { account_id: '编号', name: '客户名称', industry: '所属行业', segment: '客户等级', owner: '负责人名字' }],
    ['商机.csv', 'yudao/opportunity', 'opportunities', { opportunity_id: '编号', created_at: '创建时间', stage: '商机状态', amount: '商机总金额', owner: '负责人名字' }],
    ['合同.csv', 'yudao/order', 'orders', { order_id: '合同编号', created_at: '下单日期', opportunity_id: '商机编号', account_id: '客户编号', amount: '合同金额' }],
    ['回款.csv', 'yudao/payment', 'payments', { payment_id: '回款编号', order_id: '合同编号', paid_at: '计划回款日期', amount: '回款金额' }],
  ])('yudao/%s → %s', (file, preset, kind, fields) => {
    const match = detect(fixture('yudao', file));
    expect(match.preset).toBe(preset);
    const plan = only(match.targets);
    expect(plan.kind).toBe(kind);
    expect(plan.fields).toMatchObject(fields);
  });

  it('the contract export repeats 合同编号 (record id, then contract number): the id, which 回款 links by, is the order id', () => {
    const file = fixture('yudao', '合同.csv');
    expect(file.headers.slice(0, 3)).toEqual(['合同编号', '合同名称', '合同编号_1']);
    expect(file.sample[0]).toMatchObject({ 合同编号: '2048', 合同编号_1: 'HT20240322001' });
    expect(only(detect(file).targets).fields.order_id).toBe('合同编号');
  });

  it('reads the coded 结束状态 (1 赢单, 2 输单, 3 无效) for won / closed', () => {
    const fields = only(detect(fixture('yudao', '商机.csv')).targets).fields;
    expect(fields.is_won).toMatchObject({ label: '结束状态 / 商机状态' });
    expect((fields.is_won as { sql: string }).sql).toContain(`trim("结束状态") IN ('赢单'`);
    expect((fields.is_closed as { sql: string }).sql).toMatch(/'1', '2', '3'\)/);
  });

  it('says why 计划回款日期 of a 回款 export is the payment date', () => {
    expect(detect(fixture('yudao', '回款.csv')).notes?.map((n) => n.en).join(' ')).toMatch(/计划回款日期 .* read as paid_at/);
  });

  it('does not take the plan export (which cites 回款编号) for payments', () => {
    const match = detect(fixture('yudao', '回款计划.csv'));
    expect(match.preset).toBe('yudao/receivable-plan');
    expect(match.targets).toEqual([]);
  });

  it('notes that yudao leads convert to customers, not opportunities', () => {
    const match = detect(fixture('yudao', '线索.csv'));
    expect(only(match.targets).fields).not.toHaveProperty('opportunity_id');
    expect(match.notes?.map((n) => n.en).join(' ')).toMatch(/线索 into a 客户/);
  });
});

describe('chinese-crm detect: the Fivetran seeds', () => {
  it.each(SHIPPED_EXPORTS)('does not claim %s', (file) => {
    expect(adapter.detect(sourceOf(otherExport(file)))).toBeNull();
  });
});

describe('chinese-crm detect: other sources’ exports', needsShared('chinese-crm vs other exports', SHARED_ONLY_EXPORTS), () => {
  it.each(SHARED_ONLY_EXPORTS)('does not claim %s', (file) => {
    expect(adapter.detect(sourceOf(otherExport(file)))).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Through the real pipeline: decoding, sniffing, DuckDB's reader, value formats, upserts, model.

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function importFixtures(...files: string[]): Promise<Record<string, FileReport>> {
  db ??= await openWorkspace(':memory:');
  const { files: reports } = await importAndRebuild(db, files.map((f) => ({ path: join(FIXTURES, f), name: basename(f) })));
  return Object.fromEntries(reports.map((r, i) => [files[i], r]));
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return db!.query(sql);
}

const ts = (column: string) => `strftime(${column}, '%Y-%m-%d %H:%M') AS ${column}`;

const JIANDAOYUN = ['线索.csv', '客户.csv', '商机.csv', '报价单.csv', '合同.csv', '发货单.csv', '发票.csv', '回款记录.csv', '商机阶段变更记录.csv'];

describe('chinese-crm import: Jiandaoyun-style bundle', () => {
  it('loads every object into its table, rejecting only the bad rows with their line', async () => {
    const reports = await importFixtures(...JIANDAOYUN);
    const summary = Object.fromEntries(Object.entries(reports).map(([f, r]) =>
      [f, [r.kind, r.preset, r.rows_loaded, r.rows_rejected, r.error ?? null]]));
    expect(summary).toEqual({
      '线索.csv': ['leads', 'chinese-crm/lead', 8, 1, null],
      '客户.csv': ['accounts', 'chinese-crm/account', 5, 0, null],
      '商机.csv': ['opportunities', 'chinese-crm/opportunity', 6, 0, null],
      '报价单.csv': ['quotes', 'chinese-crm/quote', 5, 0, null],
      '合同.csv': ['orders', 'chinese-crm/order', 4, 0, null],
      '发货单.csv': ['deliveries', 'chinese-crm/delivery', 3, 1, null],
      '发票.csv': ['invoices', 'chinese-crm/invoice', 4, 0, null],
      '回款记录.csv': ['payments', 'chinese-crm/payment', 5, 1, null],
      '商机阶段变更记录.csv': ['events', 'chinese-crm/stage-history', 8, 0, null],
    });
    // 2025/2/30 does not exist; FH-250428 is shipped but not signed for; 待确认 is no amount.
    expect(reports['线索.csv'].rejects).toEqual([{ line: 10, column: '创建时间', reason: expect.stringContaining('2025/2/30 10:00'), reason_zh: expect.stringMatching(/"2025\/2\/30 10:00" 不是形如/) }]);
    expect(reports['发货单.csv'].rejects).toEqual([{ line: 5, column: '签收日期', reason: expect.stringContaining('delivered_at is missing'), reason_zh: '缺少 delivered_at(签收日期 为空)' }]);
    expect(reports['回款记录.csv'].rejects).toEqual([{ line: 8, column: '回款金额', reason: expect.stringContaining('待确认'), reason_zh: expect.stringMatching(/"待确认" 不是形如/) }]);
    expect(reports['回款记录.csv'].header_line).toBe(2);
  });

  it('leads: Y/M/D times, 转化状态 as status, department as region, the rest as attributes', async () => {
    await importFixtures('线索.csv');
    expect(await rows(`SELECT lead_id, ${ts('created_at')}, ${ts('converted_at')}, status, source, owner, region, segment, opportunity_id,
        attributes->>'客户级别' AS level FROM leads WHERE lead_id IN ('XS-2025-001', 'XS-2025-003') ORDER BY lead_id`)).toEqual([
      { lead_id: 'XS-2025-001', created_at: '2025-01-06 09:30', converted_at: '2025-01-20 16:00', status: '已转化', source: '展会',
        owner: '张伟', region: '华东大区', segment: '机械制造', opportunity_id: 'SJ-2025-001', level: 'A级' },
      { lead_id: 'XS-2025-003', created_at: '2025-01-13 14:00', converted_at: null, status: '未转化', source: '电话营销',
        owner: '王强', region: '华南大区', segment: '食品饮料', opportunity_id: null, level: 'B级' },
    ]);
  });

  it('opportunities: 2025年1月20日 dates, ¥ amounts, won / lost / open from 输赢状态', async () => {
    await importFixtures('商机.csv');
    expect(await rows(`SELECT opportunity_id, ${ts('created_at')}, ${ts('closed_at')}, amount, is_won, is_closed, stage, lead_id, account_id,
        attributes->>'预计成交日期' AS expected FROM opportunities WHERE opportunity_id IN ('SJ-2025-001', 'SJ-2025-003', 'SJ-2025-005')
        ORDER BY opportunity_id`)).toEqual([
      { opportunity_id: 'SJ-2025-001', created_at: '2025-01-20 00:00', closed_at: '2025-02-25 00:00', amount: 1280000, is_won: true,
        is_closed: true, stage: '赢单', lead_id: 'XS-2025-001', account_id: 'KH-0001', expected: '2025年3月31日' },
      { opportunity_id: 'SJ-2025-003', created_at: '2025-02-18 00:00', closed_at: null, amount: 2150000, is_won: false,
        is_closed: false, stage: '商务谈判', lead_id: 'XS-2025-004', account_id: 'KH-0003', expected: '2025年6月30日' },
      { opportunity_id: 'SJ-2025-005', created_at: '2025-03-19 00:00', closed_at: '2025-05-12 00:00', amount: 1760000, is_won: false,
        is_closed: true, stage: '输单', lead_id: 'XS-2025-007', account_id: 'KH-0005', expected: '2025年5月31日' },
    ]);
  });

  it('quotes, orders, deliveries and invoices keep their links, dates and amounts', async () => {
    await importFixtures('报价单.csv', '合同.csv', '发货单.csv', '发票.csv');
    expect(await rows(`SELECT quote_id, opportunity_id, ${ts('created_at')}, amount FROM quotes WHERE quote_id = 'BJ-250214'`))
      .toEqual([{ quote_id: 'BJ-250214', opportunity_id: 'SJ-2025-001', created_at: '2025-02-14 00:00', amount: 1280000 }]);
    expect(await rows(`SELECT order_id, opportunity_id, account_id, ${ts('created_at')}, ${ts('confirmed_at')}, amount FROM orders
        WHERE order_id IN ('HT-2025-001', 'HT-2025-004') ORDER BY order_id`)).toEqual([
      { order_id: 'HT-2025-001', opportunity_id: 'SJ-2025-001', account_id: 'KH-0001', created_at: '2025-02-26 00:00', confirmed_at: '2025-02-27 10:12', amount: 1280000 },
      { order_id: 'HT-2025-004', opportunity_id: null, account_id: 'KH-0001', created_at: '2025-04-21 00:00', confirmed_at: null, amount: 96000 },
    ]);
    expect(await rows(`SELECT delivery_id, order_id, ${ts('delivered_at')}, ${ts('shipped_at')} FROM deliveries ORDER BY delivery_id`)).toEqual([
      { delivery_id: 'FH-250310', order_id: 'HT-2025-001', delivered_at: '2025-03-13 00:00', shipped_at: '2025-03-10 00:00' },
      { delivery_id: 'FH-250320', order_id: 'HT-2025-002', delivered_at: '2025-03-21 00:00', shipped_at: '2025-03-20 00:00' },
      { delivery_id: 'FH-250325', order_id: 'HT-2025-001', delivered_at: '2025-03-28 00:00', shipped_at: '2025-03-25 00:00' },
    ]);
    // 发票号码 keeps its leading zero: it is an id, and 回款 rows cite it.
    expect(await rows(`SELECT invoice_id, order_id, ${ts('issued_at')}, ${ts('due_at')}, amount, attributes->>'开票编号' AS record
        FROM invoices WHERE invoice_id = '04410231'`)).toEqual([
      { invoice_id: '04410231', order_id: 'HT-2025-001', issued_at: '2025-03-14 00:00', due_at: '2025-04-13 00:00', amount: 640000, record: 'KP-001' },
    ]);
  });

  it('payments naming only the contract are applied to its invoices oldest first', async () => {
    await importFixtures('合同.csv', '发票.csv', '回款记录.csv');
    expect(await rows(`SELECT payment_id, order_id, invoice_id, ${ts('paid_at')}, amount FROM payments
        WHERE payment_id IN ('HK-250410', 'HK-250415') ORDER BY payment_id`)).toEqual([
      { payment_id: 'HK-250410', order_id: 'HT-2025-001', invoice_id: '04410231', paid_at: '2025-04-10 00:00', amount: 640000 },
      { payment_id: 'HK-250415', order_id: 'HT-2025-002', invoice_id: null, paid_at: '2025-04-15 00:00', amount: 200000 },
    ]);
    // 04410252 (356,000) is paid by HK-250415 (200,000) and HK-250430 (156,000), which name only HT-2025-002.
    expect(await rows(`SELECT invoice_id, paid_amount, ${ts('paid_at')} FROM model.invoice_facts
        WHERE invoice_id IN ('04410252', '04410307') ORDER BY invoice_id`)).toEqual([
      { invoice_id: '04410252', paid_amount: 356000, paid_at: '2025-04-30 00:00' },
      { invoice_id: '04410307', paid_amount: 300000, paid_at: null },
    ]);
  });

  it('stage changes become the opportunity\'s events', async () => {
    await importFixtures('商机阶段变更记录.csv');
    expect(await rows(`SELECT activity, ${ts('timestamp')}, resource, object_type, object_id FROM events
        WHERE case_id = 'SJ-2025-002' ORDER BY timestamp`)).toEqual([
      { activity: 'Stage: 初步接洽', timestamp: '2025-01-27 11:30', resource: '李娜', object_type: 'opportunity', object_id: 'SJ-2025-002' },
      { activity: 'Stage: 方案报价', timestamp: '2025-02-20 15:00', resource: '李娜', object_type: 'opportunity', object_id: 'SJ-2025-002' },
      { activity: 'Stage: 赢单', timestamp: '2025-03-10 10:20', resource: '李娜', object_type: 'opportunity', object_id: 'SJ-2025-002' },
    ]);
  });

  it('loads the GB18030 (CRLF) copy of 回款记录.csv exactly like the UTF-8 one', async () => {
    const table = 'SELECT * EXCLUDE (batch_id) FROM payments ORDER BY payment_id';
    const utf8 = (await importFixtures('回款记录.csv'))['回款记录.csv'];
    const utf8Rows = await rows(table);
    db!.close();
    db = undefined;
    const gb = (await importFixtures('gb18030/回款记录.csv'))['gb18030/回款记录.csv'];
    expect(gb.encoding).toBe('gb18030');
    expect(utf8.encoding).toBe('utf-8');
    expect(await rows(table)).toEqual(utf8Rows);
    expect(utf8Rows).toHaveLength(5);
    expect(gb.rejects).toEqual(utf8.rejects);
    expect(gb.mapping).toEqual(utf8.mapping);
  });
});

describe('chinese-crm import: yudao bundle', () => {
  it('loads leads, customers, opportunities, contracts and receivables', async () => {
    const files = ['线索.csv', '客户.csv', '商机.csv', '合同.csv', '回款.csv'].map((f) => `yudao/${f}`);
    const reports = await importFixtures(...files);
    expect(Object.values(reports).map((r) => [r.preset, r.rows_loaded, r.rows_rejected, r.error ?? null])).toEqual([
      ['yudao/lead', 3, 0, null], ['yudao/account', 2, 0, null], ['yudao/opportunity', 4, 0, null],
      ['yudao/order', 3, 0, null], ['yudao/payment', 3, 0, null],
    ]);
    expect(await rows(`SELECT lead_id, status, source, ${ts('created_at')} FROM leads ORDER BY lead_id LIMIT 2`)).toEqual([
      { lead_id: '3001', status: '已转化', source: '搜索引擎', created_at: '2024-02-26 09:15' },
      { lead_id: '3002', status: '未转化', source: '促销', created_at: '2024-03-04 14:20' },
    ]);
    expect(await rows('SELECT opportunity_id, is_won, is_closed, amount FROM opportunities ORDER BY opportunity_id')).toEqual([
      { opportunity_id: '1024', is_won: true, is_closed: true, amount: 114000 },
      { opportunity_id: '1025', is_won: false, is_closed: true, amount: 380000 },
      { opportunity_id: '1026', is_won: false, is_closed: false, amount: 60000 },
      { opportunity_id: '1027', is_won: true, is_closed: true, amount: 45000 },
    ]);
    expect(await rows(`SELECT order_id, opportunity_id, account_id, ${ts('created_at')}, amount, attributes->>'合同编号_1' AS contract_no
        FROM orders WHERE order_id = '2048'`)).toEqual([
      { order_id: '2048', opportunity_id: '1024', account_id: '501', created_at: '2024-03-22 00:00', amount: 114000, contract_no: 'HT20240322001' },
    ]);
    expect(await rows(`SELECT payment_id, order_id, ${ts('paid_at')}, amount FROM payments ORDER BY paid_at`)).toEqual([
      { payment_id: 'R20240415001', order_id: '2048', paid_at: '2024-04-15 00:00', amount: 57000 },
      { payment_id: 'R20240506001', order_id: '2049', paid_at: '2024-05-06 00:00', amount: 20000 },
      { payment_id: 'R20240520001', order_id: '2048', paid_at: '2024-05-20 00:00', amount: 57000 },
    ]);
  });
});

describe('chinese-crm import: 回款计划', () => {
  it('is claimed by chinese-crm although it loads nothing', async () => {
    for (const file of ['yudao/回款计划.csv', '回款计划.csv']) {
      const choice = await chooseAdapter(sourceOf(join(FIXTURES, file)));
      expect('match' in choice && choice.match.adapter, file).toBe('chinese-crm');
    }
  });

  it('changes no table: the contracts stay as the contract export has them', async () => {
    await importFixtures('yudao/合同.csv');
    const before = await rows('SELECT * EXCLUDE (batch_id) FROM orders ORDER BY order_id');
    const reports = await importFixtures('yudao/回款计划.csv', '回款计划.csv');
    for (const report of Object.values(reports)) {
      expect(report).toMatchObject({ kind: null, preset: expect.stringMatching(/\/receivable-plan$/), rows_loaded: 0 });
      expect(report.error).toBeUndefined();
      expect(report.notes?.join(' ')).toMatch(/not events/);
    }
    expect(await rows('SELECT * EXCLUDE (batch_id) FROM orders ORDER BY order_id')).toEqual(before);
  });
});
