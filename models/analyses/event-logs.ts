/** GET /api/event-logs: the event logs this workspace holds (events, ltc, ocel:<type>) with their cases and events. */
import { defineAnalysis } from '../analysis/define.ts';
import { eventLogs } from '../event-log.ts';

export default defineAnalysis({
  name: 'event-logs',
  summary: 'the event logs of the workspace, with their cases and events',
  hidden: true,
  params: {},
  run: async (db) => ({ logs: await eventLogs(db) }),
});
