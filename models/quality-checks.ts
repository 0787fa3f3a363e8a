/**
 * The data-quality checks (docs/quality.md): each one's code, kind, unit and text in English and
 * Chinese, in the order they are reported. The queries that find them are models/sql/quality-*.sql.
 */

export type QualityCheckCode =
  | 'order_before_lead' | 'order_before_opportunity' | 'quote_before_opportunity' | 'delivery_before_order'
  | 'invoice_before_order' | 'payment_before_invoice' | 'lead_step_before_created' | 'opportunity_closed_before_created'
  | 'duration_over_ten_years' | 'date_in_future' | 'date_before_1990' | 'payment_above_invoice';

/** what a check is about: moments out of order, an implausible span, one implausible date, money */
export type QualityCheckKind = 'backwards' | 'duration' | 'date' | 'amount';

export interface QualityCheckInfo {
  readonly code: QualityCheckCode;
  readonly kind: QualityCheckKind;
  /** what an example's `difference` is counted in */
  readonly unit: 'days' | 'amount' | null;
  readonly title: string;
  readonly title_zh: string;
  readonly explanation: string;
  readonly explanation_zh: string;
}

/** A duration longer than this many days is absurd. */
export const ABSURD_DAYS = 3650;
/** A date before this day is taken for a placeholder (1900-01-01, 1970-01-01) or a typing slip. */
export const EARLIEST_PLAUSIBLE = '1990-01-01';
/** Amounts within this are the same: the value of ltc_payment_tolerance() (models/sql/macros.sql), in words. */
export const PAYMENT_TOLERANCE = 0.01;

export const QUALITY_CHECKS: readonly QualityCheckInfo[] = [
  {
    code: 'order_before_lead', kind: 'backwards', unit: 'days',
    title: 'Orders dated before their lead', title_zh: '订单早于其线索',
    explanation: 'The order was created before the lead of its case. For a case\'s first order this makes the sales cycle and lead-to-cash time negative; such items are left out of those measures. Often day and month swapped in one of the two files.',
    explanation_zh: '订单的创建时间早于其所属案例的线索。若是案例的首个订单，销售周期和线索到回款周期会为负数，这些项不计入上述指标。常见原因是其中一个文件的日和月颠倒。',
  },
  {
    code: 'order_before_opportunity', kind: 'backwards', unit: 'days',
    title: 'Orders dated before their opportunity', title_zh: '订单早于其商机',
    explanation: 'The order was created before its opportunity (the one it names, else the first opportunity of its case).',
    explanation_zh: '订单的创建时间早于其商机（订单所指的商机，否则为案例的第一个商机）。',
  },
  {
    code: 'quote_before_opportunity', kind: 'backwards', unit: 'days',
    title: 'Quotes dated before their opportunity', title_zh: '报价早于其商机',
    explanation: 'The quote was created before the opportunity it belongs to.',
    explanation_zh: '报价的创建时间早于其所属商机。',
  },
  {
    code: 'delivery_before_order', kind: 'backwards', unit: 'days',
    title: 'Deliveries dated before their order', title_zh: '发货早于其订单',
    explanation: 'The delivery is dated before its order was created. When it is the order\'s last delivery, order processing time is negative; such orders are left out of that measure.',
    explanation_zh: '发货日期早于订单创建时间。若是订单的最后一次发货，订单处理时间为负数，这些订单不计入该指标。',
  },
  {
    code: 'invoice_before_order', kind: 'backwards', unit: 'days',
    title: 'Invoices dated before their order', title_zh: '发票早于其订单',
    explanation: 'The invoice was issued before its order was created.',
    explanation_zh: '发票开具时间早于其订单的创建时间。',
  },
  {
    code: 'payment_before_invoice', kind: 'backwards', unit: 'days',
    title: 'Payments dated before the invoice they pay', title_zh: '回款早于其所付发票',
    explanation: 'Money was received before the invoice it was applied to was issued (a prepayment, or a wrong date). A payment applied to several invoices counts once for each. An invoice fully paid before its issue has a negative collection period; such invoices are left out of that measure.',
    explanation_zh: '回款日期早于其所核销发票的开具日期（预付款或日期有误）。一笔回款核销多张发票时每张各计一次。在开票前即已付清的发票收款周期为负数，不计入该指标。',
  },
  {
    code: 'lead_step_before_created', kind: 'backwards', unit: 'days',
    title: 'Leads qualified, disqualified or converted before they were created', title_zh: '线索在创建前即已确认、作废或转化',
    explanation: 'A lead\'s qualified_at, disqualified_at or converted_at is earlier than its created_at.',
    explanation_zh: '线索的确认、作废或转化时间早于其创建时间。',
  },
  {
    code: 'opportunity_closed_before_created', kind: 'backwards', unit: 'days',
    title: 'Opportunities closed before they were created', title_zh: '商机在创建前即已关闭',
    explanation: 'A closed opportunity\'s closed_at is earlier than its created_at.',
    explanation_zh: '已关闭商机的关闭时间早于其创建时间。',
  },
  {
    code: 'duration_over_ten_years', kind: 'duration', unit: 'days',
    title: 'Durations over ten years', title_zh: '时长超过十年',
    explanation: `Two linked moments (the same pairs as above) more than ${ABSURD_DAYS} days apart: usually a wrong year. Pairs with a date before ${EARLIEST_PLAUSIBLE} are reported as early dates instead.`,
    explanation_zh: `两个相关联的时间点（与上面相同的配对）相隔超过 ${ABSURD_DAYS} 天，通常是年份有误。含 ${EARLIEST_PLAUSIBLE} 之前日期的配对归入"日期过早"。`,
  },
  {
    code: 'date_in_future', kind: 'date', unit: 'days',
    title: 'Dates in the future', title_zh: '未来日期',
    explanation: 'A date more than a day after its file was imported. Planned dates (due dates, the close date of an open opportunity) are not checked. A future date moves the end of the data, and with it what counts as open.',
    explanation_zh: '日期晚于其文件导入时间一天以上。计划日期（到期日、未关闭商机的预计关闭日期）不在检查之列。未来日期会推后数据截止时间，从而改变哪些项被视为未完成。',
  },
  {
    code: 'date_before_1990', kind: 'date', unit: null,
    title: `Dates before ${EARLIEST_PLAUSIBLE.slice(0, 4)}`, title_zh: `${EARLIEST_PLAUSIBLE.slice(0, 4)} 年之前的日期`,
    explanation: `A date before ${EARLIEST_PLAUSIBLE}: usually a placeholder such as 1900-01-01 or 1970-01-01 that stands for "no date".`,
    explanation_zh: `早于 ${EARLIEST_PLAUSIBLE} 的日期，通常是代表"无日期"的占位值，如 1900-01-01 或 1970-01-01。`,
  },
  {
    code: 'payment_above_invoice', kind: 'amount', unit: 'amount',
    title: 'Invoices paid more than their amount', title_zh: '回款超过发票金额',
    explanation: `The payments applied to the invoice add up to more than its amount (by more than ${PAYMENT_TOLERANCE}). The invoice counts as paid once its amount is reached.`,
    explanation_zh: `核销到该发票的回款合计超过发票金额（超出 ${PAYMENT_TOLERANCE} 以上）。发票在回款达到其金额时即视为付清。`,
  },
];
