/** `ltc log-overview`, GET /api/log-overview: an event log at a glance. */
import { defineAnalysis } from '../analysis/define.ts';
import { EVENT_LOG, PERIOD_NO_WINDOW, periodOf } from '../analysis/params.ts';
import { logOverview } from '../log-overview.ts';

export default defineAnalysis({
  name: 'log-overview',
  summary: 'an event log at a glance: cases, events, throughput time, variants coverage, rework, the slowest transition',
  params: { ...PERIOD_NO_WINDOW, log: EVENT_LOG },
  run: (db, p) => logOverview(db, { ...periodOf(p), log: p.log }),
});
