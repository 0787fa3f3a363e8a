/**
 * Issue 14, the access token: given once as `?token=`, it becomes a cookie and leaves the address;
 * the `Bearer` scheme is read in any case; guessing is slowed down per address; and `ltc serve`
 * refuses to listen beyond this machine with a token short enough to guess.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailedAttempts } from '../../app/server/failed-attempts.ts';
import type { Database } from '../../models/db/database.ts';
import { apiServer, DASHBOARD_HEADERS, rawRequest, type ApiServer } from '../helpers/api-server.ts';
import { ltc } from '../helpers/cli.ts';
import { workspace } from '../helpers/workspace.ts';

const TOKEN = 'a-token-of-24-characters';
const bundle = { 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n' };

describe('a server with a token', () => {
  let db: Database;
  let api: ApiServer;

  beforeAll(async () => {
    ({ db } = await workspace(bundle));
    api = await apiServer(db, TOKEN);
  });
  afterAll(() => api.stop(db));

  it('takes ?token= once: sets the cookie and sends the browser on to the same address without it', async () => {
    const first = await rawRequest(api.port, { path: `/api/status?lang=zh&token=${TOKEN}&from=2025-01-01` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/api/status?lang=zh&from=2025-01-01');
    expect(first.headers['set-cookie']).toEqual([`ltc_token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(first.body).toBe('');
    const page = await rawRequest(api.port, { path: `/overview?token=${TOKEN}` });
    expect([page.status, page.headers.location]).toEqual([303, '/overview']);
    // A path that would read as another host's address stays on this server.
    const odd = await rawRequest(api.port, { path: `//attacker.example/x?token=${TOKEN}` });
    expect(odd.headers.location).toBe('/attacker.example/x');

    const next = await rawRequest(api.port, { path: first.headers.location!, headers: { Cookie: `ltc_token=${TOKEN}` } });
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body)).toHaveProperty('workspace');
  });

  it('reads the Bearer scheme in any case, and nothing but the token after it', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const answer = await rawRequest(api.port, { path: '/api/status', headers: { Authorization: `${scheme} ${TOKEN}` } });
      expect({ scheme, status: answer.status }).toEqual({ scheme, status: 200 });
    }
    for (const authorization of [`Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer${TOKEN}`, TOKEN]) {
      expect((await rawRequest(api.port, { path: '/api/status', headers: { Authorization: authorization } })).status).toBe(401);
    }
  });

  it('still asks a request with the token for the dashboard header before it changes anything', async () => {
    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' };
    const refused = await rawRequest(api.port, { method: 'POST', path: '/api/import?name=x.csv', headers, body: 'lead_id,created_at\nL2,2025-01-02\n' });
    expect(refused.status).toBe(403);
    const accepted = await rawRequest(api.port, { method: 'POST', path: '/api/import?name=x.csv', headers: { ...headers, ...DASHBOARD_HEADERS }, body: 'lead_id,created_at\nL2,2025-01-02\n' });
    expect(accepted.status).toBe(200);
  });
});

describe('guessing the token', () => {
  it('answers 429 with Retry-After after 10 wrong tokens from one address, the right one included, and counts no request without a token', async () => {
    const { db } = await workspace(bundle);
    const api = await apiServer(db, TOKEN);
    try {
      // Pages opened before the token link carry none: they are not guesses.
      for (let i = 0; i < 15; i++) expect((await rawRequest(api.port, { path: '/api/status' })).status).toBe(401);
      expect((await rawRequest(api.port, { path: '/api/status', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);

      const wrong = ['Authorization', 'Cookie', 'query'].flatMap((where) => Array.from({ length: 4 }, (_, i) => ({ where, guess: `guess-${where}-${i}` })));
      const statuses: number[] = [];
      for (const { where, guess } of wrong.slice(0, 10)) {
        const answer = await rawRequest(api.port, where === 'query' ? { path: `/api/status?token=${guess}` }
          : { path: '/api/status', headers: where === 'Cookie' ? { Cookie: `ltc_token=${guess}` } : { Authorization: `Bearer ${guess}` } });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual(Array(10).fill(401));
      const locked = await rawRequest(api.port, { path: '/api/status', headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(JSON.parse(locked.body).error).toMatch(/too many wrong access tokens from this address: try again in \d+ s/);
    } finally {
      await api.stop(db);
    }
  });

  it('neither tries nor counts a ?token= in requests another site\'s page makes for images or fetches, so such a page cannot lock the user out', async () => {
    const { db } = await workspace(bundle);
    const api = await apiServer(db, TOKEN);
    try {
      const fromOtherSite = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' };
      for (let i = 0; i < 20; i++) {
        expect((await rawRequest(api.port, { path: `/?token=guess-${i}`, headers: fromOtherSite })).status).toBe(401);
      }
      // Not tried either: the right token from such a request sets no cookie.
      const right = await rawRequest(api.port, { path: `/?token=${TOKEN}`, headers: fromOtherSite });
      expect([right.status, right.headers['set-cookie']]).toEqual([401, undefined]);
      // The user's own link (typed, or opened from the terminal or another site's link) still works.
      const typed = await rawRequest(api.port, { path: `/?token=${TOKEN}`, headers: { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' } });
      expect(typed.status).toBe(303);
      const followed = await rawRequest(api.port, { path: `/?token=${TOKEN}`, headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } });
      expect(followed.status).toBe(303);
    } finally {
      await api.stop(db);
    }
  });

  it('forgets an address when its window has passed or it succeeded, and remembers a bounded number of addresses', () => {
    let now = 0;
    const attempts = new FailedAttempts(3, 60_000, 100, () => now);
    for (let i = 0; i < 3; i++) attempts.failed('10.0.0.1');
    expect(attempts.retryAfter('10.0.0.1')).toBe(60);
    now = 45_500;
    expect(attempts.retryAfter('10.0.0.1')).toBe(15);
    expect(attempts.retryAfter('10.0.0.2')).toBe(0);
    now = 60_000;
    expect(attempts.retryAfter('10.0.0.1')).toBe(0);

    attempts.failed('10.0.0.3');
    attempts.failed('10.0.0.3');
    attempts.succeeded('10.0.0.3');
    attempts.failed('10.0.0.3');
    expect(attempts.retryAfter('10.0.0.3')).toBe(0);

    for (let i = 0; i < 1000; i++) attempts.failed(`192.168.${i >> 8}.${i & 255}`);
    expect(attempts.size).toBe(100);
  });
});

describe('ltc serve and the token', () => {
  it('refuses to listen beyond this machine with an LTC_TOKEN shorter than 16 characters (exit 2, in words)', () => {
    const refused = ltc(['serve', '--db', ':memory:', '--host', '0.0.0.0', '--port', '0'], { LTC_TOKEN: 'fifteen-chars!!' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 with an LTC_TOKEN of 15 characters: beyond this machine it must have at least 16/);
  });
});
