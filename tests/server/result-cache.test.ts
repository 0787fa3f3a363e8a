/**
 * The server keeps GET answers per data generation: a URL asked again, or by many clients at
 * once, is computed once — and an import, an undo or any other write makes the next answer new.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultCache } from '../../app/server/result-cache.ts';
import { json } from '../../app/server/routes.ts';
import type { Database } from '../../models/db/database.ts';
import { kpis } from '../../models/measures.ts';
import { apiServer, dashboardPost, type ApiServer } from '../helpers/api-server.ts';
import { recordingDatabase } from '../helpers/recording-db.ts';
import { workspace } from '../helpers/workspace.ts';

describe('answers kept until the data changes', () => {
  let db: Database;
  let api: ApiServer;
  let base: string;
  const statements: string[] = [];

  beforeAll(async () => {
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-01-15\nL3,2025-02-10\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\n',
    }));
    api = await apiServer(recordingDatabase(db, statements));
    base = api.base;
  });
  afterAll(() => api.stop(db));

  it('computes a URL asked by ten clients at once a single time, and again only after an import', async () => {
    statements.length = 0;
    const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${base}/api/kpis?window=30`).then((r) => r.json())));
    const once = statements.length;
    expect(once).toBeGreaterThan(0);
    for (const a of answers) expect(a).toEqual(answers[0]);
    await fetch(`${base}/api/kpis?window=30`);
    expect(statements.length).toBe(once);
    // Another URL is another question.
    await fetch(`${base}/api/kpis?window=60`);
    expect(statements.length).toBeGreaterThan(once);

    const imported = await dashboardPost(`${base}/api/import?name=orders-2.csv`, 'order_id,created_at,lead_id,amount\nSO2,2025-02-20,L3,50\n');
    expect(imported.status).toBe(200);
    const after = await (await fetch(`${base}/api/kpis?window=30`)).json();
    expect(after).not.toEqual(answers[0]);
    expect(after).toEqual(JSON.parse(JSON.stringify(await kpis(db, { windowDays: 30 }))));
  });

  it('keeps an answer under the parameters its analysis reads: a date range sent to a snapshot computes it once', async () => {
    // The Overview sends its date range to every card; aging is a snapshot and reads only as_of and the segments.
    statements.length = 0;
    const first = await (await fetch(`${base}/api/aging?from=2025-01-01&to=2025-01-31`)).json();
    const once = statements.length;
    expect(once).toBeGreaterThan(0);
    const second = await (await fetch(`${base}/api/aging?from=2025-02-01&to=2025-02-28&unread=1`)).json();
    expect(statements.length).toBe(once);
    expect(second).toEqual(first);
    // A parameter it reads is another question, as is the same range asked of an analysis that reads it.
    await fetch(`${base}/api/aging?as_of=2025-01-20`);
    expect(statements.length).toBeGreaterThan(once);
    const counted = statements.length;
    await fetch(`${base}/api/funnel?from=2025-01-01&to=2025-01-31`);
    const funnel = statements.length;
    expect(funnel).toBeGreaterThan(counted);
    await fetch(`${base}/api/funnel?from=2025-02-01&to=2025-02-28`);
    expect(statements.length).toBeGreaterThan(funnel);
  });

});

describe('answers the browser keeps: ETag per data generation', () => {
  let db: Database;
  let api: ApiServer;
  let base: string;
  const statements: string[] = [];

  beforeAll(async () => {
    ({ db } = await workspace({ 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n' }));
    api = await apiServer(recordingDatabase(db, statements));
    base = api.base;
  });
  afterAll(() => api.stop(db));

  it('says 304 to a browser whose copy is current, without a query, and sends the new answer after an import', async () => {
    const first = await fetch(`${base}/api/funnel`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]+-\d+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const body = await first.json();
    statements.length = 0;
    const again = await fetch(`${base}/api/funnel`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(statements).toEqual([]);

    await dashboardPost(`${base}/api/import?name=more.csv`, 'lead_id,created_at\nL2,2025-01-05\n');
    const after = await fetch(`${base}/api/funnel`, { headers: { 'If-None-Match': etag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.json()).not.toEqual(body);
    // Downloads made per request and the import itself are never kept.
    expect((await fetch(`${base}/api/export?format=csv`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('ResultCache', () => {
  it('never keeps a failure or a per-request file, and forgets everything when the generation changes', async () => {
    const cache = new ResultCache();
    let computed = 0;
    const failing = () => { computed++; return Promise.reject(new Error('boom')); };
    await expect(cache.answer('/api/x', 1, failing)).rejects.toThrow('boom');
    await expect(cache.answer('/api/x', 1, failing)).rejects.toThrow('boom');
    expect(computed).toBe(2);
    const file = () => { computed++; return Promise.resolve({ kind: 'file' as const, file: { path: '/tmp/x', dispose: () => undefined }, filename: 'x', contentType: 'text/plain' }); };
    await cache.answer('/api/f', 1, file);
    await cache.answer('/api/f', 1, file);
    expect(computed).toBe(4);
    const ok = () => { computed++; return Promise.resolve(json({ n: computed })); };
    expect(await cache.answer('/api/y', 1, ok)).toEqual(await cache.answer('/api/y', 1, ok));
    expect(computed).toBe(5);
    await cache.answer('/api/y', 2, ok);
    expect(computed).toBe(6);
  });

  it('stops a computation when its only client leaves, and computes it anew for the next one', async () => {
    const cache = new ResultCache();
    const signals: AbortSignal[] = [];
    const slow = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<ReturnType<typeof json>>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
        setTimeout(() => resolve(json({ done: true })), 200);
      });
    };
    const gone = new AbortController();
    const first = cache.answer('/api/slow', 1, slow, gone.signal);
    gone.abort();
    await expect(first).rejects.toThrow(/abort/i);
    expect(signals[0].aborted).toBe(true);
    expect(await cache.answer('/api/slow', 1, slow, new AbortController().signal)).toEqual(json({ done: true }));
    expect(signals).toHaveLength(2);
    expect(signals[1].aborted).toBe(false);
  });

  it('keeps computing while another client still waits for the answer', async () => {
    const cache = new ResultCache();
    const signals: AbortSignal[] = [];
    const slow = (signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<ReturnType<typeof json>>((resolve) => setTimeout(() => resolve(json({ done: true })), 100));
    };
    const leaving = new AbortController();
    const left = cache.answer('/api/slow', 1, slow, leaving.signal);
    const staying = cache.answer('/api/slow', 1, slow, new AbortController().signal);
    leaving.abort();
    await expect(left).rejects.toThrow(/abort/i);
    expect(await staying).toEqual(json({ done: true }));
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);
  });

  it('keeps the most recently used answers up to its limit', async () => {
    const cache = new ResultCache(2);
    let computed = 0;
    const ok = () => { computed++; return Promise.resolve(json({})); };
    await cache.answer('a', 1, ok);
    await cache.answer('b', 1, ok);
    await cache.answer('a', 1, ok);
    await cache.answer('c', 1, ok);
    expect(computed).toBe(3);
    await cache.answer('a', 1, ok);
    expect(computed).toBe(3);
    await cache.answer('b', 1, ok);
    expect(computed).toBe(4);
  });
});
