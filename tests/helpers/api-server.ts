/** The dashboard's HTTP server on a test workspace: loopback, a free port, no built pages. */
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DASHBOARD_HEADERS } from '../../app/server/dashboard-request.ts';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';

export interface ApiServer {
  readonly server: Server;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** Stops listening, waits for the workspace's last query, closes `closeDb` when given. */
  stop(closeDb?: Database): Promise<void>;
}

/**
 * A POST as the dashboard sends it: with the header that proves a change comes from the dashboard
 * (app/server/request-guard.ts); `init` may add headers or other fetch options.
 */
export function dashboardPost(url: string, body?: RequestInit['body'], init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, method: 'POST', body, headers: { ...DASHBOARD_HEADERS, ...(init.headers as Record<string, string> | undefined) } });
}

export { DASHBOARD_HEADERS };

/** `webRoot`: the pages to serve (default: none, every page answers 503 "not built"). */
export async function apiServer(db: Database, token?: string, webRoot = mkdtempSync(join(tmpdir(), 'ltc-noweb-'))): Promise<ApiServer> {
  const server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot, token });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server, port, base: `http://127.0.0.1:${port}`,
    stop: (closeDb) => new Promise<void>((resolve) => server.close(() => {
      void db.idle().then(() => {
        closeDb?.close();
        resolve();
      });
    })),
  };
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * One request exactly as given — any Host, Origin or method, as another site's page or a DNS
 * rebinding page would send it (fetch would set some of these itself).
 */
export function rawRequest(
  port: number, options: { method?: string; path: string; headers?: OutgoingHttpHeaders; body?: string },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => { body += chunk; })
        .on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
