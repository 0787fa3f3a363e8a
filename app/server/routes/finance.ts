/** Trends, DSO and receivables aging for the dashboard: the same JSON as `ltc trends|dso|aging --json`. */
import { aging } from '../../../models/aging.ts';
import { dso } from '../../../models/dso.ts';
import { trends, type TrendGranularity } from '../../../models/trends.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  /** ?by=month|quarter plus the period and filter parameters */
  '/api/trends': async (db, _req, url) =>
    json(await trends(db, { ...period(url.searchParams), by: (url.searchParams.get('by') || undefined) as TrendGranularity | undefined })),
  /** from/to choose the months listed; as_of and the filters as everywhere */
  '/api/dso': async (db, _req, url) => json(await dso(db, period(url.searchParams))),
  /** as_of and the filters; a date range does not apply to a snapshot and is ignored */
  '/api/aging': async (db, _req, url) => json(await aging(db, period(url.searchParams))),
};
