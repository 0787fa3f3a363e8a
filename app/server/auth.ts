/**
 * Bearer-token check for a server bound beyond loopback (docs/safety.md, issue 14). Requests carry
 * `Authorization: Bearer <token>` (the scheme in any case); a browser opens `/?token=<token>` once,
 * gets it as a cookie and is sent on to the same address without the token, so it stays out of the
 * address bar, the history and copied links. Repeated failures from one address are slowed down.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FailedAttempts } from './failed-attempts.ts';
import { serverError } from './error-body.ts';

/** The shortest LTC_TOKEN `ltc serve` accepts beyond loopback. */
export const MIN_TOKEN_LENGTH = 16;

const COOKIE = 'ltc_token';

const digest = (text: string) => createHash('sha256').update(text).digest();

function sameToken(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return value.join('=');
    }
  }
  return undefined;
}

/**
 * A request another site's page made for an image, script or fetch (the browser says so in
 * Sec-Fetch-*, which a page cannot set). Its `?token=` is neither tried nor counted: a page of
 * another site could otherwise send ten wrong tokens in <img> tags and lock the user out.
 */
function crossSiteSubresource(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return (site === 'cross-site' || site === 'same-site') && req.headers['sec-fetch-mode'] !== 'navigate';
}

function bearerToken(req: IncomingMessage): string | undefined {
  return /^bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** True when the request may go on; otherwise its answer (a redirect, 401 or 429) has been sent. */
export type Authorize = (req: IncomingMessage, url: URL, res: ServerResponse) => boolean;

/** The check of a server started with `token`; without one, every request may go on. */
export function tokenCheck(token: string | undefined, attempts = new FailedAttempts()): Authorize {
  if (!token) return () => true;
  return (req, url, res) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (crossSiteSubresource(req) && url.searchParams.has('token')) return refuse(res);
    const wait = attempts.retryAfter(address);
    if (wait > 0) {
      res.writeHead(429, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(wait), 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(serverError('tooManyTokens', { wait: String(wait) })));
      return false;
    }
    const fromQuery = url.searchParams.get('token') ?? undefined;
    if (sameToken(fromQuery, token)) {
      attempts.succeeded(address);
      res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
      // A POST would lose its body on a redirect: it goes on, the cookie set.
      if (req.method !== 'GET' && req.method !== 'HEAD') return true;
      res.writeHead(303, { Location: withoutToken(url), 'Cache-Control': 'no-store' });
      res.end();
      return false;
    }
    const bearer = bearerToken(req);
    const cookie = cookieToken(req);
    if (sameToken(bearer, token) || sameToken(cookie, token)) {
      attempts.succeeded(address);
      return true;
    }
    // A request with no token at all is not a guess (a page opened before the token link).
    if (fromQuery !== undefined || bearer !== undefined || cookie !== undefined || req.headers.authorization) attempts.failed(address);
    return refuse(res);
  };
}

function refuse(res: ServerResponse): false {
  res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(serverError('tokenNeeded')));
  return false;
}

/** The request's own address, path and query, without `token` (never `//…`: that would leave the server). */
function withoutToken(url: URL): string {
  const rest = new URLSearchParams(url.searchParams);
  rest.delete('token');
  const query = rest.toString();
  return `${url.pathname.replace(/^\/+/, '/')}${query ? `?${query}` : ''}`;
}
