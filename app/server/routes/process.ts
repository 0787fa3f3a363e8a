/** The process map and the variants of the event log: the same JSON as `ltc process-map|variants --json`. */
import { conformance } from '../../../models/conformance.ts';
import { parseCaseSelector, processCases } from '../../../models/process-cases.ts';
import { eventLogs } from '../../../models/event-log.ts';
import { processMap } from '../../../models/process-map.ts';
import { parseTop, variants } from '../../../models/variants.ts';
import { UsageError } from '../../../models/period.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

/** The dashboard's filters plus ?log= (events, ltc or ocel:<object type>). */
function logOptions(url: URL) {
  return { ...period(url.searchParams), log: url.searchParams.get('log') || undefined };
}

export const routes: Record<string, RouteHandler> = {
  /** the event logs this workspace holds: events, ltc, ocel:<type>, with their cases and events */
  '/api/event-logs': async (db) => json({ logs: await eventLogs(db) }),
  '/api/process-map': async (db, _req, url) => json(await processMap(db, logOptions(url))),
  /** ?top=N keeps the N most frequent variants */
  '/api/variants': async (db, _req, url) => json(await variants(db, { ...logOptions(url), top: parseTop(url.searchParams.get('top'), 'top') })),
  /** ?by=month|quarter and the filters */
  '/api/conformance': async (db, _req, url) =>
    json(await conformance(db, { ...period(url.searchParams), by: url.searchParams.get('by') || undefined })),
  /** the cases behind an activity, an edge or a variant: ?activity= | ?from_activity=&to_activity= | ?variant=[…] */
  '/api/process-map/cases': async (db, _req, url) => {
    const limit = url.searchParams.get('limit');
    if (limit !== null && !/^\d+$/.test(limit)) throw new UsageError(`limit must be a whole number, not "${limit}"`);
    return json(await processCases(db, parseCaseSelector(url.searchParams), { ...logOptions(url), limit: limit ? Number(limit) : undefined }));
  },
};
