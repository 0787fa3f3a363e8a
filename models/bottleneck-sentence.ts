/**
 * The bottleneck in one sentence, in English and Chinese (docs/measures.md, bottlenecks): its share
 * of lead-to-cash time with the median and n it rests on — or, without a share, its days over its n
 * cases — how many cases wait there more than 30 days, and its most markedly slower segment.
 */
import type { BottleneckTransition, SegmentTest } from './bottlenecks.ts';
import type { SegmentKey } from './period.ts';
import type { Milestone } from './transitions.ts';

export function bottleneckSentences(t: BottleneckTransition, slower: SegmentTest | null): { sentence: string; sentence_zh: string } {
  return { sentence: sentence(t, slower), sentence_zh: sentenceZh(t, slower) };
}

/** What waits at each start milestone, for the sentence: singular, plural, Chinese (with its measure word). */
const WAITING_NOUNS: Record<Exclude<Milestone, `stage:${string}`>, readonly [string, string, string]> = {
  lead_created: ['lead', 'leads', '条线索'],
  qualified: ['qualified lead', 'qualified leads', '条已确认线索'],
  opportunity_created: ['opportunity', 'opportunities', '个商机'],
  quote_sent: ['quoted opportunity', 'quoted opportunities', '个已报价商机'],
  order_created: ['order', 'orders', '个订单'],
  delivered: ['delivered order', 'delivered orders', '个已交付订单'],
  invoiced: ['invoiced order', 'invoiced orders', '个已开票订单'],
  paid: ['paid case', 'paid cases', '个已回款案例'],
  won: ['won opportunity', 'won opportunities', '个赢单商机'],
  lost: ['lost opportunity', 'lost opportunities', '个丢单商机'],
};

const waitingNouns = (m: Milestone) => (m.startsWith('stage:') ? WAITING_NOUNS.opportunity_created : WAITING_NOUNS[m as keyof typeof WAITING_NOUNS]);

const KEY_LABELS: Record<SegmentKey, readonly [string, string]> = {
  source: ['source', '来源'], owner: ['owner', '负责人'], region: ['region', '区域'], segment: ['segment', '客户类型'],
};

function sentence(t: BottleneckTransition, slower: SegmentTest | null): string {
  const [one, many] = waitingNouns(t.from);
  const waitingOver30 = t.waiting.over_30_days;
  const parts = [
    t.share_of_lead_to_cash !== null
      ? `${t.label} takes ${percent(t.share_of_lead_to_cash)} of lead-to-cash time (median ${days(t.median)} days over ${t.n.toLocaleString('en-US')} cases)`
      : `${t.label} takes the most time: ${Math.round(t.total_days).toLocaleString('en-US')} days over ${t.n.toLocaleString('en-US')} cases`,
    waitingOver30 === 0 ? `no ${many} wait there more than 30 days`
      : `${waitingOver30.toLocaleString('en-US')} ${waitingOver30 === 1 ? `${one} waits` : `${many} wait`} more than 30 days`,
  ];
  if (slower?.ratio != null) parts.push(`in ${KEY_LABELS[slower.key][0]} ${slower.value} it takes ${slower.ratio.toFixed(1)}× as long as elsewhere (median)`);
  return `${parts.join('; ')}.`;
}

function sentenceZh(t: BottleneckTransition, slower: SegmentTest | null): string {
  const noun = waitingNouns(t.from)[2];
  const parts = [
    t.share_of_lead_to_cash !== null
      ? `${t.label_zh} 占线索到回款周期的 ${percent(t.share_of_lead_to_cash)}（${t.n} 个案例，中位 ${days(t.median)} 天）`
      : `${t.label_zh} 耗时最多：${t.n} 个案例共 ${Math.round(t.total_days)} 天`,
    t.waiting.over_30_days === 0 ? `没有等待超过 30 天的${noun.slice(1)}` : `${t.waiting.over_30_days} ${noun}等待超过 30 天`,
  ];
  if (slower?.ratio != null) parts.push(`${KEY_LABELS[slower.key][1]}为 ${slower.value} 的中位耗时是其他的 ${slower.ratio.toFixed(1)} 倍`);
  return `${parts.join('；')}。`;
}

function days(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

function percent(share: number): string {
  return share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`;
}
