import * as Plot from '@observablehq/plot';
import { GRID, INK, labelWidth, PLOT_STYLE, SURFACE, NEUTRAL, RULE, FAINT } from '../../../style/chart-style.ts';
import { dataMoment, type CaseTimeline, type ObjectType } from './cases.ts';
import { timestamp } from '../../../../models/messages/format.ts';
import { labelOf } from './i18n.ts';
import type { CasesStrings } from './strings/cases.ts';
import type { Lang } from './types.ts';

/** One colour per record type: the Okabe–Ito palette, safe for colour-blind readers. */
export const OBJECT_COLORS: Record<ObjectType, string> = {
  lead: '#0072b2',
  opportunity: '#56b4e9',
  quote: '#cc79a7',
  order: '#e69f00',
  delivery: '#009e73',
  invoice: '#d55e00',
  payment: '#6a3d9a',
};

const LANE = 24;
const MILESTONE_INK = RULE;

interface Lane {
  key: string;
  label: string;
  /** the record type's colour, drawn as a swatch before the label; none for milestones */
  swatch: string | null;
}

/**
 * The timeline of one case: first the milestones it reached, each on its own lane with a thin
 * line to the next one (the time spent in that transition), then one lane per record — bars for
 * records with a duration (dashed to the data end while open), dots for every moment.
 */
