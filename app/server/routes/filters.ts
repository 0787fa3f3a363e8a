/** GET /api/filters: the choices of the global filter bar, as `ltc filters --json`. */
import { filterOptions } from '../../../models/filters.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/filters': async (db, req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json({ error: 'use GET' }, 405);
    return json(await filterOptions(db));
  },
};
