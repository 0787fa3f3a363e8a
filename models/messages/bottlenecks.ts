/**
 * The bottleneck in one sentence (models/bottleneck-words.ts) and the days a case waits in a
 * transition (models/bottlenecks.ts WAITING_BUCKETS).
 */
import type { Catalogue } from './catalogue.ts';

/** The parts of the bottleneck sentence; counts come formatted (`count`), `n` chooses the plural. */
export const BOTTLENECK_SENTENCE = {
  share: {
    en: '{label} takes {share} of lead-to-cash time (median {median} days over {count} cases)',
    zh: '{label} 占线索到回款周期的 {share}（{count} 个案例，中位 {median} 天）',
  },
  most_days: {
    en: '{label} takes the most time: {days} days over {count} cases',
    zh: '{label} 耗时最多：{count} 个案例共 {days} 天',
  },
  waiting: {
    en: '{n, plural, =0 {{cases} wait there more than 30 days} one {{cases} waits more than 30 days} other {{cases} wait more than 30 days}}',
    zh: '{n, plural, =0 {没有等待超过 30 天的{cases}} other {{cases}等待超过 30 天}}',
  },
  slower: {
    en: 'in {key} {value} it takes {ratio}× as long as elsewhere (median)',
    zh: '{key}为 {value} 的中位耗时是其他的 {ratio} 倍',
  },
  separator: { en: '; ', zh: '；' },
  sentence: { en: '{parts}.', zh: '{parts}。' },
} as const satisfies Catalogue;

/**
 * What waits at a start milestone, counted: "no leads", "1 lead", "12 leads" / "线索", "12 条线索"
 * (with its measure word; none after 没有). A stage of a stage history waits as an opportunity.
 */
export const WAITING_CASES = {
  lead_created: {
    en: '{n, plural, =0 {no leads} one {{count} lead} other {{count} leads}}',
    zh: '{n, plural, =0 {线索} other {{count} 条线索}}',
  },
  qualified: {
    en: '{n, plural, =0 {no qualified leads} one {{count} qualified lead} other {{count} qualified leads}}',
    zh: '{n, plural, =0 {已确认线索} other {{count} 条已确认线索}}',
  },
  opportunity_created: {
    en: '{n, plural, =0 {no opportunities} one {{count} opportunity} other {{count} opportunities}}',
    zh: '{n, plural, =0 {商机} other {{count} 个商机}}',
  },
  quote_sent: {
    en: '{n, plural, =0 {no quoted opportunities} one {{count} quoted opportunity} other {{count} quoted opportunities}}',
    zh: '{n, plural, =0 {已报价商机} other {{count} 个已报价商机}}',
  },
  order_created: {
    en: '{n, plural, =0 {no orders} one {{count} order} other {{count} orders}}',
    zh: '{n, plural, =0 {订单} other {{count} 个订单}}',
  },
  delivered: {
    en: '{n, plural, =0 {no delivered orders} one {{count} delivered order} other {{count} delivered orders}}',
    zh: '{n, plural, =0 {已交付订单} other {{count} 个已交付订单}}',
  },
  invoiced: {
    en: '{n, plural, =0 {no invoiced orders} one {{count} invoiced order} other {{count} invoiced orders}}',
    zh: '{n, plural, =0 {已开票订单} other {{count} 个已开票订单}}',
  },
  paid: {
    en: '{n, plural, =0 {no paid cases} one {{count} paid case} other {{count} paid cases}}',
    zh: '{n, plural, =0 {已回款案例} other {{count} 个已回款案例}}',
  },
  won: {
    en: '{n, plural, =0 {no won opportunities} one {{count} won opportunity} other {{count} won opportunities}}',
    zh: '{n, plural, =0 {赢单商机} other {{count} 个赢单商机}}',
  },
  lost: {
    en: '{n, plural, =0 {no lost opportunities} one {{count} lost opportunity} other {{count} lost opportunities}}',
    zh: '{n, plural, =0 {丢单商机} other {{count} 个丢单商机}}',
  },
} as const satisfies Catalogue;

/** The segment keys as a sentence names them. */
export const SEGMENT_KEY_NAMES = {
  source: { en: 'source', zh: '来源' },
  owner: { en: 'owner', zh: '负责人' },
  region: { en: 'region', zh: '区域' },
  segment: { en: 'segment', zh: '客户类型' },
} as const satisfies Catalogue;

/** Days waited in a transition, by bucket id. */
export const WAITING_BUCKET_LABELS = {
  '0-7': { en: '0–7 days', zh: '0–7 天' },
  '8-30': { en: '8–30 days', zh: '8–30 天' },
  '31-90': { en: '31–90 days', zh: '31–90 天' },
  '90+': { en: 'over 90 days', zh: '90 天以上' },
} as const satisfies Catalogue;
