import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { SourceFile, TargetPlan } from '../../../ingest/adapters/adapter.ts';
import adapter from '../../../ingest/adapters/chinese-crm.ts';
import { sniffDialect } from '../../../ingest/sniff.ts';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const FIXTURES = join(repo, 'tests/fixtures/chinese-crm');
const SHARED = process.env.LTC_FIXTURES ?? resolve(repo, '../shared/fixtures');

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
    expect(match.notes?.join(' ')).toMatch(/预计成交日期 is a planned date/);
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
    expect(match.notes?.join(' ')).toMatch(/签收日期 is empty in every row/);
  });

  it('recognises 回款计划 and loads nothing from it', () => {
    const match = detect(fixture('回款计划.csv'));
    expect(match.preset).toBe('chinese-crm/receivable-plan');
    expect(match.targets).toEqual([]);
    expect(match.notes?.join(' ')).toMatch(/not events/);
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
    expect(match.notes?.join(' ')).toMatch(/needs a column for order_id/);
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
    expect(detect(fixture('yudao', '回款.csv')).notes?.join(' ')).toMatch(/计划回款日期 .* read as paid_at/);
  });

  it('does not take the plan export (which cites 回款编号) for payments', () => {
    const match = detect(fixture('yudao', '回款计划.csv'));
    expect(match.preset).toBe('yudao/receivable-plan');
    expect(match.targets).toEqual([]);
  });

  it('notes that yudao leads convert to customers, not opportunities', () => {
    const match = detect(fixture('yudao', '线索.csv'));
    expect(only(match.targets).fields).not.toHaveProperty('opportunity_id');
    expect(match.notes?.join(' ')).toMatch(/线索 into a 客户/);
  });
});

const SHARED_CSV_DIRS = ['salesforce', 'hubspot', 'quickbooks', 'odoo', 'crm-sales-opportunities', 'olist'];

describe.skipIf(!existsSync(SHARED))('chinese-crm detect: other sources in ../shared/fixtures', () => {
  if (!existsSync(SHARED)) console.warn(`skipped: chinese-crm leaves other sources alone (${SHARED} is absent)`);
  const files = SHARED_CSV_DIRS.flatMap((dir) => (existsSync(join(SHARED, dir))
    ? readdirSync(join(SHARED, dir)).filter((f) => f.endsWith('.csv')).map((f) => `${dir}/${f}`) : []));

  it.each(files)('does not claim %s', (file) => {
    expect(adapter.detect(sourceOf(join(SHARED, file)))).toBeNull();
  });
});
