/** The overview of an event log: the same JSON as `ltc log-overview --json`. */
import { logOverview } from '../../../models/log-overview.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  /** ?log= (events, ltc or ocel:<object type>) and the period of the cases' first events */
  '/api/log-overview': async (db, _req, url) =>
    json(await logOverview(db, { ...period(url.searchParams), log: url.searchParams.get('log') || undefined })),
};