export function caseTimelineChart(timeline: CaseTimeline, width: number, lang: Lang, text: CasesStrings): Element {
  const reached = timeline.milestones
    .filter((m): m is typeof m & { at: string } => m.at !== null)
    .map((m) => ({ key: `m:${m.id}`, label: labelOf(m, lang), at: dataMoment(m.at), raw: m.at }));
  const objectLanes: Lane[] = timeline.objects.map((o) => ({
    key: `o:${o.lane}`,
    label: `${text.objects[o.type]} ${o.id}`,
    swatch: OBJECT_COLORS[o.type],
  }));
  const lanes: Lane[] = [
    ...reached.map((m) => ({ key: m.key, label: m.label, swatch: null })),
    ...(reached.length && objectLanes.length ? [{ key: 'gap', label: '', swatch: null }] : []),
    ...objectLanes,
  ];

  const dataEnd = timeline.data_end ? dataMoment(timeline.data_end) : undefined;
  const spans = timeline.objects
    .filter((o) => o.end_at !== null || (o.open && dataEnd))
    .map((o) => ({
      key: `o:${o.lane}`,
      start: dataMoment(o.start_at),
      end: o.end_at ? dataMoment(o.end_at) : (dataEnd as Date),
      open: o.end_at === null,
      fill: OBJECT_COLORS[o.type],
      title: [
        `${text.objects[o.type]} ${o.id}`,
        `${timestamp(o.start_at)} → ${o.end_at ? timestamp(o.end_at) : text.timeline.openUntil(timestamp(timeline.data_end))}`,
      ].join('\n'),
    }));
  const moments = timeline.events.map((e) => ({
    key: `o:${e.lane}`,
    at: dataMoment(e.at),
    fill: OBJECT_COLORS[e.type],
    title: [`${text.objects[e.type]} ${e.id}`, `${text.activities[e.activity] ?? e.activity} · ${timestamp(e.at)}`].join('\n'),
  }));
  const steps = reached.slice(0, -1).map((m, i) => ({ key: m.key, from: m.at, to: reached[i + 1].at }));

  // The axis spans what happened. A record still open reaches the data end only when that is near;
  // otherwise its bar stops at the edge with an arrow, so a year of waiting does not squash the rest.
  const happened = [...reached.map((m) => m.at), ...moments.map((m) => m.at), ...spans.flatMap((s) => (s.open ? [s.start] : [s.start, s.end]))]
    .map((d) => d.getTime())
    .filter(Number.isFinite);
  let lo = Math.min(...happened);
  let hi = Math.max(...happened);
  if (!Number.isFinite(lo)) lo = hi = dataEnd?.getTime() ?? 0;
  const openEnd = spans.some((s) => s.open) && dataEnd ? dataEnd.getTime() : undefined;
  const clipped = openEnd !== undefined && openEnd - hi > Math.max((hi - lo) * 0.25, 7 * 86_400_000);
  if (openEnd !== undefined && !clipped) hi = Math.max(hi, openEnd);
  const pad = Math.max((hi - lo) * 0.03, 12 * 3_600_000);
  lo -= pad;
  hi += clipped ? pad * 3 : pad;
  const edge = new Date(hi);
  const bars = spans.map((s) => (s.open && s.end.getTime() > hi ? { ...s, end: edge, beyond: true } : { ...s, beyond: false }));

  const marginLeft = Math.min(210, Math.max(...lanes.map((l) => labelWidth(l.label)), 40) + 24);
  const marginRight = 16;
  const plotWidth = Math.max(width, marginLeft + marginRight + 120);
  const spanDays = (hi - lo) / 86_400_000;
  const monthly = spanDays > 240;
  const ticks = timeTicks(spanDays, (plotWidth - marginLeft - marginRight) / (monthly ? 72 : 96));

  return Plot.plot({
    width: plotWidth,
    height: lanes.length * LANE + 36,
    marginTop: 6,
    marginBottom: 30,
    marginLeft,
    marginRight,
    style: PLOT_STYLE,
    ariaLabel: text.timeline.chart,
    x: {
      type: 'utc',
      domain: [new Date(lo), new Date(hi)],
      label: null,
      grid: true,
      ticks,
      tickFormat: (d: Date) => (monthly ? isoMonth(d) : isoDay(d)),
    },
    y: { domain: lanes.map((l) => l.key), axis: null, padding: 0 },
    color: { type: 'identity' },
    marks: [
      Plot.ruleX(reached, { x: 'at', stroke: GRID, strokeDasharray: '3,3' }),
      ...(openEnd !== undefined && !clipped ? [Plot.ruleX([dataEnd], { stroke: NEUTRAL, strokeDasharray: '1,3' })] : []),
      Plot.ruleY(steps, { y: 'key', x1: 'from', x2: 'to', stroke: FAINT, strokeWidth: 2 }),
      Plot.barX(bars.filter((s) => !s.open), {
        x1: 'start', x2: 'end', y: 'key', fill: 'fill', fillOpacity: 0.28, stroke: 'fill', rx: 3,
        insetTop: 6, insetBottom: 6, title: 'title', tip: true,
      }),
      Plot.barX(bars.filter((s) => s.open), {
        x1: 'start', x2: 'end', y: 'key', fill: 'fill', fillOpacity: 0.1, stroke: 'fill', strokeDasharray: '4,3', rx: 3,
        insetTop: 6, insetBottom: 6, title: 'title', tip: true,
      }),
      Plot.text(bars.filter((s) => s.beyond), { x: 'end', y: 'key', text: () => '→', fill: 'fill', textAnchor: 'start', dx: 2, fontSize: 13 }),
      Plot.dot(moments, { x: 'at', y: 'key', fill: 'fill', stroke: SURFACE, strokeWidth: 1.2, r: 4, title: 'title', tip: true }),
      Plot.dot(reached, {
        x: 'at', y: 'key', symbol: 'diamond2', r: 5, fill: MILESTONE_INK, stroke: SURFACE, strokeWidth: 1,
        title: (m: (typeof reached)[number]) => `${m.label}\n${timestamp(m.raw)}`, tip: true,
      }),
      Plot.text(lanes, {
        y: 'key', text: 'label', frameAnchor: 'left', textAnchor: 'end', dx: -20,
        fill: (l: Lane) => (l.swatch ? INK : 'var(--muted, #667085)'),
      }),
      Plot.dot(lanes.filter((l) => l.swatch), {
        y: 'key', frameAnchor: 'left', dx: -10, r: 3.5, symbol: 'square', fill: 'swatch',
      }),
    ],
  });
}

/** A tick interval from day to year that leaves at most `fit` labels. */
function timeTicks(spanDays: number, fit: number): string {
  const steps: [string, number][] = [
    ['day', 1], ['2 days', 2], ['week', 7], ['2 weeks', 14], ['month', 30.4], ['2 months', 61], ['3 months', 91],
    ['6 months', 183], ['year', 365], ['2 years', 730],
  ];
  return (steps.find(([, days]) => spanDays / days <= Math.max(2, fit)) ?? ['5 years', 1826])[0];
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function isoMonth(d: Date): string {
  return d.toISOString().slice(0, 7);
}
