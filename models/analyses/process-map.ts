/** `ltc process-map`, GET /api/process-map: the directly-follows graph of an event log. */
import { defineAnalysis } from '../analysis/define.ts';
import { EVENT_LOG, PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { processMap } from '../process-map.ts';

export default defineAnalysis({
  name: 'process-map',
  summary: 'directly-follows graph of the event log: edges with count, mean and median time',
  params: { ...PERIOD_NO_WINDOW, log: EVENT_LOG },
  run: (db, p) => processMap(db, { ...periodOf(p), log: p.log }),
});
