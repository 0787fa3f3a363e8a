/** GET /api/cohorts: the funnel by lead month as an Arrow table, for the Overview chart. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD, periodOf } from '../analysis/params.ts';
import { cohorts } from '../cohorts.ts';

export default defineAnalysis({
  name: 'cohorts',
  summary: 'leads per month of creation and how many reached each milestone (Arrow)',
  hidden: true,
  command: false,
  params: PERIOD,
  run: (db, p) => cohorts(db, periodOf(p)),
});
