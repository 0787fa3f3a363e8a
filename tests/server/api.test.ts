import { request, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';
import { compare } from '../../models/compare.ts';
import { kpis } from '../../models/measures.ts';
import { DASHBOARD_HEADERS, dashboardPost } from '../helpers/api-server.ts';
import { ltc } from '../helpers/cli.ts';
import { workspace } from '../helpers/workspace.ts';

const bundle = {
  'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-15\nL3,2025-02-10\nL4,2025-06-01\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\nSO3,2025-03-01,L3,50\n',
};

async function listen(db: Database, token?: string): Promise<{ server: Server; base: string }> {
  const server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')), token });
  const address = server.address();
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

describe('dashboard API', () => {
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ db } = await workspace(bundle));
    ({ server, base } = await listen(db));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => { db.close(); resolve(); })));

  it('answers kpis and compare with exactly the models’ results', async () => {
    const api = await (await fetch(`${base}/api/kpis?from=2025-01-01&to=2025-03-31&window=30`)).json();
    expect(api).toEqual(JSON.parse(JSON.stringify(await kpis(db, { from: '2025-01-01', to: '2025-03-31', windowDays: 30 }))));
    const cmp = await (await fetch(`${base}/api/compare?cutover=2025-02-01`)).json();
    expect(cmp).toEqual(JSON.parse(JSON.stringify(await compare(db, { cutover: '2025-02-01' }))));
  });

  it('compares explicit ranges or leaves out a transition window, and refuses bad periods with 400', async () => {
    const ranges = await (await fetch(`${base}/api/compare?before=2025-01-01..2025-01-31&after=2025-02-01..2025-06-30`)).json();
    expect(ranges).toEqual(JSON.parse(JSON.stringify(await compare(db, { before: '2025-01-01..2025-01-31', after: '2025-02-01..2025-06-30' }))));
    expect(ranges.kpis[0]).toHaveProperty('p_value');
    const excluded = await (await fetch(`${base}/api/compare?cutover=2025-02-01&exclude_days=14`)).json();
    expect(excluded.periods.after.from).toBe('2025-02-15');
    for (const query of ['cutover=2025-02-01&exclude_days=x', 'before=2025-01-01..2025-01-31', 'cutover=2025-02-01&after=2025-02-01..2025-06-30&before=2025-01-01..2025-01-31']) {
      expect((await fetch(`${base}/api/compare?${query}`)).status, query).toBe(400);
    }
  });

  it('sends monthly cohorts as Arrow IPC', async () => {
    const res = await fetch(`${base}/api/cohorts?window=30`);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const rows = table.toArray().map((r) => r.toJSON());
    // data_end 2025-06-01; W = 30 → Jan (L1 converted, L2 not), Feb (L3 converted after 19 days), Jun censored.
    expect(rows.map((r) => [r.month, r.leads, r.converted])).toEqual([['2025-01', 2, 1], ['2025-02', 1, 1], ['2025-06', 1, 0]]);
    expect(rows[0].conversion_rate).toBe(0.5);
    expect(rows[2].conversion_rate).toBeNull();
  });

  it('imports an uploaded file and reports a bad one in words', async () => {
    const ok = await dashboardPost(`${base}/api/import?name=${encodeURIComponent('payments.csv')}`, 'payment_id,paid_at,amount,order_id\nP1,2025-01-20,100,SO1\n');
    expect(ok.status).toBe(200);
    expect((await ok.json()).files[0]).toMatchObject({ path: 'payments.csv', kind: 'payments', rows_loaded: 1 });
    const bad = await dashboardPost(`${base}/api/import?name=${encodeURIComponent('../../etc/mystery.csv')}`, 'foo,bar\n1,2\n');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatch(/^mystery\.csv:1: cannot tell which table/);
  });

  it('says 400 for bad parameters and 404 for unknown endpoints', async () => {
    const bad = await fetch(`${base}/api/kpis?from=yesterday`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/from must be a date/);
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
  });
});

describe('token', () => {
  it('requires the bearer token on every request when one is set', async () => {
    const { db } = await workspace(bundle);
    const { server, base } = await listen(db, 's3cret');
    try {
      expect((await fetch(`${base}/api/status`)).status).toBe(401);
      expect((await fetch(`${base}/api/status`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${base}/api/status`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
      expect((await fetch(`${base}/overview`)).status).toBe(401);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    }
  });
});

describe('upload limit and listening address', () => {
  it('refuses an upload over LTC_MAX_UPLOAD_MB with 413, declared or streamed, and loads nothing', async () => {
    const { db } = await workspace(bundle);
    const { server, base } = await listen(db);
    const previous = process.env.LTC_MAX_UPLOAD_MB;
    process.env.LTC_MAX_UPLOAD_MB = '0.01';
    try {
      const [{ n: before }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM import_batches');
      const rows = Array.from({ length: 2000 }, (_, i) => `LB${i},2025-01-01`).join('\n');
      const body = `lead_id,created_at\n${rows}\n`;
      expect(body.length).toBeGreaterThan(0.01 * 1024 * 1024);
      const declared = await dashboardPost(`${base}/api/import?name=big.csv`, body);
      expect(declared.status).toBe(413);
      expect((await declared.json()).error).toMatch(/larger than the upload limit of 0\.01 MB/);
      // Without a length (chunked): the limit is found while the body streams in.
      const streamed = await new Promise<number>((resolve, reject) => {
        const address = server.address();
        const req = request({ host: '127.0.0.1', port: typeof address === 'object' && address ? address.port : 0, method: 'POST',
          path: '/api/import?name=big.csv', headers: { ...DASHBOARD_HEADERS, 'Transfer-Encoding': 'chunked' } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
        req.on('error', reject);
        req.end(body);
      });
      expect(streamed).toBe(413);
      const [{ n: after }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM import_batches');
      expect(after).toBe(before);
    } finally {
      if (previous === undefined) delete process.env.LTC_MAX_UPLOAD_MB; else process.env.LTC_MAX_UPLOAD_MB = previous;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    }
  });

  it('refuses to listen beyond this machine without LTC_TOKEN (exit 2, in words)', () => {
    const refused = ltc(['serve', '--db', ':memory:', '--host', '0.0.0.0', '--port', '0'], { LTC_TOKEN: '' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without LTC_TOKEN/);
  });
});
