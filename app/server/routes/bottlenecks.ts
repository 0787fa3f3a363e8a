/**
 * Transitions and bottlenecks for the dashboard: the same JSON as `ltc transitions --json`,
 * `ltc bottlenecks --json` and `ltc bottlenecks --transition T --json`.
 */
import { bottleneckCases, bottlenecks } from '../../../models/bottlenecks.ts';
import { UsageError } from '../../../models/period.ts';
import { transitions } from '../../../models/transitions.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  /** the period and filter parameters */
  '/api/transitions': async (db, _req, url) => json(await transitions(db, period(url.searchParams))),
  /** the period and filter parameters */
  '/api/bottlenecks': async (db, _req, url) => json(await bottlenecks(db, period(url.searchParams))),
  /** ?transition=order_created→delivered (or order_created->delivered) [&limit=N, default 100] plus the period and filters */
  '/api/bottlenecks/cases': async (db, _req, url) => {
    const q = url.searchParams;
    const transition = q.get('transition');
    if (!transition) throw new UsageError('transition is required, e.g. transition=order_created→delivered');
    const limit = q.get('limit');
    if (limit !== null && limit !== '' && !/^\d+$/.test(limit)) throw new UsageError(`limit must be a whole number, not "${limit}"`);
    return json(await bottleneckCases(db, transition, { ...period(q), limit: limit ? Number(limit) : undefined }));
  },
};
