/** The API the dashboard pages ask: each route reads its parameters and calls one model. */
import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Table } from 'apache-arrow';
import type { Database } from '../../models/db/database.ts';
import { compare } from '../../models/compare.ts';
import { cohorts } from '../../models/cohorts.ts';
import { funnel } from '../../models/funnel.ts';
import { dataFacts, kpis } from '../../models/measures.ts';
import { UsageError } from '../../models/period.ts';
import { period } from './params.ts';
import { CONTRACT, isTableKind } from '../../models/db/contract.ts';
import { listBatches, listRejects, undoBatch } from '../../ingest/batches.ts';
import { importFiles, type ImportOptions } from '../../ingest/import-files.ts';
import { validateMapping, type MappingFile } from '../../ingest/mapping-file.ts';
import { previewFile } from '../../ingest/preview.ts';
import { toCsv } from './csv.ts';
import type { DownloadFile } from './download-file.ts';
import { receiveUpload } from './upload.ts';

/** A route of its own module in routes/: `export const routes = { '/api/x': handler }`. */
export type RouteHandler = (db: Database, req: IncomingMessage, url: URL) => Promise<ApiResult>;

let extraRoutes: Promise<Record<string, RouteHandler>> | undefined;

/** Routes from every module in routes/ (adding an endpoint is one new file there). */
function loadRoutes(): Promise<Record<string, RouteHandler>> {
  extraRoutes ??= (async () => {
    const dir = fileURLToPath(new URL('./routes/', import.meta.url));
    const all: Record<string, RouteHandler> = {};
    if (!existsSync(dir)) return all;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
      const module = (await import(new URL(`./routes/${file}`, import.meta.url).href)) as { routes?: Record<string, RouteHandler> };
      Object.assign(all, module.routes ?? {});
    }
    return all;
  })();
  return extraRoutes;
}

export type ApiResult =
  | { kind: 'json'; body: unknown; status?: number }
  | { kind: 'arrow'; table: Table }
  | { kind: 'csv'; body: string; filename: string }
  /** a file written for this request: sent as a download, then removed */
  | { kind: 'file'; file: DownloadFile; filename: string; contentType: string };

export const json = (body: unknown, status?: number): ApiResult => ({ kind: 'json', body, status });

export async function routeApi(db: Database, req: IncomingMessage, url: URL): Promise<ApiResult | null> {
  const q = url.searchParams;
  const get = req.method === 'GET' || req.method === 'HEAD';
  switch (url.pathname) {
    case '/api/status': {
      if (!get) return json({ error: 'use GET' }, 405);
      const facts = await dataFacts(db);
      const { data_end, ...tables } = facts;
      // The workspace by its file name (never the path: the page may be seen by others).
      const workspace = db.path === ':memory:' ? 'in memory' : basename(db.path);
      // Empty means nothing loaded at all: any table with rows (opportunities alone, invoices alone, an
      // object-centric log) is data a page can answer from, or say what else it needs.
      const [ocel] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ocel_events');
      const loaded = Object.values(tables).reduce((sum, n) => sum + Number(n), 0) + Number(ocel.n);
      return json({ workspace, data_end, tables, ocel_events: Number(ocel.n), empty: loaded === 0 });
    }
    case '/api/kpis':
      return json(await kpis(db, period(q)));
    case '/api/funnel':
      return json(await funnel(db, period(q)));
    case '/api/compare':
      return json(await compare(db, {
        ...period(q), cutover: q.get('cutover') || undefined, before: q.get('before') || undefined,
        after: q.get('after') || undefined, excludeDays: q.get('exclude_days') ?? undefined,
      }));
    case '/api/cohorts':
      return { kind: 'arrow', table: await cohorts(db, period(q)) };
    case '/api/import/preview': {
      if (req.method !== 'POST') return json({ error: 'use POST with the file (or its first part) as the body' }, 405);
      const upload = await receiveUpload(req);
      try {
        return json({ files: await previewFile(db, upload.path, displayName(q.get('name')), importOptions(q)) });
      } finally {
        await upload.dispose();
      }
    }
    case '/api/import': {
      if (req.method !== 'POST') return json({ error: 'use POST with the file as the body' }, 405);
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
        const report = await importFiles(db, [{ path: upload.path, name }], { ...options, signal: gone.signal });
        const failed = report.files.find((f) => f.error);
        return failed ? json({ error: failed.error, report }, 422) : json(report);
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
      if (req.method !== 'POST') return json({ error: 'use POST' }, 405);
      const batch = q.get('batch') ?? '';
      if (!/^\d+$/.test(batch)) throw new UsageError('batch must be a batch number');
      return json(await undoBatch(db, Number(batch)));
    }
    case '/api/rejects.csv': {
      const batch = q.get('batch');
      if (batch !== null && !/^\d+$/.test(batch)) throw new UsageError('batch must be a batch number');
      const rejects = await listRejects(db, batch === null ? undefined : Number(batch));
      return {
        kind: 'csv', filename: batch === null ? 'rejected-rows.csv' : `rejected-rows-batch-${batch}.csv`,
        body: toCsv(['batch', 'file', 'line', 'column', 'reason'], rejects.map((r) => [r.batch_id, r.file_name, r.line, r.column, r.reason])),
      };
    }
    default: {
      const extra = (await loadRoutes())[url.pathname];
      return extra ? extra(db, req, url) : null;
    }
  }
}

/** kind, adapter and mapping of an upload, from the query string. */
function importOptions(q: URLSearchParams): ImportOptions {
  const kind = q.get('kind') || undefined;
  if (kind !== undefined && !isTableKind(kind)) throw new UsageError(`kind must be one of the canonical tables, not "${kind}"`);
  const raw = q.get('mapping');
  let mapping: MappingFile | undefined;
  if (raw) {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new UsageError('mapping must be JSON');
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
