/**
 * Chinese CRM exports: Jiandaoyun (简道云) forms, Xiaoshouyi (销售易), Fxiaoke (纷享销客) and the
 * open-source yudao / ruoyi-vue-pro CRM module. One file is one object, told apart by the headers
 * only that object's export carries (线索名称, 商机阶段, 下单日期, 发货日期, 开票日期, 回款日期 …),
 * the object's own number being the first column and, to break ties, the file name (线索.csv).
 *
 * | object | preset | table | own id |
 * |---|---|---|---|
 * | 线索 | …/lead | leads | 线索编号 |
 * | 客户 | …/account | accounts | 客户编号 |
 * | 商机 / 销售机会 | …/opportunity | opportunities | 商机编号 |
 * | 报价单 | …/quote | quotes | 报价单号 |
 * | 合同 / 订单 | …/order | orders | 订单编号, else 合同编号 |
 * | 发货单 | …/delivery | deliveries | 发货单号 |
 * | 发票 / 开票 | …/invoice | invoices | 发票号码 (what 回款 rows cite), else 开票编号 |
 * | 回款 (记录) | …/payment | payments | 回款编号 |
 * | 商机阶段变更记录 | …/stage-history | events, activity "Stage: <变更后阶段>" | 商机编号 |
 * | 回款计划 | …/receivable-plan | none (see below) | 计划编号 |
 *
 * The preset is `yudao/…` when the file is a yudao export (people columns 负责人名字 / 创建人名字;
 * the own id is often the bare 编号), else `chinese-crm/…`. yudao repeats 合同编号 in
 * contract and plan exports (the record id, then the contract number; DuckDB names the second
 * 合同编号_1): the first is the one every other yudao export links by, so it is the order id.
 *
 * Decisions:
 * - 商机 won/closed come from 输赢状态 / 结束状态 (yudao: 1 赢单, 2 输单, 3 无效) or a terminal stage
 *   (赢单, 输单 …); closed_at only from an actual close column (结束时间, 结单日期 …): 预计成交日期 is
 *   a planned date, not an event (docs/measures.md), and stays an attribute.
 * - 发货单: delivered_at is 签收日期 (the customer signed for the goods) whenever the export fills
 *   that column, with 发货日期 as shipped_at. Mixing receipt and ship dates in one column would make
 *   订单处理时间 mean two things; a row not yet signed for is rejected as "delivered_at is missing",
 *   so its order stays open (censored). A 签收 column left empty throughout is ignored and 发货日期
 *   is the delivery.
 * - 回款 naming only 合同编号 loads with order_id; the model applies it to that order's invoices
 *   oldest first (docs/linking.md).
 * - 回款计划 is recognised and loads nothing: planned dates and amounts are not events (docs/measures.md),
 *   and a plan names its contract, not an invoice, so it cannot become an invoice's due_at.
 */
import type { Message } from '../../models/messages/catalogue.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import { CONTRACT, type TableKind } from '../../models/db/contract.ts';
import { col, lit, nameHint, normalizeHeader, type Adapter, type AdapterMatch, type FieldSource, type SourceFile } from './adapter.ts';

type Find = (...names: string[]) => string | undefined;
type Fields = Record<string, FieldSource | undefined>;

interface Layout {
  /** the preset's object name */
  readonly object: string;
  /** null: recognised, nothing to load */
  readonly kind: TableKind | null;
  /** fragments of the file name that name this object */
  readonly fileNames: readonly string[];
  /** the object's own number, most specific first (yudao's bare 编号 is tried last) */
  readonly ids: readonly string[];
  /** headers that only this object's export carries */
  readonly markers: readonly string[];
  fields(find: Find, file: SourceFile, notes: Message[]): Fields;
}

const CREATED = ['创建时间', '创建日期', '提交时间', '录入时间'];
const OWNER = ['负责人', '负责人名字', '销售负责人', '所属人', '归属人'];
const REGION = ['区域', '所属区域', '大区', '地区', '地区名称', '所在地区', '省份', '所属部门', '负责人部门'];
const CURRENCY = ['币种', '货币'];
const ORDER_REF = ['合同编号', '订单编号', '销售订单编号'];

const WON = ['赢单', '已赢单', '赢单关闭', '成交', '已成交', '签约', '已签约'];
const LOST = ['输单', '已输单', '输单关闭', '丢单', '已丢单', '无效', '失败', '关闭', '已关闭', '作废'];

