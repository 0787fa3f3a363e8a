/** `ltc kpis`, `ltc funnel`, `ltc compare`: the LTC measures of one period, and before/after a cut-over. */
import { compare } from '../../../models/compare.ts';
import { funnel } from '../../../models/funnel.ts';
import { kpis } from '../../../models/measures.ts';
import { UsageError } from '../../../models/period.ts';
import { PERIOD_OPTIONS, periodOptions, withDb, type Command } from '../command.ts';
import { formatChange, formatDays, formatRatio, formatValue, table } from '../format.ts';

export const commands: Record<string, Command> = {

  kpis: {
    args: '[--from D] [--to D] [--window-days N] [--as-of D] [--where K=V]',
    summary: 'the LTC measures for one period',
    options: PERIOD_OPTIONS,
    async run(context) {
      const result = await withDb(context, (db) => kpis(db, periodOptions(context.values)));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      context.out(`data end ${result.data_end ?? '–'} · conversion window ${result.window_days} days\n`);
      context.out(table(['measure', 'value', 'median', 'p90', 'n', 'censored'], result.kpis.map((k) => [
        k.label, formatValue(k), k.unit === 'days' ? formatDays(k.median) : '', k.unit === 'days' ? formatDays(k.p90) : '',
        k.unit === 'ratio' ? `${k.count ?? 0}/${k.n}` : String(k.n), String(k.censored),
      ])));
      for (const k of result.kpis.filter((m) => m.note)) context.out(`${k.label}: ${k.note}`);
      return 0;
    },
  },


  funnel: {
    args: '[--from D] [--to D] [--as-of D] [--where K=V]',
    summary: 'leads of the period reaching each milestone',
    options: PERIOD_OPTIONS,
    async run(context) {
      const result = await withDb(context, (db) => funnel(db, periodOptions(context.values)));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      if (result.stages.length === 0) {
        context.out('no leads loaded: import leads (and orders, payments) first');
        return 0;
      }
      context.out(table(['stage', 'leads', 'step', 'cumulative'], result.stages.map((s) => [
        s.label, String(s.count), formatRatio(s.step_conversion), formatRatio(s.cumulative_conversion),
      ])));
      return 0;
    },
  },


  compare: {
    args: '--cutover D [--window-days N] [--lang zh] [--where K=V]',
    summary: 'every measure before and after a cut-over date',
    options: { ...PERIOD_OPTIONS, cutover: { type: 'string' }, lang: { type: 'string' } },
    async run(context) {
      const lang = (context.values.lang as string | undefined) ?? 'en';
      if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`);
      const result = await withDb(context, (db) =>
        compare(db, { ...periodOptions(context.values), cutover: context.values.cutover as string }));
      if (context.json) {
        context.out(JSON.stringify(result));
        return 0;
      }
      const zh = lang === 'zh';
      context.out(zh
        ? `切换日期 ${result.cutover} · 数据截至 ${result.data_end ?? '–'} · 转化窗口 ${result.window_days} 天\n`
        : `cut-over ${result.cutover} · data end ${result.data_end ?? '–'} · conversion window ${result.window_days} days\n`);
      context.out(table(zh ? ['指标', '优化前', '优化后', '提升幅度'] : ['Measure', 'Before', 'After', 'Change'],
        result.kpis.map((k) => [
          zh ? k.label_zh : k.label, formatValue(k.before), formatValue(k.after),
          formatChange(k.change_pct) + verdict(k.improved, k.change_pct, zh),
        ])));
      return 0;
    },
  },
};

function verdict(improved: boolean | null, change: number | null, zh: boolean): string {
  if (improved === true) return zh ? ' 改善' : ' better';
  if (improved === false && change !== null && change !== 0) return zh ? ' 变差' : ' worse';
  return '';
}
