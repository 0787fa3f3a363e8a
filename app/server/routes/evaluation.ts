/** GET /api/mix?cutover=&by= and /api/change-point?cutover= (+ filters): as `ltc mix|change-point --json`. */
import { changePoints } from '../../../models/change-point.ts';
import { mixComparison } from '../../../models/mix.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/mix': async (db, _req, url) => json(await mixComparison(db, {
    ...period(url.searchParams), cutover: url.searchParams.get('cutover') ?? '', by: url.searchParams.get('by') || undefined,
    excludeDays: url.searchParams.get('exclude_days') ?? undefined,
  })),
  '/api/change-point': async (db, _req, url) =>
    json(await changePoints(db, { ...period(url.searchParams), cutover: url.searchParams.get('cutover') || undefined })),
};