const LAYOUTS: readonly Layout[] = [
  {
    object: 'lead', kind: 'leads', fileNames: ['线索', 'clue', 'lead'],
    ids: ['线索编号', '线索ID', '销售线索编号', '线索号'],
    markers: ['线索名称', '销售线索名称', '线索来源', '线索状态', '转化状态', '转换状态', '转化时间', '转换时间', '转化商机编号', '转换商机编号'],
    fields: (find, file, notes) => {
      const conversion = find('转化状态', '转换状态');
      if (isYudao(find) && !find('转化商机编号', '商机编号')) notes.push(importNote('crm_yudao_leads'));
      return {
        created_at: find(...CREATED), source: find('线索来源', '来源', '客户来源'), owner: find(...OWNER),
        status: find('线索状态') ?? (conversion && { sql: conversionStatus(conversion), label: conversion }),
        region: find(...REGION), segment: find('客户行业', '所属行业', '行业', '客户级别', '客户等级'),
        account_id: find('客户编号', '转化客户编号'), qualified_at: find('有效时间', '确认有效时间'),
        disqualified_at: find('无效时间', '作废时间'), converted_at: find('转化时间', '转换时间', '转化日期'),
        opportunity_id: find('转化商机编号', '转换商机编号', '商机编号', '关联商机编号'),
      };
    },
  },
  {
    object: 'account', kind: 'accounts', fileNames: ['客户', 'customer', 'account'],
    ids: ['客户编号', '客户ID', '客户号'],
    markers: ['客户名称', '成交状态', '锁定状态', '客户类型', '客户状态'],
    fields: (find) => ({
      name: find('客户名称', '公司名称'), industry: find('所属行业', '客户行业', '行业'), region: find(...REGION),
      segment: find('客户级别', '客户等级', '客户分级'), owner: find(...OWNER),
    }),
  },
  {
    object: 'opportunity', kind: 'opportunities', fileNames: ['商机', '销售机会', 'business', 'opportunit'],
    ids: ['商机编号', '商机ID', '机会编号', '销售机会编号'],
    markers: ['商机名称', '机会名称', '商机阶段', '销售阶段', '商机状态', '商机状态组', '结束状态', '输赢状态', '赢单/输单',
      '商机总金额', '商机金额', '预计成交金额', '预计成交日期', '结单日期', '赢率'],
    fields: (find, file, notes) => {
      const stage = find('商机阶段', '销售阶段', '商机状态', '阶段');
      const closedAt = find('结束时间', '结单日期', '赢单时间', '实际成交日期', '成交日期', '关闭时间');
      if (!closedAt && find('预计成交日期')) notes.push(importNote('crm_planned_close'));
      return {
        created_at: find(...CREATED), lead_id: find('线索编号', '来源线索编号'), account_id: find('客户编号', '客户ID'),
        stage, ...outcome(find, stage), closed_at: closedAt, currency: find(...CURRENCY), owner: find(...OWNER),
        amount: find('商机总金额', '商机金额', '预计成交金额', '预计金额', '机会金额', '销售金额'),
      };
    },
  },
  {
    object: 'quote', kind: 'quotes', fileNames: ['报价', 'quote'],
    ids: ['报价单号', '报价单编号', '报价编号'],
    markers: ['报价日期', '报价金额', '报价总金额', '报价状态', '报价有效期'],
    fields: (find) => ({
      opportunity_id: find('商机编号', '机会编号'), created_at: find('报价日期', ...CREATED),
      sent_at: find('发送日期', '发送时间'), accepted_at: find('接受日期', '客户确认日期', '确认日期'),
      amount: find('报价金额', '报价总金额', '总金额'),
    }),
  },
  {
    object: 'order', kind: 'orders', fileNames: ['合同', '订单', 'contract', 'order'],
    ids: ['订单编号', '销售订单编号', '订单号', '合同编号'],
    markers: ['合同名称', '订单名称', '下单日期', '签约日期', '签订日期', '订单日期', '合同金额', '订单金额', '合同总金额',
      '订单总金额', '审批通过时间', '已回款金额'],
    fields: (find) => ({
      created_at: find('下单日期', '签约日期', '签订日期', '订单日期', ...CREATED), opportunity_id: find('商机编号', '机会编号'),
      lead_id: find('线索编号'), account_id: find('客户编号', '客户ID'),
      confirmed_at: find('审批通过时间', '审核通过时间', '审批时间', '审核时间', '生效日期'),
      amount: find('合同金额', '订单金额', '合同总金额', '订单总金额'), currency: find(...CURRENCY),
    }),
  },
  {
    object: 'delivery', kind: 'deliveries', fileNames: ['发货', 'deliver', 'shipment'],
    ids: ['发货单号', '发货单编号', '发货编号', '出库单号'],
    markers: ['发货日期', '发货时间', '签收日期', '签收时间', '收货日期', '物流单号', '快递单号', '物流公司'],
    fields: (find, file, notes) => {
      const shipped = find('发货日期', '发货时间', '出库日期');
      const signed = find('签收日期', '签收时间', '收货日期', '实际收货日期', '送达日期');
      const signedUsed = signed !== undefined && file.sample.some((row) => (row[signed] ?? '').trim() !== '');
      if (signed && !signedUsed) notes.push(shipped ? importNote('crm_signed_empty', { signed, shipped }) : importNote('crm_signed_empty_no_ship', { signed }));
      else if (signed) notes.push(importNote('crm_signed', { signed }));
      return { order_id: find(...ORDER_REF), delivered_at: signedUsed ? signed : shipped, shipped_at: shipped };
    },
  },
  {
    object: 'invoice', kind: 'invoices', fileNames: ['发票', '开票', 'invoice'],
    ids: ['发票号码', '发票号', '发票编号', '开票编号', '开票单号', '开票申请编号'],
    markers: ['开票日期', '开票时间', '开票金额', '发票金额', '发票类型', '发票抬头', '价税合计', '税额'],
    fields: (find) => ({
      order_id: find(...ORDER_REF), issued_at: find('开票日期', '开票时间'),
      due_at: find('到期日', '到期日期', '应收款到期日', '付款到期日', '收款到期日'),
      amount: find('开票金额', '发票金额', '价税合计'), currency: find(...CURRENCY),
    }),
  },
  {
    object: 'payment', kind: 'payments', fileNames: ['回款', '收款', 'receivable', 'payment'],
    ids: ['回款编号', '回款单号', '收款编号', '收款单号', '回款记录编号'],
    markers: ['回款日期', '回款时间', '实际回款日期', '收款日期', '到账日期', '回款金额', '本次回款金额', '收款金额', '实收金额',
      '回款方式', '收款方式'],
    fields: (find, file, notes) => {
      let paidAt = find('回款日期', '回款时间', '实际回款日期', '收款日期', '到账日期');
      const returnTime = find('计划回款日期');
      if (!paidAt && isYudao(find) && returnTime) {
        // yudao's receivable export labels the receivable's own return time 计划回款日期 (CrmReceivableRespVO.returnTime).
        paidAt = returnTime;
        notes.push(importNote('crm_yudao_paid_at', { column: returnTime }));
      }
      return {
        paid_at: paidAt, amount: find('回款金额', '本次回款金额', '收款金额', '实收金额', '到账金额'),
        invoice_id: find('发票号码', '发票号', '发票编号', '开票编号'), order_id: find(...ORDER_REF),
      };
    },
  },
  {
    object: 'stage-history', kind: 'events', fileNames: ['阶段变更', '阶段记录', '阶段历史', 'stage'],
    ids: ['商机编号', '机会编号'],
    markers: ['变更前阶段', '变更后阶段', '原阶段', '新阶段', '阶段变更时间', '变更时间', '进入阶段时间'],
    fields: (find) => {
      const stage = find('变更后阶段', '新阶段', '阶段');
      return {
        activity: stage && { sql: `'Stage: ' || nullif(trim(${col(stage)}), '')`, label: stage },
        timestamp: find('变更时间', '阶段变更时间', '进入阶段时间', '操作时间'),
        resource: find('操作人', '变更人', ...OWNER), object_type: { sql: lit('opportunity'), label: 'opportunity' },
      };
    },
  },
  {
    object: 'receivable-plan', kind: null, fileNames: ['回款计划', '收款计划'],
    ids: ['计划编号', '回款计划编号'],
    markers: ['计划回款金额', '计划收款金额', '期数', '提醒日期', '提前几天提醒', '计划回款方式'],
    fields: (find, file, notes) => {
      notes.push(importNote('crm_payment_plan'));
      return {};
    },
  },
];

