/**
 * docs/safety.md, issue 9 "Concurrency": the dashboard stays responsive and correct while an import runs.
 * Reads made during an import are answered before it ends, and each sees the workspace either as
 * it was or as it is afterwards — never the new rows of a file with the model of before, never one
 * file of a bundle without the next.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { DEFAULT_READERS } from '../../models/db/readers.ts';
import { kpis } from '../../models/measures.ts';
import { generate } from '../../sample-data/generator/index.ts';
import { apiServer, dashboardPost, type ApiServer } from '../helpers/api-server.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

// Canonical counts beside the model's, in one statement: one snapshot per observation.
const PROBE = `SELECT
  (SELECT count(*) FROM import_batches)::INTEGER AS batches,
  (SELECT count(*) FROM orders)::INTEGER AS orders,
  (SELECT count(*) FROM model.order_facts)::INTEGER AS model_orders,
  (SELECT count(*) FROM invoices)::INTEGER AS invoices,
  (SELECT count(*) FROM model.invoice_facts)::INTEGER AS model_invoices,
  (SELECT count(*) FROM payments)::INTEGER AS payments,
  (SELECT count(*) FROM model.ltc_events WHERE activity = 'Payment received')::INTEGER AS model_payment_events`;

interface Probe { batches: number; orders: number; model_orders: number; invoices: number; model_invoices: number; payments: number; model_payment_events: number }

const LATER_FILES = ['orders.csv', 'deliveries.csv', 'invoices.csv', 'payments.csv'];

describe('reads while an import runs', () => {
  let bundle: string;
  let db: Database;

  beforeAll(async () => {
    bundle = mkdtempSync(join(tmpdir(), 'ltc-concurrent-'));
    generate({ leads: 4000, outDir: bundle, seed: 9 });
    db = await openWorkspace(join(bundle, 'ws.duckdb'));
    const first = await importAndRebuild(db, ['accounts.csv', 'leads.csv', 'opportunities.csv', 'quotes.csv'].map((f) => ({ path: join(bundle, f), name: f })));
    expect(first.files.every((f) => !f.error && f.rows_loaded > 0)).toBe(true);
  });

  afterAll(() => db?.close());

  it('answers them before the import ends, each seeing all of the bundle or none of it', async () => {
    const observe = () => db.reading(async () => ({ probe: (await db.query<Probe>(PROBE))[0], kpis: await kpis(db, {}) }));
    const before = await observe();
    let done = false;
    const importing = importAndRebuild(db, LATER_FILES.map((f) => ({ path: join(bundle, f), name: f }))).finally(() => { done = true; });
    const seen: { probe: Probe; kpis: unknown; during: boolean }[] = [];
    while (!done) {
      // One observation, as one dashboard request: its several queries on one snapshot.
      const seenNow = await observe();
      seen.push({ ...seenNow, during: !done });
    }
    const report = await importing;
    expect(report.files.map((f) => f.error ?? null)).toEqual([null, null, null, null]);
    const after = await observe();

    // The states differ, and each is whole: every order and invoice has its model row.
    expect(after.probe.orders).toBeGreaterThan(before.probe.orders);
    expect(after.probe.payments).toBeGreaterThan(0);
    for (const state of [before.probe, after.probe]) {
      expect(state.model_orders).toBe(state.orders);
      expect(state.model_invoices).toBe(state.invoices);
    }
    expect(after.kpis).not.toEqual(before.kpis);

    const during = seen.filter((s) => s.during);
    expect(during.length).toBeGreaterThan(0);
    for (const s of seen) {
      expect([before.probe, after.probe]).toContainEqual(s.probe);
      expect([before.kpis, after.kpis]).toContainEqual(s.kpis);
    }
    // Reads made during the import see the workspace as it was.
    for (const s of during) expect(s.probe).toEqual(before.probe);
  });

  it('refuses a write inside a read-only request (it would wait for the writer while holding the reader)', async () => {
    await expect(db.reading(() => db.exec('CREATE TABLE nope (a INTEGER)'))).rejects.toThrow(/read-only request tried to write/);
    await expect(db.reading(() => db.transaction(async () => undefined))).rejects.toThrow(/read-only/);
    const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'nope'");
    expect(n).toBe(0);
  });

  it('sends the reads after failed ones ended every reader\'s snapshot inside the import to wait for its end, not to fail', async () => {
    const before = (await db.query<Probe>(PROBE))[0];
    // Three more orders (new ids) of the bundle's first opportunities.
    const [header, ...rows] = readFileSync(join(bundle, 'orders.csv'), 'utf8').trim().split('\n');
    const extra = join(bundle, 'more-orders.csv');
    writeFileSync(extra, [header, ...rows.slice(0, 3).map((r) => r.replace(/^SO/, 'SOX'))].join('\n'));
    // The import's own calls (its onFile callback too) read through the writer; a dashboard request
    // comes from outside: this function waits for the file to start, then reads as one would.
    let started = false;
    const importing = importAndRebuild(db, [{ path: extra, name: 'more-orders.csv' }], { onFile: () => { started = true; } });
    while (!started) await new Promise((resolve) => setImmediate(resolve));
    // A failed read ends its reader's snapshot; the next read is given a reader still holding one
    // (tests/db/readers.test.ts): one failure on every reader.
    for (let i = 0; i < DEFAULT_READERS; i++) await expect(db.query('SELECT count(*) FROM no_such_table')).rejects.toThrow(/no_such_table/);
    const inside = db.query<Probe>(PROBE);
    const report = await importing;
    expect(report.files[0].error).toBeUndefined();
    const [probe] = await inside;
    expect(probe).toEqual((await db.query<Probe>(PROBE))[0]);
    expect(probe.orders).toBe(before.orders + 3);
    expect(probe.model_orders).toBe(probe.orders);
  });
});

describe('the dashboard API under 20 clients while a file imports over HTTP', () => {
  let bundle: string;
  let db: Database;
  let api: ApiServer;
  let base: string;

  beforeAll(async () => {
    bundle = mkdtempSync(join(tmpdir(), 'ltc-concurrent-http-'));
    generate({ leads: 4000, outDir: bundle, seed: 11 });
    db = await openWorkspace(join(bundle, 'ws.duckdb'));
    const first = await importAndRebuild(db, ['accounts.csv', 'leads.csv', 'opportunities.csv', 'quotes.csv', 'orders.csv']
      .map((f) => ({ path: join(bundle, f), name: f })));
    expect(first.files.every((f) => !f.error)).toBe(true);
    api = await apiServer(db);
    base = api.base;
  });

  afterAll(() => api?.stop(db));

  it('answers every request with the numbers of before or of after the import, some while it runs', async () => {
    const kpisNow = async () => (await fetch(`${base}/api/kpis`)).json();
    const before = await kpisNow();
    let done = false;
    const upload = dashboardPost(`${base}/api/import?name=invoices.csv`, readFileSync(join(bundle, 'invoices.csv')))
      .then(async (r) => ({ status: r.status, body: await r.json() })).finally(() => { done = true; });
    const answers: { status: number; body: unknown; during: boolean }[] = [];
    const client = async () => {
      while (!done) {
        const response = await fetch(`${base}/api/kpis`);
        answers.push({ status: response.status, body: await response.json(), during: !done });
      }
    };
    await Promise.all(Array.from({ length: 20 }, client));
    const imported = await upload;
    expect(imported.status).toBe(200);
    const after = await kpisNow();
    expect(after).not.toEqual(before);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.during).length).toBeGreaterThanOrEqual(20);
    for (const a of answers) expect([before, after]).toContainEqual(a.body);
  });
});
