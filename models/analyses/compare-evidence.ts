/** GET /api/compare/evidence: compare's evidence without the values — the Before/After page's tests and intervals. */
import { defineAnalysis } from '../analysis/define.ts';
import { BEFORE_AFTER, beforeAfterOf, PERIOD } from '../analysis/params.ts';
import { compareEvidence } from '../compare.ts';

export default defineAnalysis({
  name: 'compare-evidence',
  path: '/api/compare/evidence',
  summary: 'compare\'s evidence without the values: per measure its test, p-value, 95% interval and median difference',
  command: false,
  params: { ...PERIOD, ...BEFORE_AFTER },
  run: (db, p) => compareEvidence(db, beforeAfterOf(p)),
});
