/**
 * The DSO chart for screen readers (components/overview/FinanceCard.svelte): its sentence is over
 * the months that are not thin (a thin month's value says little), its table lists every month with
 * its invoices, a thin one marked.
 */
import { seriesSummary, type ChartData } from './chart-data.ts';
import type { DsoMonth } from './overview.ts';
import type { Lang } from './types.ts';

export function dsoChartData(
  months: readonly DsoMonth[],
  format: (v: number) => string,
  columns: readonly string[],
  thinMark: string,
  lang: Lang,
): ChartData {
  const solid = months.filter((m) => !m.thin);
  return {
    summary: seriesSummary((solid.length > 0 ? solid : months).map((m) => ({ label: m.month, value: m.dso })), format, lang),
    columns,
    rows: months.map((m) => [m.month, m.dso === null ? null : `${format(m.dso)}${m.thin ? ` (${thinMark})` : ''}`, m.invoices]),
  };
}
