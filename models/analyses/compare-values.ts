/** GET /api/compare/values: compare without its evidence — the Before/After page's table, shown before the evidence comes. */
import { defineAnalysis } from '../analysis/define.ts';
import { BEFORE_AFTER, beforeAfterOf, PERIOD } from '../analysis/params.ts';
import { compareValues } from '../compare.ts';

export default defineAnalysis({
  name: 'compare-values',
  path: '/api/compare/values',
  summary: 'compare without the evidence: every measure before and after, and the change',
  command: false,
  params: { ...PERIOD, ...BEFORE_AFTER },
  run: (db, p) => compareValues(db, beforeAfterOf(p)),
});
