/**
 * `ltc funnel-cohorts`: the windowed funnel per lead cohort, optionally one per segment value; and
 * `ltc filters`: the choices of the global filters (the values and extra columns the data carries).
 */
import funnelCohortsAnalysis from '../../../models/analyses/funnel-cohorts.ts';
import filtersAnalysis from '../../../models/analyses/filters.ts';
import { filterOptions, type FilterValue } from '../../../models/filters.ts';
import { funnelCohorts, type CohortGrain, type FunnelCohorts, type WindowedFunnel } from '../../../models/funnel-cohorts.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { textView } from '../command.ts';
import { table } from '../table.ts';
import { MISSING, percent } from '../../../models/messages/format.ts';

export const views = {

  'funnel-cohorts': textView(funnelCohortsAnalysis, {
    text(result, context) {
      if (result.stages.length === 0) {
        context.out('no leads loaded: import leads (and orders, payments) first');
        return 0;
      }
      context.out(`as of ${result.as_of} · window ${result.window_days} days · leads created after ${result.observable_until} are not yet observable (censored)`);
      context.out('each stage: leads that reached it (or a later one) within the window, and that as a share of the observable leads\n');
      if (result.segments === null) {
        context.out(cohortTable(result, result));
      } else {
        for (const segment of result.segments) {
          context.out(`${result.by_segment} = ${segment.value ?? '(none)'}`);
          context.out(cohortTable(result, segment) + '\n');
        }
      }
      return 0;
    },
  }),

  filters: textView(filtersAnalysis, {
    text(result, context) {
      const list = (values: readonly FilterValue[]) => values.map((v) => `${v.value} (${v.cases})`).join(', ') || MISSING;
      context.out(`${result.cases} cases\n`);
      for (const f of result.fields) {
        context.out(`${f.key}: ${f.distinct_values} values${f.truncated ? `, the ${f.values.length} most frequent shown` : ''}, ${f.missing} cases without`);
        context.out(`  ${list(f.values)}`);
      }
      const segments = result.attributes.filter((a) => a.role === 'segment');
      if (segments.length) context.out('\ncolumns that segment (offered first):');
      for (const a of segments) {
        context.out(`${a.key}: ${a.distinct_values} values, ${a.missing} cases without`);
        context.out(`  ${list(a.values)}`);
      }
      const others = [...result.attributes.filter((a) => a.role !== 'segment'), ...result.other_attributes]
        .sort((a, b) => (a.key < b.key ? -1 : 1));
      if (others.length) context.out(`\nother columns (${others.length}, behind the search): role, reason`);
      for (const o of others) context.out(`${o.key}: ${o.role}, ${o.reason}`);
      return 0;
    },
  }),
};

function cohortTable(result: FunnelCohorts, view: { total: WindowedFunnel; cohorts: (WindowedFunnel & { cohort: string })[] }): string {
  const shown = result.stages.slice(1);
  const row = (label: string, f: WindowedFunnel) => [
    label, String(f.leads), String(f.censored),
    ...f.stages.slice(1).map((s) => `${s.count} ${percent(s.cumulative_conversion)}`),
  ];
  return table(['cohort', 'leads', 'censored', ...shown.map((s) => s.label)], [
    ...view.cohorts.map((c) => row(c.cohort, c)),
    row('all', view.total),
  ]);
}
