/** GET /api/cutover-default: the cut-over the Before/After page offers when the link names none. */
import { defineAnalysis } from '../analysis/define.ts';
import { defaultCutover } from '../cutover-default.ts';

export default defineAnalysis({
  name: 'cutover-default',
  summary: 'the cut-over to offer: the suggested change point, else the middle of the data',
  hidden: true,
  params: {},
  run: (db) => defaultCutover(db),
});
