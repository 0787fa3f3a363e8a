/** `ltc kpis`, GET /api/kpis: the LTC measures of one period (docs/measures.md). */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD, periodOf } from '../analysis/params.ts';
import { kpis } from '../measures.ts';

export default defineAnalysis({
  name: 'kpis',
  summary: 'the LTC measures for one period',
  params: PERIOD,
  run: (db, p) => kpis(db, periodOf(p)),
});
