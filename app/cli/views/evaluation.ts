/** `ltc mix`, `ltc change-point`: the evidence beside the before/after table (docs/statistics.md). */
import mixAnalysis from '../../../models/analyses/mix.ts';
import changePointAnalysis from '../../../models/analyses/change-point.ts';
import { changePoints } from '../../../models/change-point.ts';
import { mixComparison } from '../../../models/mix.ts';
import { textView } from '../command.ts';
import type { MeasureUnit } from '../../../models/measures.ts';
import { formatMeasure, table } from '../format.ts';

/** A change as compare and the report write it: +12.5%, −3.0% (a minus sign, not a hyphen). */
const pct = (value: number | null) => (value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value * 100).toFixed(1)}%`);
const shown = (value: number | null, unit: MeasureUnit) => formatMeasure(unit, value);

export const views = {
  mix: textView(mixAnalysis, {
    text(result, context) {
      const zh = context.values.lang === 'zh';
      context.out(table(
        zh ? ['指标', '优化前', '优化后', '总体变化', '按构成调整后', '覆盖'] : ['measure', 'before', 'after', 'pooled change', 'mix-adjusted change', 'coverage'],
        result.kpis.map((k) => [
          `${zh ? k.label_zh : k.label}${k.simpson ? ' ⚠' : ''}`, shown(k.before, k.unit), shown(k.after, k.unit),
          pct(k.pooled_change_pct), pct(k.adjusted_change_pct), k.coverage === null ? '–' : `${Math.round(k.coverage * 100)}%`,
        ]),
      ));
      for (const k of result.kpis.filter((x) => x.simpson)) context.out(`\n⚠ ${zh ? k.label_zh : k.label}: ${zh ? k.note_zh : k.note}`);
      context.out(`\n${zh ? `按 ${result.by} 分层` : `strata by ${result.by}`}:`);
      // Only the measures these data give a value for (an opportunity export has no lead measures, and the other way round).
      const measured = result.kpis.filter((k) => k.before !== null || k.after !== null);
      context.out(table(['', ...measured.map((k) => (zh ? k.label_zh : k.label))], result.strata.map((s) => [
        s.value, ...measured.map((m) => {
          const k = s.kpis.find((x) => x.id === m.id)!;
          return `${shown(k.before, m.unit)} → ${shown(k.after, m.unit)}`;
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
        m.label, m.suggested?.cutover ?? '–', m.suggested ? `${Math.round(m.suggested.explained * 100)}%` : '–',
        m.chosen ? `${Math.round(m.chosen.explained * 100)}%` : '–',
      ])));
      return 0;
    },
  }),
};
