/** `ltc kpis`, `ltc funnel`, `ltc compare`: the LTC measures of one period, and before/after a cut-over. */
import kpisAnalysis from '../../../models/analyses/kpis.ts';
import funnelAnalysis from '../../../models/analyses/funnel.ts';
import compareAnalysis from '../../../models/analyses/compare.ts';
import { compare, type CompareResult } from '../../../models/compare.ts';
import { funnel } from '../../../models/funnel.ts';
import { kpis } from '../../../models/measures.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { change, intervalWithUnit, measureCell, measureWithUnit, MISSING, percent, pValue } from '../../../models/messages/format.ts';
import { langOf, textView } from '../command.ts';
import { table } from '../table.ts';

export const views = {

  kpis: textView(kpisAnalysis, {
    text(result, context) {
      context.out(`data end ${result.data_end ?? MISSING} · conversion window ${result.window_days} days\n`);
      context.out(table(['measure', 'value', 'median', 'p90', 'n', 'censored'], result.kpis.map((k) => [
        k.label, measureCell(k, 'en'), k.unit === 'ratio' ? '' : measureWithUnit(k.unit, k.median, 'en'), k.unit === 'ratio' ? '' : measureWithUnit(k.unit, k.p90, 'en'),
        k.unit === 'ratio' ? `${k.count ?? 0}/${k.n}` : String(k.n), String(k.censored),
      ])));
      if (result.kpis.some((k) => k.thin)) context.out(`* thin: from fewer than ${result.thin_below} items, read with care`);
      for (const k of result.kpis.filter((m) => m.note)) context.out(`${k.label}: ${k.note}`);
      return 0;
    },
  }),


  funnel: textView(funnelAnalysis, {
    text(result, context) {
      if (result.stages.length === 0) {
        context.out('no leads loaded: import leads (and orders, payments) first');
        return 0;
      }
      context.out(table(['stage', 'leads', 'step', 'cumulative'], result.stages.map((s) => [
        s.label, String(s.count), percent(s.step_conversion), percent(s.cumulative_conversion),
      ])));
      return 0;
    },
  }),


  compare: textView(compareAnalysis, {
    text(result, context) {
      const lang = langOf(context);
      const zh = lang === 'zh';
      context.out(`${periodsLine(result, zh)}\n`);
      context.out(table(
        zh ? ['指标', '优化前', '优化后', '提升幅度', 'p 值', '95% 置信区间'] : ['Measure', 'Before', 'After', 'Change', 'p-value', '95% CI'],
        result.kpis.map((k) => [
          zh ? k.label_zh : k.label, measureCell(k.before, lang), measureCell(k.after, lang),
          change(k.change_pct) + verdict(k.improved, k.change_pct, zh),
          pValue(k.p_value), intervalWithUnit(k.unit, k.ci95, lang),
        ])));
      context.out(zh
        ? '\np 值：比率用双比例 z 检验，时长与金额用 Mann–Whitney U 检验；95% 置信区间是优化后减优化前之差（比率：Newcombe 得分区间，单位百分点 pp；时长与金额：中位数差的自助法区间，2000 次重抽样，单位天或金额）。'
        : '\np-value: two-proportion z-test (rates) or Mann–Whitney U (durations, amounts); 95% CI of after − before: Newcombe score interval (rates, percentage points) or bootstrap of the median difference (durations in days, amounts as loaded).');
      if (result.kpis.some((k) => k.before.thin || k.after.thin)) {
        context.out(zh ? '* 样本少：少于 20 个项目，仅供参考' : '* thin: from fewer than 20 items, read with care');
      }
      for (const k of result.kpis.filter((m) => m.note)) context.out(`${zh ? k.label_zh : k.label}: ${zh ? k.note_zh : k.note}`);
      return 0;
    },
  }),
};

function periodsLine(result: CompareResult, zh: boolean): string {
  const end = `${zh ? '数据截至' : 'data end'} ${result.data_end ?? MISSING} · ${zh ? `转化窗口 ${result.window_days} 天` : `conversion window ${result.window_days} days`}`;
  if (result.cutover === null) {
    const { before, after } = result.periods;
    return zh
      ? `优化前 ${before.from} 至 ${before.to} · 优化后 ${after.from} 至 ${after.to} · ${end}`
      : `before ${before.from}..${before.to} · after ${after.from}..${after.to} · ${end}`;
  }
  const excluded = result.exclude_days === 0 ? ''
    : zh ? ` · 切换后 ${result.exclude_days} 天（至 ${result.periods.after.from} 前）为过渡期，不计入优化后`
      : ` · the first ${result.exclude_days} days after it (before ${result.periods.after.from}) left out as transition`;
  return zh ? `切换日期 ${result.cutover}${excluded} · ${end}` : `cut-over ${result.cutover}${excluded} · ${end}`;
}

function verdict(improved: boolean | null, change: number | null, zh: boolean): string {
  if (improved === true) return zh ? ' 改善' : ' better';
  if (improved === false && change !== null && change !== 0) return zh ? ' 变差' : ' worse';
  return '';
}
