/**
 * Link quality, the cases list (JSON, or Arrow for large pages) and one case's timeline — the same
 * results as `ltc links`, `ltc cases` and `ltc case ID` with --json.
 */
import { caseTimeline } from '../../../models/case-timeline.ts';
import { caseListOptions, casesArrow, listCases, type CaseListOptions } from '../../../models/cases.ts';
import { linkQuality } from '../../../models/links.ts';
import { UsageError } from '../../../models/period.ts';
import { period } from '../params.ts';
import { json, type RouteHandler } from '../routes.ts';

/** search, sort, status, milestone, limit, offset plus the global filters of the query string. */
function listOptions(q: URLSearchParams): CaseListOptions {
  return {
    ...period(q),
    ...caseListOptions({
      search: q.get('search'), sort: q.get('sort'), limit: q.get('limit'), offset: q.get('offset'),
      status: q.get('status'), milestone: q.get('milestone'),
    }),
  };
}

export const routes: Record<string, RouteHandler> = {
  '/api/links': async (db, _req, url) => json(await linkQuality(db, period(url.searchParams))),

  '/api/cases': async (db, _req, url) => json(await listCases(db, listOptions(url.searchParams))),

  '/api/cases.arrow': async (db, _req, url) => ({ kind: 'arrow', table: await casesArrow(db, listOptions(url.searchParams)) }),

  '/api/case': async (db, _req, url) => {
    const id = url.searchParams.get('id') ?? '';
    if (id === '') throw new UsageError('id is required: a case id, or an order or opportunity id');
    const timeline = await caseTimeline(db, id);
    return timeline === null
      ? json({ error: `no case "${id}": it is not a case, order or opportunity id in this database` }, 404)
      : json(timeline);
  },
};
