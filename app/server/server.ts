/**
 * The dashboard's HTTP server: static pages plus a small JSON/Arrow API answered from the workspace
 * database through the models. Binds to 127.0.0.1 unless told otherwise (docs/safety.md).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { tableToIPC } from 'apache-arrow';
import type { Database } from '../../models/db/database.ts';
import { Conflict, NotFound, NothingSelected, UsageError } from '../../models/analysis/errors.ts';
import { tokenCheck } from './auth.ts';
import { refusal } from './request-guard.ts';
import { requestUrl } from './request-url.ts';
import { ResultCache } from './result-cache.ts';
import { answerKey, routeApi, type ApiResult } from './routes.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { serverOrigin, type ServerOrigin } from './server-origin.ts';
import { staticHandler } from './static-files.ts';
import { UploadTooLarge } from './upload.ts';
import { SERVER_ERRORS } from '../../models/messages/server-errors.ts';
import { errorBody, errorBodyOf, serverError } from './error-body.ts';

export interface ServerOptions {
  readonly db: Database;
  readonly port: number;
  readonly host: string;
  readonly webRoot: string;
  /** when set, every request needs it (see auth.ts) */
  readonly token?: string;
  /** origins a reverse proxy serves the dashboard under (server-origin.ts) */
  readonly allowedOrigins?: readonly URL[];
}

/**
 * Listens on `host`:`port`. Before a request is read: the security headers are set, a request
 * naming another host (421) or changing the workspace without the dashboard's header and origin
 * (403) is refused (request-guard.ts), its address must be well formed (400), then the token.
 */
export function startServer(options: ServerOptions): Promise<Server> {
  const serveStatic = staticHandler(options.webRoot);
  const cache = new ResultCache();
  const authorize = tokenCheck(options.token);
  let origin: ServerOrigin | undefined;
  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    origin ??= serverOrigin(options.host, listeningPort(server, options.port), options.allowedOrigins);
    const refused = refusal(req, origin);
    if (refused) {
      // The body of a refused request is not read: the connection closes after the answer.
      res.setHeader('Connection', 'close');
      return send(res, refused.status, errorBody(refused.texts));
    }
    let url: URL;
    try {
      url = requestUrl(req.url);
    } catch (error) {
      return sendError(res, error, req);
    }
    if (!authorize(req, url, res)) return;
    handle(options.db, cache, req, url, res, serveStatic).catch((error) => sendError(res, error, req));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}

async function handle(
  db: Database, cache: ResultCache, req: IncomingMessage, url: URL, res: ServerResponse, serveStatic: ReturnType<typeof staticHandler>,
) {
  if (!url.pathname.startsWith('/api/')) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, serverError('methodNotAllowed'));
    return serveStatic(url.pathname, res);
  }
  if (!ResultCache.cacheable(req.method, url.pathname)) {
    const result = await routeApi(db, req, url);
    if (result === null) return send(res, 404, serverError('noEndpoint', { path: url.pathname }));
    return respond(res, result);
  }
  // A read-only answer comes from one snapshot of the workspace (an import ending meanwhile
  // cannot split it) and is kept for its data generation. The browser keeps it too and asks
  // again with its ETag: unchanged data is a 304, computed and sent no more (the client's cache).
  const generation = db.generation;
  const etag = `"${BOOT}-${generation}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': 'no-cache' });
    res.end();
    return;
  }
  // The dashboard drops answers it no longer needs (a newer filter): its connection closes, and
  // the request leaves the reader's queue instead of computing for no one.
  const gone = new AbortController();
  res.on('close', () => { if (!res.writableFinished) gone.abort(); });
  const key = await answerKey(url);
  const result = await cache.answer(key, generation,
    (signal) => db.reading(() => routeApi(db, req, url), signal), gone.signal);
  if (result === null) return send(res, 404, serverError('noEndpoint', { path: url.pathname }));
  respond(res, result, etag);
}

/** This server process: an ETag of another run (generations restart at 0) never matches. */
const BOOT = randomBytes(6).toString('hex');

/** `etag`: the answer may be kept by the browser and revalidated; without it, never stored. */
function respond(res: ServerResponse, result: ApiResult, etag?: string): void {
  const caching: Record<string, string> = etag ? { 'Cache-Control': 'no-cache', ETag: etag } : { 'Cache-Control': 'no-store' };
  if (result.kind === 'arrow') {
    const bytes = tableToIPC(result.table, 'stream');
    res.writeHead(200, { 'Content-Type': 'application/vnd.apache.arrow.stream', 'Content-Length': bytes.byteLength, ...caching });
    res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return;
  }
  if (result.kind === 'csv') {
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8', ...caching,
      'Content-Disposition': `attachment; filename="${result.filename}"`,
    });
    res.end('\ufeff' + result.body);
    return;
  }
  if (result.kind === 'file') {
    const { file } = result;
    try {
      res.writeHead(200, {
        'Content-Type': result.contentType, 'Cache-Control': 'no-store', 'Content-Length': statSync(file.path).size,
        'Content-Disposition': `attachment; filename="${result.filename}"`,
      });
    } catch (error) {
      file.dispose();
      throw error;
    }
    // Sent, failed or dropped by the client: the file goes either way.
    pipeline(createReadStream(file.path), res, () => file.dispose());
    return;
  }
  send(res, result.status ?? 200, result.body, (result.status ?? 200) === 200 ? caching : undefined);
}

function send(res: ServerResponse, status: number, body: unknown, caching: Record<string, string> = { 'Cache-Control': 'no-store' }): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...caching });
  res.end(text);
}

/** The answer to an unexpected failure: what failed, nothing of the database's messages or the server's paths. */
export const INTERNAL_ERROR = SERVER_ERRORS.internal.en;

function sendError(res: ServerResponse, error: unknown, req: IncomingMessage): void {
  // The client has gone (it dropped the request): there is no one to answer.
  if (res.destroyed) return;
  const status = error instanceof UsageError ? 400 : error instanceof NotFound ? 404 : error instanceof NothingSelected ? 422 : error instanceof Conflict ? 409 : error instanceof UploadTooLarge ? 413 : 500;
  if (status === 500) console.error(`ltc serve: ${req.method} ${(req.url ?? '').split('?')[0]} failed:`, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // The rest of a refused upload is not read: the connection closes after the answer.
  if (status === 413) res.setHeader('Connection', 'close');
  send(res, status, status === 500 ? serverError('internal') : errorBodyOf(error));
}

/** The port the server listens on (the one asked for until it listens; 0 asks for a free one). */
function listeningPort(server: Server, asked: number): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : asked;
}
