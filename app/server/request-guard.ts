/**
 * Requests refused before they are read (issue 14): one that names another host (DNS rebinding,
 * 421), and one that would change the workspace without proving it comes from the dashboard
 * itself (a form or a `no-cors` fetch of another site, 403) — with a token or without.
 */
import type { IncomingMessage } from 'node:http';
import { DASHBOARD_HEADER, DASHBOARD_HEADER_VALUE } from './dashboard-request.ts';
import type { ServerOrigin } from './server-origin.ts';
import { sayAll, type Message } from '../../models/messages/catalogue.ts';
import { sayEach } from '../../models/messages/catalogue.ts';
import { SERVER_ERRORS } from '../../models/messages/server-errors.ts';

export interface Refusal {
  readonly status: 421 | 403;
  /** why, in every language (the answer's `error` and `error_zh`) */
  readonly texts: Message;
}

/** A value of the request, shortened and on one line, for a message. */
const shown = (value: string) => JSON.stringify(value.slice(0, 100));

/** Why `req` is refused, or null when it may go on. GET and HEAD change nothing, so they need no proof. */
export function refusal(req: IncomingMessage, origin: ServerOrigin): Refusal | null {
  const host = req.headers.host;
  if (!origin.acceptsHost(host)) {
    const port = String(origin.port);
    return {
      status: 421,
      texts: host === undefined
        ? sayEach(SERVER_ERRORS, 'noHost', (lang) => ({ names: origin.description[lang], port }))
        : sayEach(SERVER_ERRORS, 'wrongHost', (lang) => ({ names: origin.description[lang], port, host: shown(host) })),
    };
  }
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  if (req.headers[DASHBOARD_HEADER.toLowerCase()] !== DASHBOARD_HEADER_VALUE) {
    return { status: 403, texts: sayAll(SERVER_ERRORS, 'dashboardHeader', { header: DASHBOARD_HEADER, value: DASHBOARD_HEADER_VALUE }) };
  }
  const from = req.headers.origin;
  if (from !== undefined && !origin.acceptsOrigin(from)) {
    return { status: 403, texts: sayAll(SERVER_ERRORS, 'foreignOrigin', { origin: shown(from) }) };
  }
  return null;
}
