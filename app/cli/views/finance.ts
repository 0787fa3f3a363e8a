/** `ltc trends`, `ltc dso`, `ltc aging`: the measures month by month, days sales outstanding, receivables aging. */
import trendsAnalysis from '../../../models/analyses/trends.ts';
import dsoAnalysis from '../../../models/analyses/dso.ts';
import agingAnalysis from '../../../models/analyses/aging.ts';
import { aging } from '../../../models/aging.ts';
import { dso } from '../../../models/dso.ts';
import { trends, type TrendGranularity } from '../../../models/trends.ts';
import type { MeasureUnit } from '../../../models/measures.ts';
import { textView } from '../command.ts';
import { table } from '../table.ts';
import { cents, daysWithUnit, measureCell, MISSING, NOT_AVAILABLE, percent } from '../../../models/messages/format.ts';

export const views = {

  trends: textView(trendsAnalysis, {
    text(result, context) {
      if (result.periods.length === 0) {
        context.out('nothing to show: no start events in the period (import leads, orders, invoices first)');
        return 0;
      }
      context.out(`data end ${result.data_end ?? MISSING} · as of ${result.as_of ?? MISSING} · conversion window ${result.window_days} days · by ${result.by}\n`);
      context.out(table(['period', ...result.measures.map((m) => m.label)], result.periods.map((p, i) => [
        p.partial ? `${p.period}*` : p.period,
        ...result.measures.map((m) => cell(m, m.points[i])),
      ])));
      context.out('\nvalue (n); conversion: rate (converted/observable leads). * period not complete (not over at as_of, or cut by --from/--to).');
      for (const m of result.measures.filter((s) => s.note)) context.out(`${m.label}: ${m.note}`);
      return 0;
    },
  }),

  dso: textView(dsoAnalysis, {
    text(result, context) {
      if (!result.available) {
        context.out(`DSO: ${result.note}`);
        return 0;
      }
      context.out(`data end ${result.data_end ?? MISSING} · as of ${result.as_of ?? MISSING}`);
      const h = result.headline;
      context.out(h
        ? `DSO ${daysWithUnit(h.dso, 'en')} in ${h.month}${h.partial ? ' (not over)' : ''}, from ${h.invoices} invoices: the latest month that is not thin\n`
        : 'DSO: every month listed is thin (little invoiced): no headline figure\n');
      context.out(table(['month', 'days', 'invoices', 'invoiced', 'open receivables', 'open invoices', 'DSO'], result.months.map((m) => [
        m.partial ? `${m.month}*` : m.month, String(m.days), String(m.invoices), cents(m.invoiced), cents(m.open_receivables),
        String(m.open_invoices), m.thin ? `${daysWithUnit(m.dso, 'en')} (thin)` : daysWithUnit(m.dso, 'en'),
      ])));
      context.out('\nDSO = open receivables at month end ÷ invoiced in the month × days in the month.');
      context.out(`(thin) = little invoiced: fewer than ${result.thin_below} invoices, or under ${result.thin_share * 100}% of the median month's invoiced`
        + `${result.median_invoiced === null ? '' : ` (${cents(result.median_invoiced)})`}, pro-rated in a month not over.`);
      for (const m of result.months.filter((x) => x.note)) context.out(`${m.month}: ${m.note}`);
      return 0;
    },
  }),

  aging: textView(agingAnalysis, {
    text(result, context) {
      if (!result.available) {
        context.out(`aging: ${result.note}`);
        return 0;
      }
      context.out(`open receivables as of ${result.as_of ?? MISSING}\n`);
      const share = (amount: number) => (result.total.open_amount > 0 ? percent(amount / result.total.open_amount) : MISSING);
      context.out(table(['days past due', 'invoices', 'open amount', 'share'], [
        ...result.buckets.map((b) => [b.label, String(b.count), cents(b.open_amount), share(b.open_amount)]),
        ['Total', String(result.total.count), cents(result.total.open_amount), share(result.total.open_amount)],
      ]));
      if (result.no_due_date > 0) {
        context.out(`\n${result.no_due_date} open invoice(s) have no due date: aged as due ${result.terms_days} days after issue.`);
      }
      return 0;
    },
  }),
};

function cell(measure: { available: boolean; unit: MeasureUnit }, p: { value: number | null; n: number; count: number | null }): string {
  if (!measure.available) return NOT_AVAILABLE;
  if (measure.unit === 'ratio') return p.n > 0 ? `${measureCell({ ...measure, value: p.value }, 'en')} (${p.count}/${p.n})` : MISSING;
  return p.n > 0 ? `${measureCell({ ...measure, value: p.value }, 'en')} (${p.n})` : MISSING;
}
