/** `ltc pipeline`, GET /api/pipeline: open opportunities by owner and stage, and the opportunity funnel. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { pipeline } from '../pipeline.ts';

export default defineAnalysis({
  name: 'pipeline',
  summary: 'open opportunities by owner and stage (count, amount), and the opportunity funnel by stage',
  params: PERIOD_NO_WINDOW,
  run: (db, p) => pipeline(db, periodOf(p)),
});
