/**
 * GET /api/cutover-default: the cut-over the Before/After page offers when the link names none
 * (models/cutover-default.ts) — the suggested change point, else the middle of the data — with the
 * data's dated range.
 */
import { defaultCutover } from '../../../models/cutover-default.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/cutover-default': async (db, req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json({ error: 'use GET' }, 405);
    return json(await defaultCutover(db));
  },
};
