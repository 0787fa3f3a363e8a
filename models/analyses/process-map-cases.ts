/** GET /api/process-map/cases: the cases behind an activity, an edge or a variant of the process map. */
import { defineAnalysis } from '../analysis/define.ts';
import { EVENT_LOG, PERIOD_NO_WINDOW, periodOf, text, whole } from '../analysis/params.ts';
import { parseCaseSelector, processCases } from '../process-cases.ts';

export default defineAnalysis({
  name: 'process-map-cases',
  path: '/api/process-map/cases',
  summary: 'the cases behind an activity, an edge (from_activity, to_activity) or a variant of the process map',
  hidden: true,
  params: {
    ...PERIOD_NO_WINDOW,
    log: EVENT_LOG,
    activity: text('NAME', 'the cases with this activity'),
    fromActivity: text('NAME', 'with to_activity: the cases with this edge'),
    toActivity: text('NAME', 'with from_activity: the cases with this edge'),
    variant: text('JSON', 'the cases of this variant, a JSON list of activities'),
    limit: whole('how many cases (default 100)'),
  },
  run: (db, p) => processCases(db, parseCaseSelector(p), { ...periodOf(p), log: p.log, limit: p.limit }),
});
