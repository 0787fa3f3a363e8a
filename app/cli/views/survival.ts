/** `ltc survival`: time to order and to cash before/after a cut-over, open cases counted (docs/statistics.md). */
import survivalAnalysis from '../../../models/analyses/survival.ts';
import { survival } from '../../../models/survival.ts';
import { daysWithUnit, percent, pValue } from '../../../models/messages/format.ts';
import { langOf, textView } from '../command.ts';
import { table } from '../table.ts';

export const views = {
  survival: textView(survivalAnalysis, {
    text(result, context) {
      const lang = langOf(context);
      const zh = lang === 'zh';
      context.out(table(
        zh ? ['指标', '90天内 优化前', '90天内 优化后', '优化前 中位数', '优化后 中位数', '优化前 n (未完成)', '优化后 n (未完成)', 'log-rank p']
          : ['measure', 'within 90 d before', 'within 90 d after', 'median before', 'median after', 'n before (open)', 'n after (open)', 'log-rank p'],
        result.curves.map((c) => [
          zh ? c.label_zh : c.label, percent(c.before.share_by[90]), percent(c.after.share_by[90]),
          daysWithUnit(c.before.median_days, lang), daysWithUnit(c.after.median_days, lang),
          `${c.before.n} (${c.before.censored})`, `${c.after.n} (${c.after.censored})`,
          pValue(c.log_rank?.p_value),
        ]),
      ));
      context.out(zh
        ? '\nKaplan–Meier 中位数：未下单/未回款的线索按截至日计为删失，而不是被丢弃。'
        : '\nKaplan–Meier medians: leads without an order (or cash) yet count as censored at the data end, not dropped.');
      return 0;
    },
  }),
};
