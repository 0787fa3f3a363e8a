/** `ltc process-map`, GET /api/process-map: the directly-follows graph of an event log. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf, text } from '../analysis/params.ts';
import { processMap } from '../process-map.ts';

export const LOG = text('events|ltc|ocel:TYPE', 'the event log (default: the one loaded)');

export default defineAnalysis({
  name: 'process-map',
  summary: 'directly-follows graph of the event log: edges with count, mean and median time',
  params: { ...PERIOD_NO_WINDOW, log: LOG },
  run: (db, p) => processMap(db, { ...periodOf(p), log: p.log }),
});
