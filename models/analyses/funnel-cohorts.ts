/** `ltc funnel-cohorts`, GET /api/funnel/cohorts: the windowed funnel per lead cohort. */
import { defineAnalysis } from '../analysis/define.ts';
import { choice, PERIOD, periodOf, text } from '../analysis/params.ts';
import { funnelCohorts } from '../funnel-cohorts.ts';

export default defineAnalysis({
  name: 'funnel-cohorts',
  path: '/api/funnel/cohorts',
  summary: 'the funnel per monthly or quarterly lead cohort, windowed, optionally per segment',
  params: {
    ...PERIOD,
    by: choice(['month', 'quarter'], 'the cohort length (default month)'),
    // `segment` itself is the segment filter: the split is by_segment.
    bySegment: text('KEY', 'split each cohort by source, owner, region, segment or another column'),
  },
  run: (db, p) => funnelCohorts(db, { ...periodOf(p), by: p.by ?? 'month', bySegment: p.bySegment }),
});
