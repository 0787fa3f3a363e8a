/**
 * The evidence behind one row of the before/after table (docs/statistics.md): a p-value and a 95% confidence
 * interval of the difference after − before.
 *
 * - Rates: the two-proportion z-test (pooled SE, two-sided) and Newcombe's hybrid score interval of
 *   the rate difference (models/stats/proportions.ts).
 * - Durations and amounts: the Mann–Whitney U test on the completed items of both periods (normal
 *   approximation with tie and continuity corrections, models/stats/mann-whitney.ts) and a seeded
 *   percentile bootstrap of the difference of medians, in days or the amount (models/stats/bootstrap.ts).
 *
 * With too few items on a side, p-value and interval are null and a note says why.
 */
import { measureSpec } from './measure-catalog.ts';
import type { MeasureValue } from './measures.ts';
import { count } from './messages/format.ts';
import { EVIDENCE_NOTES, RATE_WORDS, SIDES } from './messages/before-after.ts';
import { say, sayAll, type Message } from './messages/catalogue.ts';
import { bootstrapMedianDifference, sortedMedian, type BootstrapOptions } from './stats/bootstrap.ts';
import { mannWhitneyFromRanks, rankSummaryOfSorted } from './stats/mann-whitney.ts';
import { newcombeInterval, twoProportionZTest } from './stats/proportions.ts';
import { fieldPair } from './words.ts';
import { sayEach } from './messages/catalogue.ts';

export type TestName = 'two-proportion z' | 'Mann–Whitney U';

/** The test of durations and amounts. */
export const VALUE_TEST: TestName = 'Mann–Whitney U';

export interface Evidence {
  readonly test: TestName;
  /** two-sided; null when it cannot be computed (see note) */
  readonly p_value: number | null;
  /** 95% confidence interval of after − before: rate points for rates, days for durations, the amount for amounts */
  readonly ci95: [number, number] | null;
  /** median after − median before, in days (durations) or the amount (amounts); null for rates */
  readonly median_diff: number | null;
  readonly note?: string;
  readonly note_zh?: string;
}

/** Evidence on a rate from the two periods' counts (count of n). */
export function rateEvidence(before: MeasureValue, after: MeasureValue): Evidence {
  const test = 'two-proportion z';
  const missing = unavailable(test, before, after);
  if (missing) return missing;
  if (before.n === 0 || after.n === 0) {
    return withoutStatistics(test, noDenominator(before.id, before.n === 0 ? 'before' : 'after'));
  }
  const x1 = after.count ?? 0;
  const x2 = before.count ?? 0;
  return {
    test,
    p_value: twoProportionZTest(x1, after.n, x2, before.n).p_value,
    ci95: newcombeInterval(x1, after.n, x2, before.n),
    median_diff: null,
  };
}

/** Evidence on a duration from the completed items of each period (days, ascending). */
export function durationEvidence(
  before: MeasureValue, after: MeasureValue, beforeDays: ArrayLike<number>, afterDays: ArrayLike<number>,
  bootstrap: BootstrapOptions = {},
): Evidence {
  return unavailable(VALUE_TEST, before, after) ?? itemsEvidence(beforeDays, afterDays, bootstrap);
}

/**
 * Evidence on a duration or an amount the data can give in both periods, from the completed items of
 * each (days or the amount, ascending).
 */
export function itemsEvidence(beforeDays: ArrayLike<number>, afterDays: ArrayLike<number>, bootstrap: BootstrapOptions = {}): Evidence {
  const test = VALUE_TEST;
  const medianBefore = sortedMedian(beforeDays);
  const medianAfter = sortedMedian(afterDays);
  const medianDiff = medianBefore === null || medianAfter === null ? null : medianAfter - medianBefore;
  if (beforeDays.length < 2 || afterDays.length < 2) {
    return {
      ...withoutStatistics(test, sayAll(EVIDENCE_NOTES, 'too_few_items', sides(beforeDays.length, afterDays.length))),
      median_diff: medianDiff,
    };
  }
  const fewest = Math.min(beforeDays.length, afterDays.length);
  return {
    test,
    p_value: mannWhitneyFromRanks(rankSummaryOfSorted(afterDays, beforeDays)).p_value,
    ci95: bootstrapMedianDifference(beforeDays, afterDays, bootstrap),
    median_diff: medianDiff,
    // The percentile bootstrap of a median is coarse on a handful of items (few distinct resample medians).
    ...(fewest < FEW_ITEMS ? fieldPair('note', sayAll(EVIDENCE_NOTES, 'few_items', sides(beforeDays.length, afterDays.length))) : {}),
  };
}

/** Below this many completed items on a side, the duration interval comes with a caution. */
export const FEW_ITEMS = 10;

function unavailable(test: TestName, before: MeasureValue, after: MeasureValue): Evidence | null {
  return before.available && after.available ? null : notAvailable(test);
}

/** The evidence of a measure the data cannot give (a table it needs is not loaded). */
export function notAvailable(test: TestName): Evidence {
  return withoutStatistics(test, sayAll(EVIDENCE_NOTES, 'not_available'));
}

function withoutStatistics(test: TestName, note: Message): Evidence {
  return { test, p_value: null, ci95: null, median_diff: null, ...fieldPair('note', note) };
}

const sides = (before: number, after: number) => ({ before: count(before), after: count(after) });

/** A side without any item the rate counts: its denominator and the rate named by the measure's declaration where it names them. */
function noDenominator(id: MeasureValue['id'], side: 'before' | 'after'): Message {
  const declared = measureSpec(id).denominator;
  const denominator = declared ?? sayAll(RATE_WORDS, 'decided_items');
  const rate = { en: say(RATE_WORDS, 'the_rate', 'en'), zh: declared?.rate_zh ?? say(RATE_WORDS, 'the_rate', 'zh') };
  return sayEach(EVIDENCE_NOTES, 'no_denominator', (lang) => ({ denominator: denominator[lang], side: say(SIDES, side, lang), rate: rate[lang] }));
}
