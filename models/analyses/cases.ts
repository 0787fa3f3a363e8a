/** `ltc cases`, GET /api/cases: the cases, slowest first. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf, text } from '../analysis/params.ts';
import { caseListOptions, listCases } from '../cases.ts';

/** search, sort, status, milestone, limit, offset: checked by the model (caseListOptions). */
export const CASE_LIST = {
  search: text('TEXT', 'cases whose id, account or order mentions TEXT'),
  sort: text('slowest|newest|waiting', 'the order of the list (default slowest)'),
  status: text('open|paid|lost', 'only cases of this status'),
  milestone: text('M', 'only cases whose current milestone is M'),
  limit: text('N', 'cases per page'),
  offset: text('N', 'the first case of the page'),
} as const;

export default defineAnalysis({
  name: 'cases',
  summary: 'the cases, slowest first: milestones reached, status, lead-to-cash days or age',
  params: { ...PERIOD_NO_WINDOW, ...CASE_LIST },
  run: (db, p) => listCases(db, { ...periodOf(p), ...caseListOptions(p) }),
});
