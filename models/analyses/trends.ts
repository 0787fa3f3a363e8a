/** `ltc trends`, GET /api/trends: every measure per month or quarter of its start event. */
import { defineAnalysis } from '../analysis/define.ts';
import { choice, PERIOD, periodOf } from '../analysis/params.ts';
import { trends } from '../trends.ts';

export default defineAnalysis({
  name: 'trends',
  summary: 'every measure per month (or quarter) of its start event',
  params: { ...PERIOD, by: choice(['month', 'quarter'], 'the length of a period (default month)') },
  run: (db, p) => trends(db, { ...periodOf(p), by: p.by }),
});
