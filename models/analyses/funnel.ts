/** `ltc funnel`, GET /api/funnel: the leads of the period reaching each milestone. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { funnel } from '../funnel.ts';

export default defineAnalysis({
  name: 'funnel',
  summary: 'leads of the period reaching each milestone',
  params: PERIOD_NO_WINDOW,
  run: (db, p) => funnel(db, periodOf(p)),
});
