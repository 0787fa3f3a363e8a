/** Data quality for the dashboard: the same JSON as `ltc quality --json` (docs/quality.md). */
import { quality } from '../../../models/quality.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  /** ?limit=N examples per check (0–1000, default 10); the whole workspace, the page's filters do not apply */
  '/api/quality': async (db, _req, url) => json(await quality(db, { limit: url.searchParams.get('limit') ?? undefined })),
};
