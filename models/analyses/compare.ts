/** `ltc compare`, GET /api/compare: every measure before and after a cut-over, with its tests and intervals. */
import { defineAnalysis } from '../analysis/define.ts';
import { date, PERIOD, periodOf, text } from '../analysis/params.ts';
import { compare } from '../compare.ts';

export default defineAnalysis({
  name: 'compare',
  summary: 'every measure before and after a cut-over date, with p-values and 95% intervals',
  params: {
    ...PERIOD,
    cutover: date('the day the new process started'),
    excludeDays: text('N', 'days after the cut-over left out as transition'),
    before: text('FROM..TO', 'the period before, instead of a cut-over'),
    after: text('FROM..TO', 'the period after, instead of a cut-over'),
  },
  run: (db, p) => compare(db, { ...periodOf(p), cutover: p.cutover, before: p.before, after: p.after, excludeDays: p.excludeDays }),
});
