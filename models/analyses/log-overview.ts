/** `ltc log-overview`, GET /api/log-overview: an event log at a glance. */
import { defineAnalysis } from '../analysis/define.ts';
import { PERIOD_NO_WINDOW, periodOf, text } from '../analysis/params.ts';
import { logOverview } from '../log-overview.ts';

export default defineAnalysis({
  name: 'log-overview',
  summary: 'an event log at a glance: cases, events, throughput time, variants coverage, rework, the slowest transition',
  params: { ...PERIOD_NO_WINDOW, log: text('events|ltc|ocel:TYPE', 'the event log (default: the one loaded)') },
  run: (db, p) => logOverview(db, { ...periodOf(p), log: p.log }),
});
