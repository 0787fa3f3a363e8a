/**
 * Issue 14: the local server against the other pages a user visits. A page of another site may
 * send simple requests (a form, a `no-cors` fetch) to 127.0.0.1, and after DNS rebinding it reads
 * answers as its own origin; none of it may change or read the workspace. Each hole is reproduced
 * over real HTTP with the request such a page would send, next to the dashboard's own request.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INTERNAL_ERROR } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';
import { tableChecksums } from '../helpers/checksums.ts';
import { apiServer, DASHBOARD_HEADERS, rawRequest, type ApiServer } from '../helpers/api-server.ts';
import { ENDPOINTS, PERIOD } from '../helpers/endpoints.ts';
import { workspace } from '../helpers/workspace.ts';

const bundle = {
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-15,Fair\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\n',
  // Resources a spreadsheet would run as formulas, and plain negative numbers that must stay numbers.
  'events.csv': [
    'case_id,activity,timestamp,resource',
    'C1,Order created,2025-01-02T09:00:00Z,=1+1',
    'C1,Order approved,2025-01-03T09:00:00Z,+1+1',
    'C1,Order shipped,2025-01-04T09:00:00Z,@x',
    'C1,Order delivered,2025-01-05T09:00:00Z,-2+3',
    'C1,Invoice sent,2025-01-06T09:00:00Z,-12.5',
    'C1,Payment received,2025-01-07T09:00:00Z,-2',
    'C1,Payment cleared,2025-01-08T09:00:00Z,+1',
  ].join('\n') + '\n',
};

const ATTACKER = 'https://attacker.example';

describe('requests from other sites and other hosts', () => {
  let db: Database;
  let api: ApiServer;
  let port: number;

  beforeAll(async () => {
    ({ db } = await workspace(bundle));
    api = await apiServer(db);
    port = api.port;
  });
  afterAll(() => api.stop(db));

  const batches = async () => (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM import_batches'))[0].n;
  const leads = async () => (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM leads'))[0].n;

  it('refuses a no-cors style POST (text/plain, no dashboard header) to undo, import and preview, with a foreign Origin or none: 403, nothing changed', async () => {
    const before = await tableChecksums(db);
    const [batchesBefore, leadsBefore] = [await batches(), await leads()];
    for (const origin of [{ Origin: ATTACKER }, {}]) {
      const headers = { 'Content-Type': 'text/plain', ...origin };
      const undo = await rawRequest(port, { method: 'POST', path: '/api/undo?batch=1', headers });
      const imported = await rawRequest(port, { method: 'POST', path: '/api/import?name=leads.csv', headers, body: 'lead_id,created_at\nLX,2025-03-01\n' });
      const preview = await rawRequest(port, { method: 'POST', path: '/api/import/preview?name=leads.csv', headers, body: 'lead_id,created_at\nLX,2025-03-01\n' });
      for (const answer of [undo, imported, preview]) {
        expect(answer.status).toBe(403);
        expect(JSON.parse(answer.body).error).toMatch(/must come from the LTC Lens dashboard \(header X-LTC-Request: 1\)/);
      }
    }
    expect([await batches(), await leads()]).toEqual([batchesBefore, leadsBefore]);
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('refuses an HTML form post (application/x-www-form-urlencoded) likewise', async () => {
    const before = await tableChecksums(db);
    for (const path of ['/api/undo?batch=1', '/api/import?name=leads.csv']) {
      const answer = await rawRequest(port, {
        method: 'POST', path, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ATTACKER },
        body: 'lead_id%2Ccreated_at%0ALX=2025-03-01',
      });
      expect(answer.status).toBe(403);
    }
    expect(await tableChecksums(db)).toEqual(before);
  });

  it("refuses the dashboard's header from another origin (or an opaque one) and a method that changes nothing", async () => {
    const before = await tableChecksums(db);
    for (const origin of [ATTACKER, `http://attacker.example:${port}`, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, 'null']) {
      const answer = await rawRequest(port, { method: 'POST', path: '/api/undo?batch=1', headers: { ...DASHBOARD_HEADERS, Origin: origin } });
      expect({ origin, status: answer.status }).toEqual({ origin, status: 403 });
      expect(JSON.parse(answer.body).error).toMatch(/must come from this server's own pages/);
    }
    // A preflight (OPTIONS) is refused too: no CORS header ever lets another site send the header.
    const preflight = await rawRequest(port, {
      method: 'OPTIONS', path: '/api/undo?batch=1',
      headers: { Origin: ATTACKER, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-ltc-request' },
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(await tableChecksums(db)).toEqual(before);
  });

  it("answers the dashboard's own requests: its header, and its own Origin or none", async () => {
    const leadsBefore = await leads();
    for (const origin of [{ Origin: `http://127.0.0.1:${port}` }, { Origin: `http://localhost:${port}` }, {}]) {
      const imported = await rawRequest(port, {
        method: 'POST', path: '/api/import?name=more-leads.csv', headers: { ...DASHBOARD_HEADERS, 'Content-Type': 'application/octet-stream', ...origin },
        body: 'lead_id,created_at\nL9,2025-03-01\n',
      });
      expect(imported.status).toBe(200);
      const batch = JSON.parse(imported.body).files[0].batch_id as number;
      expect(await leads()).toBe(leadsBefore + 1);
      const undo = await rawRequest(port, { method: 'POST', path: `/api/undo?batch=${batch}`, headers: { ...DASHBOARD_HEADERS, ...origin } });
      expect(undo.status).toBe(200);
      expect(JSON.parse(undo.body)).toMatchObject({ rows_removed: 1 });
      expect(await leads()).toBe(leadsBefore);
    }
  });

  it('answers 421 with no data to a request naming another host (DNS rebinding), and answers its own names', async () => {
    for (const path of ['/api/export?format=csv', '/api/cases.arrow', '/api/cases', '/']) {
      for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.attacker.example:${port}`, `127.0.0.1:${port + 1}`]) {
        const answer = await rawRequest(port, { path, headers: { Host: host } });
        expect({ path, host, status: answer.status }).toEqual({ path, host, status: 421 });
        expect(JSON.parse(answer.body).error).toMatch(/answers to localhost, 127\.0\.0\.1, \[::1\]/);
        expect(answer.body).not.toMatch(/C1|L1|Order created/);
      }
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, '127.0.0.1', 'localhost']) {
      const answer = await rawRequest(port, { path: '/api/export?format=csv', headers: { Host: host } });
      expect({ host, status: answer.status }).toEqual({ host, status: 200 });
    }
  });

  it('sends the security headers with a page, an API answer, a download and each refusal', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'ltc-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>LTC Lens</title>');
    const withPages = await apiServer(db, undefined, webRoot);
    try {
      const answers = {
        page: await rawRequest(withPages.port, { path: '/overview' }),
        json: await rawRequest(withPages.port, { path: '/api/status' }),
        download: await rawRequest(withPages.port, { path: '/api/export?format=csv' }),
        error: await rawRequest(withPages.port, { path: '/api/kpis?from=yesterday' }),
        missing: await rawRequest(withPages.port, { path: '/api/nothing' }),
        forbidden: await rawRequest(withPages.port, { method: 'POST', path: '/api/undo?batch=1' }),
        misdirected: await rawRequest(withPages.port, { path: '/api/status', headers: { Host: 'attacker.example' } }),
      };
      expect(Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.status])))
        .toEqual({ page: 200, json: 200, download: 200, error: 400, missing: 404, forbidden: 403, misdirected: 421 });
      for (const [kind, answer] of Object.entries(answers)) {
        const csp = String(answer.headers['content-security-policy']);
        expect(csp, kind).toMatch(/default-src 'self'/);
        expect(csp, kind).toMatch(/script-src 'self'(;|$)/);
        expect(csp, kind).toMatch(/object-src 'none'/);
        expect(csp, kind).toMatch(/base-uri 'none'/);
        expect(csp, kind).toMatch(/frame-ancestors 'none'/);
        expect(csp, kind).not.toMatch(/script-src[^;]*unsafe/);
        // Workers from our scripts or from blobs they make (the Excel download's zip), nothing else.
        expect(csp, kind).toMatch(/worker-src 'self' blob:(;|$)/);
        expect(answer.headers['x-content-type-options'], kind).toBe('nosniff');
        expect(answer.headers['referrer-policy'], kind).toBe('no-referrer');
        expect(answer.headers['x-frame-options'], kind).toBe('DENY');
        expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-')), kind).toEqual([]);
      }
    } finally {
      await withPages.stop();
    }
  });

  // One rule with the dashboard's table export (models/export/csv-cell.ts): a signed plain number
  // (-12.5, -2, +1) is a number to a spreadsheet and stays one; anything else starting = + - @ is text.
  it('keeps plain negative numbers as numbers in the CSV export and defuses formulas (=, +, @, -2+3)', async () => {
    const answer = await rawRequest(port, { path: '/api/export?format=csv&log=events' });
    expect(answer.status).toBe(200);
    const resources = answer.body.replace(/^\ufeff/, '').trim().split('\n').slice(1).map((line) => line.split(',')[4]);
    expect(resources).toEqual(["'=1+1", "'+1+1", "'@x", "'-2+3", '-12.5', '-2', '+1']);
  });
});

describe('malformed requests and internal errors', () => {
  let db: Database;
  let api: ApiServer;

  beforeAll(async () => {
    ({ db } = await workspace(bundle));
    api = await apiServer(db);
  });
  afterAll(() => api.stop(db));

  it('answers 400 to a malformed % escape in the path or the query, and to one that is not UTF-8', async () => {
    for (const path of ['/%E0%A4%A', '/overview%', '/api/kpis?from=%zz', '/api/kpis?from%G1=x', '/assets/%FF.js', '/api/cases?search=%C3']) {
      const answer = await rawRequest(api.port, { path });
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(JSON.parse(answer.body).error).toMatch(/% escape/);
    }
  });

  it('answers 400 to format=toString and other names every object has, never 500', async () => {
    for (const format of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const answer = await rawRequest(api.port, { path: `/api/export?format=${format}` });
      expect({ format, status: answer.status }).toEqual({ format, status: 400 });
      expect(JSON.parse(answer.body).error).toBe(`format must be xes, ocel or csv, not "${format}"`);
    }
    // Every parameter of every endpoint, and attribute filters named like them.
    const failures: string[] = [];
    for (const endpoint of ENDPOINTS) {
      const names = [...(endpoint.period === false ? [] : [...PERIOD, 'attr.source']), ...(endpoint.own ?? [])];
      for (const name of names) {
        for (const value of ['toString', 'constructor', '__proto__']) {
          const query = new URLSearchParams({ ...endpoint.base, [name]: value });
          if (endpoint.period !== false) query.set(`attr.${value}`, 'x');
          const answer = await rawRequest(api.port, { path: `${endpoint.path}?${query}` });
          if (answer.status >= 500) failures.push(`${endpoint.path}?${query} → ${answer.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  describe('with downloads written to a folder of this test', () => {
    const previous = process.env.TMPDIR;
    let scratch: string;
    let gated: ApiServer;
    let hold: Promise<void> | null = null;

    beforeAll(async () => {
      scratch = mkdtempSync(join(tmpdir(), 'ltc-downloads-'));
      // The same workspace, whose queries wait while `hold` is set: a download can be looked at
      // while the server writes it.
      gated = await apiServer(new Proxy(db, {
        get(target, key) {
          if (key === 'query') return async (sql: string, params?: never) => { if (hold) await hold; return target.query(sql, params); };
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }));
    });
    afterAll(() => gated.stop());
    afterEach(() => {
      if (previous === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = previous;
      vi.restoreAllMocks();
    });

    /** A folder of its own as the server's temporary folder. */
    const downloadsIn = (name: string) => {
      const dir = join(scratch, name);
      mkdirSync(dir);
      process.env.TMPDIR = dir;
      return dir;
    };
    /** Each file in the download folders of `dir`: the folder's and the file's permissions. */
    const modes = (dir: string) => readdirSync(dir).flatMap((folder) => readdirSync(join(dir, folder))
      .map((file) => ({ folder: statSync(join(dir, folder)).mode & 0o777, file: statSync(join(dir, folder, file)).mode & 0o777 })));

    it("answers an internal error with 500 in words, without the error's text or a path, and logs it in full", async () => {
      const logged: unknown[] = [];
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { logged.push(...args); });
      // The download's folder cannot be made: a real failure whose message names a temporary path.
      process.env.TMPDIR = join(scratch, 'gone');
      const answer = await rawRequest(api.port, { path: '/api/export?format=csv' });
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ error: INTERNAL_ERROR, error_zh: '服务器无法响应此请求（内部错误）；请查看服务器日志' });
      expect(answer.body).not.toMatch(/\/tmp|ENOENT|mkdtemp|ltc-export/);
      expect(answer.body).not.toContain(scratch);
      expect(logged.map((part) => (part instanceof Error ? part.message : String(part))).join(' ')).toContain(join(scratch, 'gone'));
    });

    it('writes a download as a private file (0600) in a private folder (0700), removed once sent', async () => {
      const dir = downloadsIn('sent');
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      const answer = rawRequest(gated.port, { path: '/api/export?format=xes' });
      await until(() => readdirSync(dir).length > 0);
      expect(modes(dir)).toEqual([{ folder: 0o700, file: 0o600 }]);
      hold = null;
      release();
      const sent = await answer;
      expect(sent.status).toBe(200);
      expect(sent.body).toContain('<log');
      await until(() => readdirSync(dir).length === 0);
    });

    it('removes the download when the client leaves while it is written, and when there is nothing to export', async () => {
      const dir = downloadsIn('left');
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      const { request } = await import('node:http');
      const req = request({ host: '127.0.0.1', port: gated.port, path: '/api/export?format=csv' });
      req.on('error', () => undefined);
      req.end();
      await until(() => readdirSync(dir).length > 0);
      req.destroy();
      hold = null;
      release();
      await until(() => readdirSync(dir).length === 0);

      const empty = await rawRequest(gated.port, { path: '/api/export?format=csv&from=2030-01-01&to=2030-12-31' });
      expect(empty.status).toBe(422);
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});

/** Waits (in small steps, for as long as the test may run) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