/** The field each kind's own number fills. */
const OWN_ID: Partial<Record<TableKind, string>> = {
  leads: 'lead_id', accounts: 'account_id', opportunities: 'opportunity_id', quotes: 'quote_id', orders: 'order_id',
  deliveries: 'delivery_id', invoices: 'invoice_id', payments: 'payment_id', events: 'case_id',
};

/** Header lookup by normalized name; a trailing unit such as "合同金额(元)" or "（万元）" is ignored. */
function finder(headers: readonly string[]): Find {
  const byName = new Map<string, string>();
  for (const header of headers) {
    const key = normalizeHeader(header.replace(/[(（][^()（）]*[)）]\s*$/, ''));
    if (key && !byName.has(key)) byName.set(key, header);
  }
  return (...names) => names.map((n) => byName.get(normalizeHeader(n))).find((h) => h !== undefined);
}

/** yudao names people "负责人名字" / "创建人名字" (its ExcelProperty labels); other CRMs say 负责人 / 创建人. */
function isYudao(find: Find): boolean {
  return find('负责人名字', '创建人名字') !== undefined;
}

/** 转化状态 as a lead status: yudao writes 是/否, others 已转化/未转化. */
function conversionStatus(header: string): string {
  const v = `trim(${col(header)})`;
  return `CASE WHEN ${v} IN ('是', '已转化', '已转换', 'true') THEN '已转化' WHEN ${v} IN ('否', '未转化', '未转换', 'false') THEN '未转化' ELSE nullif(${v}, '') END`;
}

