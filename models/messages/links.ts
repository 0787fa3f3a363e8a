/**
 * Link quality and suggested links: the orphans' names (models/links.ts, by table and kind) and a
 * suggestion's evidence in words (models/stitch/evidence-text.ts).
 */
import type { Catalogue } from './catalogue.ts';

/** Records that trace to nothing, by `table.kind`. */
export const ORPHAN_LABELS = {
  'opportunities.no_lead': { en: 'opportunities without a lead', zh: '无线索的商机' },
  'orders.no_opportunity_or_lead': { en: 'orders without an opportunity or lead', zh: '无商机或线索的订单' },
  'quotes.opportunity_not_loaded': { en: 'quotes whose opportunity is not loaded', zh: '商机未导入的报价' },
  'deliveries.order_not_loaded': { en: 'deliveries whose order is not loaded', zh: '订单未导入的发货' },
  'invoices.order_not_loaded': { en: 'invoices whose order is not loaded', zh: '订单未导入的发票' },
  'payments.target_not_loaded': { en: 'payments whose invoice and order are not loaded', zh: '发票和订单均未导入的回款' },
  'payments.names_nothing': { en: 'payments that name no invoice or order', zh: '未指明发票或订单的回款' },
} as const satisfies Catalogue;

/** How two records' names compare, by the scoring rule. */
export const NAME_RULES = {
  same: { en: 'same name', zh: '名称相同' },
  prefix: { en: 'one name begins the other', zh: '名称前缀一致' },
  similar: { en: 'similar names', zh: '名称相近' },
  different: { en: 'different names', zh: '名称不同' },
} as const satisfies Catalogue;

/** A piece of a suggestion's evidence; amounts and percents come as the scoring wrote them. */
export const EVIDENCE_WORDS = {
  name: { en: '{rule} ({from} ~ {to})', zh: '{rule} ({from} ~ {to})' },
  amount: { en: '{rule} ({from} → {to})', zh: '{rule} ({from} → {to})' },
  amounts_equal: { en: 'amounts equal', zh: '金额相同' },
  amounts_equal_plus_tax: { en: 'amounts equal +{percent}% tax', zh: '金额加 {percent}% 税后相同' },
  amounts_equal_minus_tax: { en: 'amounts equal -{percent}% tax', zh: '金额减 {percent}% 税后相同' },
  amounts_differ: { en: 'amounts differ {percent}%', zh: '金额相差 {percent}%' },
  days_later: { en: '{days, plural, one {{count} day later} other {{count} days later}}', zh: '{days, plural, other {晚 {count} 天}}' },
  days_earlier: { en: '{days, plural, one {{count} day earlier} other {{count} days earlier}}', zh: '{days, plural, other {早 {count} 天}}' },
  reference: { en: '{field} names the other ({value})', zh: '{field} 提到对方编号（{value}）' },
  separator: { en: '; ', zh: '; ' },
} as const satisfies Catalogue;
