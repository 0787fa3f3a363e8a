/** The API the dashboard pages ask: each route reads its parameters and calls one model. */
import { existsSync, readdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Table } from 'apache-arrow';
import type { Database } from '../../models/db/database.ts';
import { isArrow, routePath, type Analysis } from '../../models/analysis/define.ts';
import { fromQuery, readParams } from '../../models/analysis/params.ts';
import { analyses } from '../../models/analysis/registry.ts';
import { UsageError } from '../../models/analysis/errors.ts';
import { CONTRACT, isTableKind } from '../../models/db/contract.ts';
import { listBatches, listRejects } from '../../ingest/batches.ts';
import type { ImportOptions } from '../../ingest/import-files.ts';
import { validateMapping, type MappingFile } from '../../ingest/mapping-file.ts';
import { previewFile } from '../../ingest/preview.ts';
import { toCsv } from './csv.ts';
import type { DownloadFile } from './download-file.ts';
import { receiveUpload } from './upload.ts';
import { importAndRebuild, undoAndRebuild } from '../workspace.ts';
import { sayAll } from '../../models/messages/catalogue.ts';
import { SERVER_ERRORS } from '../../models/messages/server-errors.ts';
import { serverError } from './error-body.ts';

/** A route of its own module in routes/: `export const routes = { '/api/x': handler }`. */
export type RouteHandler = (db: Database, req: IncomingMessage, url: URL) => Promise<ApiResult>;

let loaded: Promise<Record<string, RouteHandler>> | undefined;

/**
 * The routes: GET /api/<name> for every analysis of models/analyses/, and the routes of routes/
 * that do more than answer one analysis (uploads, undo, files). A path used twice stops the start.
 */
export function loadRoutes(): Promise<Record<string, RouteHandler>> {
  loaded ??= (async () => {
    const all: Record<string, RouteHandler> = {};
    const add = (path: string, handler: RouteHandler, from: string) => {
      if (Object.hasOwn(all, path) || BUILT_IN.has(path)) throw new Error(`${from} routes ${path} again: each path must be unique`);
      all[path] = handler;
    };
    for (const analysis of await analyses()) add(routePath(analysis), analysisRoute(analysis), `the analysis ${analysis.name}`);
    const dir = fileURLToPath(new URL('./routes/', import.meta.url));
    if (!existsSync(dir)) return all;
    for (const file of readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
      const module = (await import(new URL(`./routes/${file}`, import.meta.url).href)) as { routes?: Record<string, RouteHandler> };
      for (const [path, handler] of Object.entries(module.routes ?? {})) add(path, handler, `app/server/routes/${file}`);
    }
    return all;
  })();
  return loaded;
}

let byPath: Promise<ReadonlyMap<string, Analysis>> | undefined;

/**
 * What an answer is kept under (result-cache.ts): for an analysis, its path and the values of the
 * parameters it reads — its answer depends on nothing else — so that a key it does not read (the
 * date range the Overview sends to aging, a snapshot) does not compute the same answer again; for
 * any other route, the path and the query as asked.
 */
export async function answerKey(url: URL): Promise<string> {
  byPath ??= analyses().then((list) => new Map(list.map((analysis) => [routePath(analysis), analysis])));
  const analysis = BUILT_IN.has(url.pathname) ? undefined : (await byPath).get(url.pathname);
  if (!analysis) return url.pathname + url.search;
  return `${url.pathname} ${JSON.stringify([...fromQuery(analysis.params, url.searchParams)])}`;
}

/** GET (or HEAD) with the analysis's parameters in the query string: its answer as JSON, or Arrow for a table. */
function analysisRoute(analysis: Analysis): RouteHandler {
  return async (db, req, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(serverError('useGet'), 405);
    const result = await analysis.run(db, readParams(analysis.params, fromQuery(analysis.params, url.searchParams), 'query'));
    return isArrow(result) ? { kind: 'arrow', table: result } : json(result);
  };
}

export type ApiResult =
  | { kind: 'json'; body: unknown; status?: number }
  | { kind: 'arrow'; table: Table }
  | { kind: 'csv'; body: string; filename: string }
  /** a file written for this request: sent as a download, then removed */
  | { kind: 'file'; file: DownloadFile; filename: string; contentType: string };

