/** `ltc change-point`, GET /api/change-point: where each measure's monthly series changes level. */
import { defineAnalysis } from '../analysis/define.ts';
import { date, PERIOD, periodOf } from '../analysis/params.ts';
import { changePoints } from '../change-point.ts';

export default defineAnalysis({
  name: 'change-point',
  summary: 'the month boundary where each measure changed most, beside the cut-over you chose',
  params: { ...PERIOD, cutover: date('the claimed cut-over, to compare with') },
  run: (db, p) => changePoints(db, { ...periodOf(p), cutover: p.cutover }),
});
