/** `ltc filters`, GET /api/filters: the choices of the global filter bar. */
import { defineAnalysis } from '../analysis/define.ts';
import { filterOptions } from '../filters.ts';

export default defineAnalysis({
  name: 'filters',
  summary: 'the values of source, owner, region, segment and the extra columns, with case counts; which columns segment',
  params: {},
  run: (db) => filterOptions(db),
});
