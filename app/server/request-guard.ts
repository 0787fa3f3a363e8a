/**
 * Requests refused before they are read (issue 14): one that names another host (DNS rebinding,
 * 421), and one that would change the workspace without proving it comes from the dashboard
 * itself (a form or a `no-cors` fetch of another site, 403) — with a token or without.
 */
import type { IncomingMessage } from 'node:http';
import { DASHBOARD_HEADER, DASHBOARD_HEADER_VALUE } from './dashboard-request.ts';
import type { ServerOrigin } from './server-origin.ts';

export interface Refusal {
  readonly status: 421 | 403;
  readonly error: string;
}

/** A value of the request, shortened and on one line, for a message. */
const shown = (value: string) => JSON.stringify(value.slice(0, 100));

/** Why `req` is refused, or null when it may go on. GET and HEAD change nothing, so they need no proof. */
export function refusal(req: IncomingMessage, origin: ServerOrigin): Refusal | null {
  const host = req.headers.host;
  if (!origin.acceptsHost(host)) {
    return {
      status: 421,
      error: `this LTC Lens server answers to ${origin.described} (port ${origin.port}), `
        + `not to ${host === undefined ? 'a request without a Host header' : shown(host)}: open the dashboard by the address the server printed`,
    };
  }
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  if (req.headers[DASHBOARD_HEADER.toLowerCase()] !== DASHBOARD_HEADER_VALUE) {
    return {
      status: 403,
      error: `a request that changes the workspace must come from the LTC Lens dashboard (header ${DASHBOARD_HEADER}: ${DASHBOARD_HEADER_VALUE}); `
        + 'a page of another site cannot send it',
    };
  }
  const from = req.headers.origin;
  if (from !== undefined && !origin.acceptsOrigin(from)) {
    return { status: 403, error: `a request that changes the workspace must come from this server's own pages, not from ${shown(from)}` };
  }
  return null;
}
