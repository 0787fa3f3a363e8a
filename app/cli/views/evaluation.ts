/** `ltc mix`, `ltc change-point`: the evidence beside the before/after table (docs/statistics.md). */
import mixAnalysis from '../../../models/analyses/mix.ts';
import changePointAnalysis from '../../../models/analyses/change-point.ts';
import { changePoints } from '../../../models/change-point.ts';
import { mixComparison } from '../../../models/mix.ts';
import { change, measureWithUnit, MISSING, wholePercent } from '../../../models/messages/format.ts';
import { langOf, textView } from '../command.ts';
import { table } from '../table.ts';

export const views = {
  mix: textView(mixAnalysis, {
    text(result, context) {
      const lang = langOf(context);
      const zh = lang === 'zh';
      context.out(table(
        zh ? ['指标', '优化前', '优化后', '总体变化', '按构成调整后', '覆盖'] : ['measure', 'before', 'after', 'pooled change', 'mix-adjusted change', 'coverage'],
        result.kpis.map((k) => [
          `${zh ? k.label_zh : k.label}${k.simpson ? ' ⚠' : ''}`, measureWithUnit(k.unit, k.before, lang), measureWithUnit(k.unit, k.after, lang),
          change(k.pooled_change_pct), change(k.adjusted_change_pct), wholePercent(k.coverage),
        ]),
      ));
      for (const k of result.kpis.filter((x) => x.simpson)) context.out(`\n⚠ ${zh ? k.label_zh : k.label}: ${zh ? k.note_zh : k.note}`);
      context.out(`\n${zh ? `按 ${result.by} 分层` : `strata by ${result.by}`}:`);
      // Only the measures these data give a value for (an opportunity export has no lead measures, and the other way round).
      const measured = result.kpis.filter((k) => k.before !== null || k.after !== null);
      context.out(table(['', ...measured.map((k) => (zh ? k.label_zh : k.label))], result.strata.map((s) => [
        s.value, ...measured.map((m) => {
          const k = s.kpis.find((x) => x.id === m.id)!;
          return `${measureWithUnit(m.unit, k.before, lang)} → ${measureWithUnit(m.unit, k.after, lang)}`;
        }),
      ])));
      return 0;
    },
  }),

  'change-point': textView(changePointAnalysis, {
    text(result, context) {
      if (!result.suggested_cutover) {
        context.out('not enough months with data to look for a change (at least four are needed)');
        return 0;
      }
      context.out(`suggested cut-over: ${result.suggested_cutover}${result.chosen_cutover ? ` (chosen: ${result.chosen_cutover})` : ''}\n`);
      context.out(table(['measure', 'suggested', 'explained', 'chosen explains'], result.measures.map((m) => [
        m.label, m.suggested?.cutover ?? MISSING, wholePercent(m.suggested?.explained), wholePercent(m.chosen?.explained),
      ])));
      return 0;
    },
  }),
};
