/** GET /api/survival?cutover=D (+ filters): as `ltc survival --json`. */
import { survival } from '../../../models/survival.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/survival': async (db, _req, url) =>
    json(await survival(db, {
      ...period(url.searchParams), cutover: url.searchParams.get('cutover') ?? '', excludeDays: url.searchParams.get('exclude_days') ?? undefined,
    })),
};
