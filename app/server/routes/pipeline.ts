/** GET /api/pipeline (+ period and filters): as `ltc pipeline --json`. */
import { pipeline } from '../../../models/pipeline.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/pipeline': async (db, _req, url) => json(await pipeline(db, period(url.searchParams))),
};
