/** `ltc mix`, GET /api/mix: whether a change comes from the mix of cases or from within each segment. */
import { defineAnalysis } from '../analysis/define.ts';
import { date, PERIOD, periodOf, text } from '../analysis/params.ts';
import { mixComparison } from '../mix.ts';

export default defineAnalysis({
  name: 'mix',
  summary: 'before/after within segments, re-weighted to the before mix; flags Simpson\'s paradox',
  params: {
    ...PERIOD,
    cutover: date('the day the new process started'),
    by: text('source|owner|region|segment', 'the segment to split by'),
    excludeDays: text('N', 'days after the cut-over left out as transition'),
  },
  run: (db, p) => mixComparison(db, { ...periodOf(p), cutover: p.cutover ?? '', by: p.by, excludeDays: p.excludeDays }),
});
