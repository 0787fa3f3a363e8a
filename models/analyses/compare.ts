/** `ltc compare`, GET /api/compare: every measure before and after a cut-over, with its tests and intervals. */
import { defineAnalysis } from '../analysis/define.ts';
import { BEFORE_AFTER, beforeAfterOf, PERIOD } from '../analysis/params.ts';
import { compare } from '../compare.ts';

export default defineAnalysis({
  name: 'compare',
  summary: 'every measure before and after a cut-over date, with p-values and 95% intervals',
  params: { ...PERIOD, ...BEFORE_AFTER },
  run: (db, p) => compare(db, beforeAfterOf(p)),
});
