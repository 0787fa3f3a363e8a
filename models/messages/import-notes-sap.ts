/**
 * The notes of SAP SD exports in an import report (ingest/adapters/sap.ts, sap-flow.ts), in every
 * language. SAP's field names (VBELN, FKDAT …) and document categories (C, J, M …) stay as SAP
 * writes them.
 */
import { sayEach, type Catalogue, type Message, type ValuesIn } from './catalogue.ts';

export const SAP_NOTES = {
  // the document flow VBFA
  flow_orders: {
    en: 'orders are the order documents (category C); without VBAK their creation time is the order\'s own flow row where one exists (it follows a quotation or contract), else the earliest document that follows the order — an upper bound, so order-to-delivery times are short by the time before the first follow-on document; import VBAK for the true creation date (attribute created_at_basis says which)',
    zh: '订单是订单凭证(类别 C);没有 VBAK 时,其创建时间取订单自身的凭证流行(若有,即它跟在报价或合同之后),否则取订单之后最早的后续凭证 —— 这是一个上限,因此订单到交付的时间会少算第一个后续凭证之前的那段时间;导入 VBAK 可得到真实的创建日期(属性 created_at_basis 说明取的是哪个)',
  },
  flow_deliveries: {
    en: 'deliveries (J) belong to the order of their first item; delivered_at is the goods issue (the latest goods movement R of the delivery), else the delivery\'s creation for deliveries without one (attribute delivered_at_basis)',
    zh: '交货单(J)属于其第一个行项目的订单;delivered_at 取发货过账(该交货单最晚的货物移动 R),没有发货过账的交货单取其创建时间(属性 delivered_at_basis)',
  },
  flow_deliveries_without_order: {
    en: 'deliveries without an order in the flow (stock transfers) are not loaded',
    zh: '凭证流中没有订单的交货单(库存转储)不载入',
  },
  flow_invoices: {
    en: 'invoices (M) bill the order of their first item, directly or through its delivery; amount = the net value (RFWRT) of its items, each item counted once although SAP links it to both order and delivery',
    zh: '发票(M)为其第一个行项目的订单开票,直接或经由其交货单;amount = 其行项目的净值(RFWRT)之和,每个行项目只计一次,尽管 SAP 把它同时关联到订单和交货单',
  },
  flow_invoices_without_order: {
    en: 'invoices without an order in the flow (billing of external transactions, contracts) are not loaded',
    zh: '凭证流中没有订单的发票(外部业务、合同的开票)不载入',
  },
  flow_cancelled: {
    en: 'cancelled invoices are not loaded: those an invoice cancellation (N) names, and for older cancellations linked only to the order and delivery, the latest earlier invoice of the same items',
    zh: '已取消的发票不载入:即发票取消(N)所指的发票;对于只关联到订单和交货单的较早的取消,则是相同行项目更早开出的最后一张发票',
  },
  flow_memos: {
    en: 'credit memos (O), debit memos (P), pro forma invoices (U) and returns (H, T) are not loaded',
    zh: '贷项凭证(O)、借项凭证(P)、形式发票(U)和退货(H、T)不载入',
  },
  flow_no_value: {
    en: 'there is no value column RFWRT: invoices are not loaded',
    zh: '没有金额列 RFWRT:发票不载入',
  },
  // VBAK orders
  vbak_created: {
    en: 'created_at is when the order was entered (ERDAT + ERZET); the customer\'s order date AUDAT stays an attribute',
    zh: 'created_at 是订单录入的时间(ERDAT + ERZET);客户的订单日期 AUDAT 保留为属性',
  },
  vbak_orders_only: {
    en: 'only orders (VBTYP C) are loaded; inquiries, quotations, contracts and returns are not',
    zh: '只载入订单(VBTYP C);询价、报价、合同和退货不载入',
  },
  // LIKP/LIPS deliveries
  likp_delivered: {
    en: 'delivered_at is the actual goods issue (WADAT_IST), else the delivery\'s creation for deliveries not yet goods-issued (attribute delivered_at_basis)',
    zh: 'delivered_at 取实际发货过账日期(WADAT_IST),尚未发货过账的交货单取其创建时间(属性 delivered_at_basis)',
  },
  likp_order: {
    en: 'a delivery belongs to the order of its first item (VGBEL)',
    zh: '交货单属于其第一个行项目的订单(VGBEL)',
  },
  likp_no_order: {
    en: 'LIKP does not name the order: export the delivery items too (LIPS, or LIKP joined with LIPS) so that VGBEL gives each delivery its order',
    zh: 'LIKP 中没有订单:请同时导出交货单行项目(LIPS,或 LIKP 与 LIPS 的连接),由 VGBEL 给出每张交货单的订单',
  },
  // VBRK/VBRP invoices
  vbrk_issued: {
    en: 'issued_at is the billing date ({column}); amount is the net value{tax, select, yes { plus tax, as the customer owes it} other {}}{items, select, yes {, summed over the items} other {}}',
    zh: 'issued_at 是开票日期({column});amount 是净值{tax, select, yes {加税额,即客户应付的金额} other {}}{items, select, yes {,按行项目汇总} other {}}',
  },
  vbrk_order: {
    en: 'an invoice bills the order of its first item (VBRP-AUBEL)',
    zh: '发票为其第一个行项目的订单开票(VBRP-AUBEL)',
  },
  vbrk_no_order: {
    en: 'VBRK does not name the order: export the billing items too (VBRP, or VBRK joined with VBRP) so that AUBEL gives each invoice its order',
    zh: 'VBRK 中没有订单:请同时导出开票行项目(VBRP,或 VBRK 与 VBRP 的连接),由 AUBEL 给出每张发票的订单',
  },
  vbrk_cancelled: {
    en: 'cancelled invoices (FKSTO X, or named by a cancellation\'s SFAKN), cancellations, credit and debit memos are not loaded',
    zh: '已取消的发票(FKSTO 为 X,或被某个取消凭证的 SFAKN 指明)、取消凭证、贷项和借项凭证不载入',
  },
  // BSAD cleared customer items
  bsad_payment: {
    en: 'one payment per cleared item: it pays the billing document {invoice} on the clearing date AUGDT; payment_id = {id}',
    zh: '每个已清项目是一笔回款:它在清账日期 AUGDT 支付开票凭证 {invoice};payment_id = {id}',
  },
  bsad_document_currency: {
    en: 'amount is WRBTR (document currency, as the invoice), negative for credit items (SHKZG H)',
    zh: 'amount 取 WRBTR(凭证货币,与发票相同),贷方项目(SHKZG H)为负',
  },
  bsad_local_currency: {
    en: 'amount is DMBTR (local currency), negative for credit items (SHKZG H)',
    zh: 'amount 取 DMBTR(本位币),贷方项目(SHKZG H)为负',
  },
  bsad_without_invoice: {
    en: 'items without a billing document (the payment\'s own line, manual postings) are not loaded',
    zh: '没有开票凭证的项目(回款自身的行、手工过账)不载入',
  },
  bsad_reference: {
    en: 'there is no VBELN column: the reference XBLNR is read as the billing document',
    zh: '没有 VBELN 列:参考号 XBLNR 读作开票凭证',
  },
  // KNA1 customers
  kna1_fields: {
    en: 'industry is the industry key BRSCH, region the country LAND1 (REGIO, the state, stays an attribute)',
    zh: 'industry 取行业代码 BRSCH,region 取国家 LAND1(REGIO 即州/省,保留为属性)',
  },
} as const satisfies Catalogue;

/** A note of an SAP export in every language. */
export function sapNote(id: keyof typeof SAP_NOTES, values: ValuesIn = {}): Message {
  return sayEach(SAP_NOTES, id, values);
}
