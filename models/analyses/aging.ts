/** `ltc aging`, GET /api/aging: open receivables by days past due; a date range does not apply to a snapshot. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD, periodOf } from '../analysis/params.ts';
import { aging } from '../aging.ts';

export default defineAnalysis({
  name: 'aging',
  summary: 'open receivables by days past due at a moment',
  // A snapshot at a moment: a date range does not apply (a URL's from and to are not read).
  params: { asOf: PERIOD.asOf, where: PERIOD.where },
  run: (db, p) => aging(db, periodOf(p)),
});
