/**
 * What an import report says about how a file was read (the report's `notes` and `notes_zh`):
 * which column a field was taken from, which rows a source keeps out and why. Column names, file
 * names, object names and values are placeholders and stay as they are in every language. The
 * notes of SAP exports are in import-notes-sap.ts.
 *
 * Notes are not stored (import_batches keeps counts, not notes): a report is said once, when the
 * file is read, so nothing reads a stored note back.
 */
import { sayEach, type Catalogue, type Message, type ValuesIn } from './catalogue.ts';

export const IMPORT_NOTES = {
  // any table
  header_also_fits: { en: 'the header also fits {rivals}', zh: '表头也符合 {rivals}' },
  // Salesforce
  sf_qualified_from: { en: 'qualified_at is read from {column}', zh: 'qualified_at 取自 {column}' },
  sf_no_qualification: {
    en: 'Salesforce leads have no qualification date: qualified_at stays empty',
    zh: 'Salesforce 线索没有资格认定日期:qualified_at 留空',
  },
  sf_fivetran_stage_events: {
    en: 'one event per stage an opportunity entered, at the start of the Fivetran version that entered it; versions that did not change the stage are not events',
    zh: '商机每进入一个阶段记一个事件,时间为进入该阶段的 Fivetran 版本的开始时间;未改变阶段的版本不算事件',
  },
  sf_fivetran_first_version: {
    en: 'the first version of an opportunity starts when Fivetran first synced it, which may be after the stage was really entered',
    zh: '商机的第一个版本始于 Fivetran 首次同步它的时间,可能晚于实际进入该阶段的时间',
  },
  sf_stage_events: {
    en: 'one event per stage an opportunity entered; history rows that did not change the stage (amount, close date) are not events',
    zh: '商机每进入一个阶段记一个事件;未改变阶段的历史行(金额、成交日期)不算事件',
  },
  sf_stage_field_only: {
    en: 'only changes of the Stage field become events; changes of other fields are not loaded',
    zh: '只有 Stage 字段的变更会成为事件;其他字段的变更不载入',
  },
  sf_order_start_date: {
    en: 'no CreatedDate column: created_at is the order start date ({column})',
    zh: '没有 CreatedDate 列:created_at 取订单开始日期({column})',
  },
  sf_order_created: {
    en: 'created_at is the date the order was entered (CreatedDate); the order start date (EffectiveDate) stays an attribute; confirmed_at is ActivatedDate',
    zh: 'created_at 是订单录入的日期(CreatedDate);订单开始日期(EffectiveDate)保留为属性;confirmed_at 取 ActivatedDate',
  },
  sf_opportunity_lead: {
    en: 'the lead of an opportunity comes from the leads (ConvertedOpportunityId)',
    zh: '商机的线索来自线索表(ConvertedOpportunityId)',
  },
  sf_opportunity_products: {
    en: 'opportunity products are loaded as order_lines whose order_id is the opportunity id (the contract has no opportunity-line table); an order names its opportunity in orders.opportunity_id',
    zh: '商机产品作为 order_lines 载入,其 order_id 为商机 id(数据契约中没有商机明细表);订单在 orders.opportunity_id 中写明其商机',
  },
  sf_history_mode: {
    en: 'Fivetran history mode: only the current version of each record (_fivetran_active) is loaded',
    zh: 'Fivetran 历史模式:每条记录只载入当前版本(_fivetran_active)',
  },
  // HubSpot
  hs_deleted: { en: 'rows flagged deleted ({column} = true) are not loaded', zh: '标记为已删除的行({column} = true)不载入' },
  hs_merged: {
    en: 'contacts merged into another contact (listed in its {column}) are not loaded as leads of their own',
    zh: '已合并到其他联系人的联系人(列在其 {column} 中)不作为单独的线索载入',
  },
  hs_merged_ids: {
    en: 'contacts merged into another contact (listed in its {column}) are not loaded as leads of their own: {ids}',
    zh: '已合并到其他联系人的联系人(列在其 {column} 中)不作为单独的线索载入:{ids}',
  },
  hs_stage_id: {
    en: 'the stage is HubSpot\'s stage id; load deal_pipeline_stage to read its label, and whether it is closed or won',
    zh: '阶段是 HubSpot 的阶段 id;请载入 deal_pipeline_stage 以读取阶段名称及其是否已关闭、是否赢单',
  },
  hs_stage_activity: {
    en: 'activity is "Stage: <stage id>"; load deal_pipeline_stage to read the labels',
    zh: '活动为 "Stage: <stage id>";请载入 deal_pipeline_stage 以读取阶段名称',
  },
  hs_pipeline_row: {
    en: 'a pipeline is stored as a stages row whose stage_id is the pipeline id (record = pipeline): there is no pipelines table',
    zh: '销售管道存为 stages 表中的一行,其 stage_id 为管道 id(record = pipeline):没有单独的管道表',
  },
  hs_closed_won_from_label: {
    en: 'is_closed / is_won read from the "{column}" label where it is one of HubSpot\'s default deal stages',
    zh: '"{column}" 的名称是 HubSpot 默认交易阶段之一时,据此读取 is_closed / is_won',
  },
  // Odoo
  odoo_not_orders: {
    en: 'quotations and cancelled orders ({column}) are not orders and are not loaded',
    zh: '报价单和已取消的订单({column})不是订单,不载入',
  },
  odoo_carried_down: {
    en: 'order columns are carried down over the continuation rows of each order',
    zh: '订单各列的值沿用到该订单的续行',
  },
  odoo_amount_from_lines: {
    en: 'no order Total column: amount = sum of {column} (untaxed)',
    zh: '没有订单 Total 列:amount = {column} 之和(不含税)',
  },
  odoo_posted_invoices: {
    en: 'only posted customer invoices are loaded (vendor bills, credit notes, drafts and cancelled entries are left out)',
    zh: '只载入已过账的客户发票(供应商账单、贷项通知单、草稿和已取消的分录不载入)',
  },
  odoo_invoice_order: {
    en: 'order_id = the first sale order named in the source document; an invoice without one is rejected',
    zh: 'order_id = 源单据中写的第一个销售订单;没有销售订单的发票被拒绝',
  },
  odoo_receipts: {
    en: 'only customer receipts that are not draft or cancelled are loaded',
    zh: '只载入非草稿、未取消的客户收款',
  },
  odoo_memo_invoice: {
    en: 'invoice_id = the first document number in the memo; a memo naming several invoices pays the first',
    zh: 'invoice_id = 备注中的第一个单据号;备注写了多张发票时,付的是第一张',
  },
  odoo_leads: {
    en: 'every crm.lead record is a lead; those of type Opportunity are also opportunities, linked by the record name',
    zh: '每条 crm.lead 记录都是一条线索;类型为 Opportunity 的同时也是商机,按记录名称关联',
  },
  odoo_won_lost: {
    en: 'won = stage Won (or probability 100); lost = a lost reason or an archived record',
    zh: '赢单 = 阶段为 Won(或概率为 100);输单 = 有输单原因或记录已归档',
  },
  // QuickBooks
  qb_estimate: {
    en: 'each estimate is an opportunity (same id) with its one quote: QuickBooks has no opportunities',
    zh: '每张估价单是一个商机(id 相同),并带有它唯一的一份报价:QuickBooks 没有商机',
  },
  qb_invoice: {
    en: 'each invoice is also its order (same id): QuickBooks has no sales orders',
    zh: '每张发票同时也是它的订单(id 相同):QuickBooks 没有销售订单',
  },
  qb_invoice_line: {
    en: 'only product lines are order lines: sub-total, discount and description-only lines are left out',
    zh: '只有产品行是订单行:小计行、折扣行和只有描述的行不载入',
  },
  qb_payment: {
    en: 'payments are applied to invoices through payment_line (load both files, in any order)',
    zh: '回款通过 payment_line 核销到发票(两个文件都要载入,顺序不限)',
  },
  qb_payment_line: {
    en: 'lines that pay something other than an invoice (credit memos, journal entries) are left out',
    zh: '支付发票以外项目的行(贷项通知单、日记账分录)不载入',
  },
  // Chinese CRMs (the Chinese column names stay in the English notes too)
  crm_yudao_leads: {
    en: 'yudao converts a 线索 into a 客户, not a 商机: these leads link to no opportunity or order',
    zh: 'yudao 把线索转化为客户,而不是商机:这些线索不关联任何商机或订单',
  },
  crm_planned_close: {
    en: '预计成交日期 is a planned date: kept as an attribute, not as closed_at',
    zh: '预计成交日期 是计划日期:保留为属性,不作为 closed_at',
  },
  crm_signed_empty: {
    en: '{signed} is empty in every row read: {shipped} is taken as the delivery',
    zh: '{signed} 在读到的每一行中都为空:以 {shipped} 作为交付',
  },
  crm_signed_empty_no_ship: {
    en: '{signed} is empty in every row read: the ship date is taken as the delivery',
    zh: '{signed} 在读到的每一行中都为空:以发货日期作为交付',
  },
  crm_signed: {
    en: 'delivered_at is {signed} (signed for by the customer); rows without it are not delivered yet and are rejected',
    zh: 'delivered_at 取 {signed}(客户签收);没有该值的行尚未交付,被拒绝',
  },
  crm_yudao_paid_at: {
    en: '{column} of a yudao 回款 export is the date the money came in (yudao\'s label), read as paid_at',
    zh: 'yudao 回款导出中的 {column} 是款项到账的日期(yudao 的叫法),读作 paid_at',
  },
  crm_payment_plan: {
    en: '回款计划 holds planned dates and amounts, which are not events (docs/measures.md), and names contracts, not invoices, so it cannot give invoices their due_at: nothing is loaded from it',
    zh: '回款计划 中是计划的日期和金额,不是事件(docs/measures.md);它写的是合同而不是发票,无法给发票提供 due_at:此文件不载入任何内容',
  },
  crm_needs_column: { en: 'a {object} export needs a column for {fields}', zh: '{object} 导出需要 {fields} 的列' },
  // XES and OCEL logs
  xes_counts: {
    en: 'XES: {traces} traces, {events} events; reject lines are XML lines of the <event>',
    zh: 'XES:{traces} 条轨迹,{events} 个事件;拒绝行的行号是其 <event> 所在的 XML 行',
  },
  xes_doctype: {
    en: 'XES: the DOCTYPE was skipped; no entity was declared, resolved or expanded',
    zh: 'XES:已跳过 DOCTYPE;没有声明、解析或展开任何实体',
  },
  ocel_xml_doctype: {
    en: 'OCEL XML: the DOCTYPE was skipped; no entity was declared, resolved or expanded',
    zh: 'OCEL XML:已跳过 DOCTYPE;没有声明、解析或展开任何实体',
  },
  ocel1_no_qualifiers: {
    en: 'OCEL 1.0 has no qualifiers: relations are loaded with qualifier NULL',
    zh: 'OCEL 1.0 没有限定词:关系以 qualifier NULL 载入',
  },
  ocel_sqlite_missing_table: {
    en: 'OCEL SQLite: the table {table} of event type "{type}" is missing',
    zh: 'OCEL SQLite:缺少事件类型 "{type}" 的表 {table}',
  },
  ocel_counts: {
    en: 'OCEL: {events} events, {objects} objects, {types, plural, one {# object type} other {# object types}}, {eventObjects} event-object relations, {objectObjects} object-object relations',
    zh: 'OCEL:{events} 个事件,{objects} 个对象,{types} 种对象类型,{eventObjects} 条事件-对象关系,{objectObjects} 条对象-对象关系',
  },
  ocel_counts_typed: {
    en: 'OCEL: {events} events, {objects} objects, {types, plural, one {# object type} other {# object types}} ({list}), {eventObjects} event-object relations, {objectObjects} object-object relations',
    zh: 'OCEL:{events} 个事件,{objects} 个对象,{types} 种对象类型({list}),{eventObjects} 条事件-对象关系,{objectObjects} 条对象-对象关系',
  },
  ocel_times_utc: {
    en: 'OCEL: event times carry a UTC offset and are stored in UTC',
    zh: 'OCEL:事件时间带有 UTC 偏移,按 UTC 存储',
  },
  ocel_times_local: {
    en: 'OCEL: event times have no UTC offset and are kept as given',
    zh: 'OCEL:事件时间没有 UTC 偏移,按原样保存',
  },
  ocel_times_mixed: {
    en: 'OCEL: {withOffset} event times carry a UTC offset (stored in UTC), {without} have none (kept as given)',
    zh: 'OCEL:{withOffset} 个事件时间带有 UTC 偏移(按 UTC 存储),{without} 个没有(按原样保存)',
  },
  ocel_repeated_relations: {
    en: 'OCEL: {n, plural, one {# relation was} other {# relations were}} given twice (same objects, same qualifier) and loaded once',
    zh: 'OCEL:{n} 条关系给出了两次(对象相同、限定词相同),只载入一次',
  },
} as const satisfies Catalogue;

export type ImportNoteId = keyof typeof IMPORT_NOTES;

/** A note of an import report in every language. */
export function importNote(id: ImportNoteId, values: ValuesIn = {}): Message {
  return sayEach(IMPORT_NOTES, id, values);
}

/** Notes as a report carries them: `notes` in English, `notes_zh` beside them in the same order. */
export function noteFields(notes: readonly Message[] | undefined): { notes?: string[]; notes_zh?: string[] } {
  return notes === undefined ? {} : { notes: notes.map((n) => n.en), notes_zh: notes.map((n) => n.zh) };
}