/** is_won / is_closed from an outcome column (输赢状态, yudao's coded 结束状态) or a terminal stage. */
function outcome(find: Find, stage: string | undefined): Fields {
  const coded = find('结束状态');
  const columns = [coded, find('输赢状态', '赢单/输单', '商机结果'), stage].filter((h): h is string => h !== undefined);
  if (columns.length === 0) return {};
  const any = (values: (h: string) => string[]) =>
    columns.map((h) => `trim(${col(h)}) IN (${values(h).map(lit).join(', ')})`).join(' OR ');
  const won = any((h) => (h === coded ? [...WON, '1'] : WON));
  const closed = any((h) => (h === coded ? [...WON, ...LOST, '1', '2', '3'] : [...WON, ...LOST]));
  const known = columns.map((h) => `nullif(trim(${col(h)}), '') IS NOT NULL`).join(' OR ');
  const label = columns.join(' / ');
  return {
    is_won: { sql: `CASE WHEN ${won} THEN 'true' WHEN ${known} THEN 'false' END`, label },
    is_closed: { sql: `CASE WHEN ${closed} THEN 'true' WHEN ${known} THEN 'false' END`, label },
  };
}

interface Reading {
  readonly layout: Layout;
  readonly id: string;
  readonly evidence: number;
}

function read(layout: Layout, file: SourceFile, find: Find, fileName: string): Reading | null {
  const id = find(...layout.ids, '编号');
  if (!id) return null;
  const markers = layout.markers.filter((m) => find(m) !== undefined).length;
  const leading = file.headers[0] === id ? 1 : 0;
  if (markers + leading === 0) return null;
  const named = layout.fileNames.some((n) => fileName.includes(normalizeHeader(n))) ? 0.5 : 0;
  return { layout, id, evidence: markers + leading + named };
}

const chineseCrm: Adapter = {
  id: 'chinese-crm',
  detect(file: SourceFile): AdapterMatch | null {
    const find = finder(file.headers);
    const fileName = nameHint(file.name);
    const readings = LAYOUTS.map((l) => read(l, file, find, fileName)).filter((r): r is Reading => r !== null);
    // Equal evidence: the longer file-name hint (回款计划 over 回款), then the table order above.
    readings.sort((a, b) => b.evidence - a.evidence || longestHint(b.layout, fileName) - longestHint(a.layout, fileName));
    const best = readings[0];
    if (!best) return null;
    const { layout, id } = best;
    const notes: Message[] = [];
    const fields = layout.fields(find, file, notes);
    const preset = `${isYudao(find) ? 'yudao' : 'chinese-crm'}/${layout.object}`;
    let confidence = Math.min(0.97, 0.75 + 0.08 * best.evidence);
    if (!layout.kind) return { adapter: 'chinese-crm', preset, confidence, targets: [], notes, skips: [{ reason: 'planned_record', where: 'true' }] };
    const ownId = OWN_ID[layout.kind]!;
    const mapped: Record<string, FieldSource> = { [ownId]: id };
    if (layout.kind === 'events') mapped.object_id = id;
    for (const [field, source] of Object.entries(fields)) if (source !== undefined && !(field in mapped)) mapped[field] = source;
    const missing = CONTRACT[layout.kind].fields.filter((f) => f.required && !(f.name in mapped)).map((f) => f.name);
    if (missing.length) {
      confidence /= 2;
      notes.push(importNote('crm_needs_column', { object: layout.object, fields: missing.join(', ') }));
    }
    const rivals = readings.slice(1).filter((r) => r.evidence === best.evidence && r.layout.kind !== layout.kind);
    if (rivals.length) notes.push(importNote('header_also_fits', { rivals: rivals.map((r) => r.layout.object).join(', ') }));
    return { adapter: 'chinese-crm', preset, confidence, targets: [{ kind: layout.kind, fields: mapped }], notes };
  },
};

function longestHint(layout: Layout, fileName: string): number {
  return Math.max(0, ...layout.fileNames.filter((n) => fileName.includes(normalizeHeader(n))).map((n) => n.length));
}

export default chineseCrm;
