/**
 * Links by matching (docs/linking.md#links-by-matching): the open suggestions and the decisions on
 * them — the same results as `ltc links suggest | accept | reject` with --json. The POSTs change the
 * workspace: they pass the request guard like every other change (request-guard.ts).
 */
import type { IncomingMessage } from 'node:http';
import { UsageError } from '../../../models/analysis/errors.ts';
import type { Decision } from '../../../models/stitch/decide.ts';
import { suggestLinks } from '../../../models/stitch/suggest.ts';
import { decideAndRebuild } from '../../workspace.ts';
import { json, type ApiResult, type RouteHandler } from '../routes.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { SERVER_ERRORS } from '../../../models/messages/server-errors.ts';
import { serverError } from '../error-body.ts';

/** A decision's body is small: a list of suggestion ids. */
const MAX_BODY = 1 << 20;

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new UsageError(sayAll(SERVER_ERRORS, 'linksBodyTooLarge'));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function confidence(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(sayAll(SERVER_ERRORS, 'numberFrom0To1', { name, value: String(raw) }));
  return value;
}

/** ids and min_confidence from the JSON body ({"ids": [...], "min_confidence": C}) or the query string. */
async function decisionOptions(req: IncomingMessage, q: URLSearchParams): Promise<{ ids: string[]; minConfidence?: number }> {
  const text = (await readBody(req)).trim();
  let body: { ids?: unknown; min_confidence?: unknown } = {};
  if (text !== '') {
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new UsageError(sayAll(SERVER_ERRORS, 'linksBodyJson', { ids: '{"ids": ["…"]}', minConfidence: '{"min_confidence": 0.9}' }));
    }
  }
  const fromQuery = (q.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (body.ids !== undefined && !(Array.isArray(body.ids) && body.ids.every((id) => typeof id === 'string'))) {
    throw new UsageError(sayAll(SERVER_ERRORS, 'idsList'));
  }
  const ids = [...((body.ids as string[] | undefined) ?? []), ...fromQuery];
  const minConfidence = confidence(body.min_confidence ?? q.get('min_confidence') ?? undefined, 'min_confidence');
  if (ids.length > 0 && minConfidence !== undefined) throw new UsageError(sayAll(SERVER_ERRORS, 'idsOrMinConfidence'));
  return { ids, minConfidence };
}

function decide(decision: Decision): RouteHandler {
  return async (db, req, url): Promise<ApiResult> => {
    if (req.method !== 'POST') return json(serverError('usePost'), 405);
    const options = await decisionOptions(req, url.searchParams);
    if (decision === 'rejected' && options.minConfidence !== undefined) throw new UsageError(sayAll(SERVER_ERRORS, 'rejectTakesIds'));
    if (options.ids.length === 0 && options.minConfidence === undefined) {
      throw new UsageError(sayAll(SERVER_ERRORS, decision === 'accepted' ? 'nameIdsOrMinConfidence' : 'nameIds'));
    }
    return json(await decideAndRebuild(db, decision, options));
  };
}

export const routes: Record<string, RouteHandler> = {
  '/api/links/suggestions': async (db, _req, url) =>
    json({ suggestions: await suggestLinks(db, { minConfidence: confidence(url.searchParams.get('min_confidence'), 'min_confidence') }) }),
  '/api/links/accept': decide('accepted'),
  '/api/links/reject': decide('rejected'),
};
