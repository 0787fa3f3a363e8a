/**
 * The bottleneck sentence chosen from the catalogue by the transition's figures: the share or the
 * days, one case or many or none waiting over 30 days (with the noun of the start milestone), the
 * slower segment; English counts grouped, Chinese counts as they are.
 */
import { describe, expect, it } from 'vitest';
import { bottleneckSentences } from '../../models/bottleneck-words.ts';
import type { BottleneckTransition, SegmentTest } from '../../models/bottlenecks.ts';
import { transitionInfo, type Milestone } from '../../models/transitions.ts';

function transition(from: Milestone, to: Milestone, figures: { n: number; median: number; total_days: number; share: number | null; over30: number }): BottleneckTransition {
  return {
    ...transitionInfo(from, to),
    n: figures.n, mean: figures.total_days / figures.n, median: figures.median, p90: null, total_days: figures.total_days,
    censored: figures.over30, out_of_order: 0, histogram: null, thin: false,
    share_of_lead_to_cash: figures.share,
    waiting: { count: figures.over30, over_30_days: figures.over30, mean_days: null, max_days: null, aging: [] },
    slower_segments: [], segments_tested: [],
  };
}

const westSlower = { key: 'region', value: 'West', ratio: 1.84 } as SegmentTest;

describe('bottleneck sentence', () => {
  it('one order waiting: the singular noun and verb', () => {
    const t = transition('order_created', 'delivered', { n: 50, median: 12.25, total_days: 900, share: 0.4, over30: 1 });
    expect(bottleneckSentences(t, null)).toEqual({
      sentence: 'Order → Delivered takes 40% of lead-to-cash time (median 12.3 days over 50 cases); 1 order waits more than 30 days.',
      sentence_zh: '订单 → 交付 占线索到回款周期的 40%（50 个案例，中位 12.3 天）；1 个订单等待超过 30 天。',
    });
  });

  it('many invoiced orders waiting: plural, counts grouped in both languages, with the slower segment', () => {
    const t = transition('invoiced', 'paid', { n: 1234, median: 35, total_days: 43190, share: 0.004, over30: 1500 });
    expect(bottleneckSentences(t, westSlower)).toEqual({
      sentence: 'Invoiced → Paid takes <1% of lead-to-cash time (median 35.0 days over 1,234 cases); '
        + '1,500 invoiced orders wait more than 30 days; in region West it takes 1.8× as long as elsewhere (median).',
      sentence_zh: '开票 → 回款 占线索到回款周期的 <1%（1,234 个案例，中位 35.0 天）；1,500 个已开票订单等待超过 30 天；'
        + '区域为 West 的中位耗时是其他的 1.8 倍。',
    });
  });

  it('none waiting and no share: the days over the cases, "no leads" / the noun without its measure word', () => {
    const t = transition('lead_created', 'order_created', { n: 40, median: 14, total_days: 1579.6, share: null, over30: 0 });
    expect(bottleneckSentences(t, null)).toEqual({
      sentence: 'Lead created → Order takes the most time: 1,580 days over 40 cases; no leads wait there more than 30 days.',
      sentence_zh: '线索创建 → 订单 耗时最多：40 个案例共 1,580 天；没有等待超过 30 天的线索。',
    });
  });

  it('a stage of a stage history waits as an opportunity', () => {
    const t = transition('stage:Negotiation', 'won', { n: 30, median: 9, total_days: 300, share: null, over30: 2 });
    expect(bottleneckSentences(t, null)).toEqual({
      sentence: 'Negotiation → Won takes the most time: 300 days over 30 cases; 2 opportunities wait more than 30 days.',
      sentence_zh: 'Negotiation → 赢单 耗时最多：30 个案例共 300 天；2 个商机等待超过 30 天。',
    });
  });
});
