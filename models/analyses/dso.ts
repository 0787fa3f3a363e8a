/** `ltc dso`, GET /api/dso: days sales outstanding per month. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { dso } from '../dso.ts';

export default defineAnalysis({
  name: 'dso',
  summary: 'days sales outstanding per month',
  params: PERIOD_NO_WINDOW,
  run: (db, p) => dso(db, periodOf(p)),
});
