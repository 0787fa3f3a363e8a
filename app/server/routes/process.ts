/** The process map and the variants of the event log: the same JSON as `ltc process-map|variants --json`. */
import { processMap } from '../../../models/process-map.ts';
import { parseTop, variants } from '../../../models/variants.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/process-map': async (db) => json(await processMap(db)),
  /** ?top=N keeps the N most frequent variants */
  '/api/variants': async (db, _req, url) => json(await variants(db, { top: parseTop(url.searchParams.get('top'), 'top') })),
};
