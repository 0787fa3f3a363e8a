/**
 * Bearer-token check for a server bound beyond loopback (SPEC §9). Requests carry
 * `Authorization: Bearer <token>`; a browser opens `/?token=<token>` once and keeps it as a cookie.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const COOKIE = 'ltc_token';

const digest = (text: string) => createHash('sha256').update(text).digest();

function sameToken(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** True when the request may go on; otherwise the 401 has been sent. */
export function authorize(token: string | undefined, req: IncomingMessage, url: URL, res: ServerResponse): boolean {
  if (!token) return true;
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (sameToken(bearer, token) || sameToken(cookieToken(req), token)) return true;
  if (sameToken(url.searchParams.get('token') ?? undefined, token)) {
    res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    return true;
  }
  res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer' });
  res.end(JSON.stringify({ error: 'this LTC Lens server needs its access token (Authorization: Bearer <LTC_TOKEN>)' }));
  return false;
}