export const json = (body: unknown, status?: number): ApiResult => ({ kind: 'json', body, status });

/** The paths answered here, before the analyses and routes/. */
const BUILT_IN = new Set(['/api/import/preview', '/api/import', '/api/contract', '/api/imports', '/api/undo', '/api/rejects.csv']);

export async function routeApi(db: Database, req: IncomingMessage, url: URL): Promise<ApiResult | null> {
  const q = url.searchParams;
  const get = req.method === 'GET' || req.method === 'HEAD';
  switch (url.pathname) {
    case '/api/import/preview': {
      if (req.method !== 'POST') return json(serverError('usePostFilePart'), 405);
      const upload = await receiveUpload(req);
      try {
        return json({ files: await previewFile(db, upload.path, displayName(q.get('name')), importOptions(q)) });
      } finally {
        await upload.dispose();
      }
    }
    case '/api/import': {
      if (req.method !== 'POST') return json(serverError('usePostFile'), 405);
      const name = displayName(q.get('name'));
      const options = importOptions(q);
      const upload = await receiveUpload(req);
      // The browser gone (a cancel, a closed tab): the file is rolled back unless already committed.
      const gone = new AbortController();
      const cancel = () => gone.abort();
      req.socket.once('close', cancel);
      // The browser may have gone while the last bytes were written to disk, before the listener.
      if (req.socket.destroyed) cancel();
      try {
        const report = await importAndRebuild(db, [{ path: upload.path, name }], { ...options, signal: gone.signal });
        const failed = report.files.find((f) => f.error);
        return failed ? json({ error: failed.error, error_zh: failed.error_zh, report }, 422) : json(report);
      } finally {
        req.socket.off('close', cancel);
        await upload.dispose();
      }
    }
    case '/api/contract':
      return json({ tables: Object.values(CONTRACT).map((t) => ({ kind: t.kind, key: t.key, fields: t.fields })) });
    case '/api/imports':
      return json({ batches: await listBatches(db) });
    case '/api/undo': {
      if (req.method !== 'POST') return json(serverError('usePost'), 405);
      const batch = q.get('batch') ?? '';
      if (!/^\d+$/.test(batch)) throw new UsageError(sayAll(SERVER_ERRORS, 'batchNumber'));
      return json(await undoAndRebuild(db, Number(batch)));
    }
    case '/api/rejects.csv': {
      const batch = q.get('batch');
      if (batch !== null && !/^\d+$/.test(batch)) throw new UsageError(sayAll(SERVER_ERRORS, 'batchNumber'));
      const rejects = await listRejects(db, batch === null ? undefined : Number(batch));
      return {
        kind: 'csv', filename: batch === null ? 'rejected-rows.csv' : `rejected-rows-batch-${batch}.csv`,
        // reason_zh last: the columns before it stay where scripts read them
        body: toCsv(['batch', 'file', 'line', 'column', 'reason', 'reason_zh'],
          rejects.map((r) => [r.batch_id, r.file_name, r.line, r.column, r.reason, r.reason_zh])),
      };
    }
    default: {
      const routes = await loadRoutes();
      // Own keys only: a path is never a key of Object's prototype.
      const extra = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
      return extra ? extra(db, req, url) : null;
    }
  }
}

/** kind, adapter and mapping of an upload, from the query string. */
function importOptions(q: URLSearchParams): ImportOptions {
  const kind = q.get('kind') || undefined;
  if (kind !== undefined && !isTableKind(kind)) throw new UsageError(sayAll(SERVER_ERRORS, 'tableKind', { name: 'kind', value: kind }));
  const raw = q.get('mapping');
  let mapping: MappingFile | undefined;
  if (raw) {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new UsageError(sayAll(SERVER_ERRORS, 'mappingJson'));
    }
    mapping = validateMapping(data, 'mapping');
  }
  return { kind, mapping, adapter: q.get('adapter') || undefined };
}


/** A file name for reports only: no directories, no control characters, bounded length. */
function displayName(raw: string | null): string {
  const base = (raw ?? 'upload.csv').split(/[\\/]/).pop() ?? 'upload.csv';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
  return clean || 'upload.csv';
}
