import * as Plot from '@observablehq/plot';
import { ACCENT, GRID, PLOT_STYLE, SURFACE } from '../../../style/chart-style.ts';
import { count, percent } from '../../../../models/messages/format.ts';
import { monthDate } from './months.ts';
import type { Strings } from './i18n.ts';
import type { CohortMonth, Lang } from './types.ts';

/**
 * Monthly lead-conversion line. Months where fewer than half the leads are old enough to
 * observe (the last ones before data_end) are drawn as hollow dots off the line, so that a
 * rate from a handful of leads does not read as a collapse; months with no rate leave a gap.
 */
export function cohortChart(
  cohorts: CohortMonth[],
  width: number,
  lang: Lang,
  text: Strings,
): Element {
  const rows = cohorts.map((cohort) => {
    const mostlyObserved = cohort.observable * 2 >= cohort.leads;
    return {
      date: monthDate(cohort.month),
      rate: cohort.conversion_rate,
      lineRate: mostlyObserved ? cohort.conversion_rate : null,
      partial: !mostlyObserved,
      title: [
        cohort.month,
        percent(cohort.conversion_rate),
        text.overview.observedConverted(count(cohort.converted, lang), count(cohort.observable, lang)),
        text.overview.leadsCreated(count(cohort.leads, lang)),
      ].join('\n'),
    };
  });
  const observed = rows.filter((row) => row.rate != null);
  const top = Math.max(0.05, ...observed.map((row) => row.rate ?? 0));
  return Plot.plot({
    width,
    height: 240,
    marginTop: 12,
    marginLeft: 44,
    marginRight: 16,
    style: PLOT_STYLE,
    x: { type: 'utc', label: null, tickFormat: '%Y-%m', ticks: monthTicks(rows.length, width) },
    y: {
      domain: [0, top * 1.1],
      nice: true,
      label: null,
      grid: true,
      tickFormat: (d: number) => `${Math.round(d * 100)}%`,
      ticks: 5,
    },
    marks: [
      Plot.ruleY([0], { stroke: GRID }),
      Plot.areaY(rows, { x: 'date', y1: 0, y2: 'lineRate', fill: ACCENT, fillOpacity: 0.07 }),
      Plot.lineY(rows, { x: 'date', y: 'lineRate', stroke: ACCENT, strokeWidth: 2 }),
      Plot.dot(observed, {
        x: 'date',
        y: 'rate',
        r: 3,
        fill: (row) => (row.partial ? SURFACE : ACCENT),
        stroke: ACCENT,
      }),
      Plot.tip(observed, Plot.pointerX({ x: 'date', y: 'rate', title: 'title' })),
    ],
  });
}

/** A month tick interval that leaves about 72px per label. */
function monthTicks(months: number, width: number): `${number} months` | 'month' {
  const fit = Math.max(1, Math.floor((width - 60) / 72));
  const step = [1, 2, 3, 6, 12].find((candidate) => months / candidate <= fit) ?? 24;
  return step === 1 ? 'month' : `${step} months`;
}
