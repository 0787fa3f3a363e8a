/** `ltc transitions` as text, and what the bottleneck tables share (commands/bottlenecks.ts). */
import transitionsAnalysis from '../../../models/analyses/transitions.ts';
import type { BottleneckTransition } from '../../../models/bottlenecks.ts';
import { textView } from '../command.ts';
import { table } from '../table.ts';
import { daysWithUnit, MISSING, times } from '../../../models/messages/format.ts';

export const views = {
  transitions: textView(transitionsAnalysis, {
    text(result, context) {
      if (result.transitions.length === 0) {
        context.out(NO_TRANSITIONS);
        return 0;
      }
      context.out(`data end ${result.data_end ?? MISSING} · as of ${result.as_of ?? MISSING} · by the start of each transition\n`);
      context.out(table(['transition', 'n', 'mean', 'median', 'p90', 'waiting', 'out of order'], result.transitions.map((t) => [
        t.label, thinMark(t), daysWithUnit(t.mean, 'en'), daysWithUnit(t.median, 'en'), daysWithUnit(t.p90, 'en'), String(t.censored), String(t.out_of_order),
      ])));
      if (result.transitions.some((t) => t.thin)) context.out(`\n${thinNote(result.thin_below)}`);
      return 0;
    },
  }),
};

export const NO_TRANSITIONS = 'no transitions: import leads, opportunities or orders (and what follows them) first';

/** n, with a * when the transition is thin. */
export function thinMark(t: { n: number; thin: boolean }): string {
  return t.thin ? `${t.n}*` : String(t.n);
}

export function thinNote(below: number): string {
  return `* thin: fewer than ${below} completed cases — shown, never named the bottleneck.`;
}

export function slowerIn(t: BottleneckTransition): string {
  return t.slower_segments.map((s) => `${s.key} ${s.value} ${s.ratio === null ? '' : times(s.ratio)}`.trim()).join(', ');
}
