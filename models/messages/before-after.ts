/**
 * The before/after evaluation: why a comparison carries no statistics or a caution
 * (models/compare-evidence.ts), the mix note (models/mix.ts) and the survival curves' names
 * (models/survival.ts).
 */
import type { Catalogue } from './catalogue.ts';

export const EVIDENCE_NOTES = {
  not_available: { en: 'the measure is not available on these data', zh: '该指标在当前数据上不可用' },
  no_denominator: {
    en: 'no {denominator} {side} the cut-over: {rate} has no denominator',
    zh: '{side}没有{denominator}，{rate}无分母',
  },
  too_few_items: {
    en: 'too few completed items to test (before {before}, after {after}; at least 2 a side)',
    zh: '已完成的项目太少，无法检验（优化前 {before}，优化后 {after}；每边至少 2 个）',
  },
  few_items: {
    en: 'few completed items (before {before}, after {after}): the interval is rough',
    zh: '已完成的项目较少（优化前 {before}，优化后 {after}）：置信区间仅供粗略参考',
  },
} as const satisfies Catalogue;

/** The words a rate's note uses where its declaration names no denominator (models/measure-catalog.ts). */
export const RATE_WORDS = {
  decided_items: { en: 'decided items', zh: '已判定的项目' },
  the_rate: { en: 'the rate', zh: '该比率' },
} as const satisfies Catalogue;

/** The two sides of a cut-over. */
export const SIDES = {
  before: { en: 'before', zh: '优化前' },
  after: { en: 'after', zh: '优化后' },
} as const satisfies Catalogue;

export const MIX_NOTES = {
  simpson: {
    en: 'the pooled change and the change within {by} strata point in opposite directions: the mix of {by} changed (Simpson\'s paradox); trust the adjusted figure',
    zh: '总体变化与按{by}分层后的变化方向相反：{by}构成发生了变化（辛普森悖论），应以调整后的数值为准',
  },
} as const satisfies Catalogue;

export const SURVIVAL_CURVES = {
  time_to_order: { en: 'Time to first order', zh: '首单时间' },
  time_to_cash: { en: 'Time to cash', zh: '回款时间' },
} as const satisfies Catalogue;
