/** `ltc survival`, GET /api/survival: time to conversion before and after, Kaplan–Meier and log-rank. */
import { defineAnalysis } from '../analysis/define.ts';
import { date, PERIOD, periodOf, text } from '../analysis/params.ts';
import { survival } from '../survival.ts';

export default defineAnalysis({
  name: 'survival',
  summary: 'Kaplan–Meier time to order and to cash before/after a cut-over, with the log-rank test',
  params: { ...PERIOD, cutover: date('the day the new process started'), excludeDays: text('N', 'days after the cut-over left out as transition') },
  run: (db, p) => survival(db, { ...periodOf(p), cutover: p.cutover ?? '', excludeDays: p.excludeDays }),
});
