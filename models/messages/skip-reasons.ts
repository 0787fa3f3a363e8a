/**
 * Why rows of a file were left out on purpose (neither loaded nor rejected): the words of each
 * reason code (ingest/skip-reasons.ts) that the import report, the CLI and the Import page show.
 */
import type { Catalogue } from './catalogue.ts';

export const SKIP_REASONS = {
  deleted_in_source: { en: 'deleted in the source system', zh: '源系统中已删除' },
  merged_record: { en: 'merged into another record', zh: '已合并到另一条记录' },
  superseded_version: { en: 'an earlier version of a record (history mode)', zh: '记录的旧版本(历史模式)' },
  planned_record: { en: 'a planned record, not an event', zh: '计划记录,不是实际发生的事件' },
  draft_or_cancelled: { en: 'a draft, quotation or cancelled document', zh: '草稿、报价单或已取消的单据' },
  not_a_customer_document: { en: 'not a customer document (vendor bill, credit note, transfer)', zh: '不是客户单据(供应商账单、贷项通知单、转账)' },
  other_document_type: {
    en: 'another document type, or a cancelled one (quotation, return, credit memo, cancellation)',
    zh: '其他类型或已取消的单据(报价单、退货、贷项凭证、冲销)',
  },
  further_item: { en: 'a further item of a document already read', zh: '已读取单据的其他明细行' },
  not_a_product_line: { en: 'a sub-total, discount or description line', zh: '小计、折扣或说明行' },
  not_an_invoice_payment: { en: 'pays something other than an invoice', zh: '付款对象不是发票' },
  report_footer: { en: 'report footer', zh: '报表页脚' },
  totals_row: { en: 'totals row', zh: '合计行' },
  blank_row: { en: 'blank row', zh: '空行' },
  not_used: { en: 'not read by this layout (see its notes)', zh: '此格式不读取这些行(见说明)' },
} as const satisfies Catalogue;
