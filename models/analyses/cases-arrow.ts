/** GET /api/cases.arrow: the cases list as an Arrow table, for large pages. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { caseListOptions, casesArrow } from '../cases.ts';
import { CASE_LIST } from './cases.ts';

export default defineAnalysis({
  name: 'cases-arrow',
  path: '/api/cases.arrow',
  summary: 'the cases list as an Arrow table',
  hidden: true,
  command: false,
  params: { ...PERIOD_NO_WINDOW, ...CASE_LIST },
  run: (db, p) => casesArrow(db, { ...periodOf(p), ...caseListOptions(p) }),
});
