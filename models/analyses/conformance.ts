/** `ltc conformance`, GET /api/conformance: the cases against the reference LTC order, per period. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf, text } from '../analysis/params.ts';
import { conformance } from '../conformance.ts';

export default defineAnalysis({
  name: 'conformance',
  summary: 'conformance to the reference LTC order: out-of-order, skipped steps, rework, late payment per period',
  params: { ...PERIOD_NO_WINDOW, by: text('month|quarter', 'the length of a period (default month)') },
  run: (db, p) => conformance(db, { ...periodOf(p), by: p.by }),
});
