/** `ltc transitions`, GET /api/transitions: the cycle time of every milestone-to-milestone transition. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { transitions } from '../transitions.ts';

export default defineAnalysis({
  name: 'transitions',
  summary: 'cycle time of every milestone-to-milestone transition',
  params: PERIOD_NO_WINDOW,
  run: (db, p) => transitions(db, periodOf(p)),
});
