/** GET /api/funnel/cohorts: the windowed funnel per lead cohort, as `ltc funnel-cohorts --json`. */
import { funnelCohorts, type CohortGrain } from '../../../models/funnel-cohorts.ts';
import { UsageError } from '../../../models/period.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  // by=month|quarter; by_segment=source|owner|region|segment|<column> splits the view (`segment`
  // itself is the global segment filter, docs/api.md); the period and filters as everywhere.
  '/api/funnel/cohorts': async (db, req, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json({ error: 'use GET' }, 405);
    const q = url.searchParams;
    const by = q.get('by') || 'month';
    if (by !== 'month' && by !== 'quarter') throw new UsageError(`by must be month or quarter, not "${by}"`);
    return json(await funnelCohorts(db, { ...period(q), by: by as CohortGrain, bySegment: q.get('by_segment') || undefined }));
  },
};
