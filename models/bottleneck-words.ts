/**
 * The bottleneck in one sentence, in English and Chinese (docs/measures.md, bottlenecks): its share
 * of lead-to-cash time with the median and n it rests on — or, without a share, its days over its n
 * cases — how many cases wait there more than 30 days, and its most markedly slower segment. The
 * words are models/messages/bottlenecks.ts; this file chooses them by the transition's figures.
 */
import type { BottleneckTransition, SegmentTest } from './bottlenecks.ts';
import { count as countOf, days, wholePercent } from './messages/format.ts';
import { say, type Lang } from './messages/catalogue.ts';
import { BOTTLENECK_SENTENCE, SEGMENT_KEY_NAMES, WAITING_CASES } from './messages/bottlenecks.ts';
import type { Milestone } from './transitions.ts';

export function bottleneckSentences(t: BottleneckTransition, slower: SegmentTest | null): { sentence: string; sentence_zh: string } {
  return { sentence: sentence(t, slower, 'en'), sentence_zh: sentence(t, slower, 'zh') };
}

/** A stage of a stage history waits as an opportunity does. */
const waitingAt = (m: Milestone): keyof typeof WAITING_CASES => (m.startsWith('stage:') ? 'opportunity_created' : m as keyof typeof WAITING_CASES);

function sentence(t: BottleneckTransition, slower: SegmentTest | null, lang: Lang): string {
  const label = lang === 'en' ? t.label : t.label_zh;
  const count = countOf(t.n, lang);
  const over = t.waiting.over_30_days;
  const parts = [
    t.share_of_lead_to_cash !== null
      ? say(BOTTLENECK_SENTENCE, 'share', lang, { label, share: wholePercent(t.share_of_lead_to_cash), median: days(t.median), count })
      : say(BOTTLENECK_SENTENCE, 'most_days', lang, { label, days: countOf(Math.round(t.total_days), lang), count }),
    say(BOTTLENECK_SENTENCE, 'waiting', lang, {
      n: over, cases: say(WAITING_CASES, waitingAt(t.from), lang, { n: over, count: countOf(over, lang) }),
    }),
  ];
  if (slower?.ratio != null) {
    parts.push(say(BOTTLENECK_SENTENCE, 'slower', lang, {
      key: say(SEGMENT_KEY_NAMES, slower.key, lang), value: slower.value, ratio: slower.ratio.toFixed(1),
    }));
  }
  return say(BOTTLENECK_SENTENCE, 'sentence', lang, { parts: parts.join(say(BOTTLENECK_SENTENCE, 'separator', lang)) });
}
