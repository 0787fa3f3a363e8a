/**
 * Issue 9 "Concurrency" load test: the dashboard server on a generated workspace answers 20
 * concurrent clients (loopback only, each asking the dashboard's endpoints one after another),
 * first on an idle workspace, then while invoices and payments are imported over HTTP. Latency
 * p50 / p95 per phase, requests answered, errors. Reads during the import see the workspace as it
 * was (Database.writing); tests/hardening/concurrent-reads.test.ts checks that, not this file.
 */
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';
import { generate } from '../../sample-data/generator/index.ts';
import { dashboardPost } from '../helpers/api-server.ts';
import { machineLine, quantile, seconds, timed } from './measure.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const CLIENTS = 20;
const ENDPOINTS = ['/api/kpis', '/api/funnel', '/api/compare?cutover=2025-01-01', '/api/bottlenecks', '/api/cases?limit=50', '/api/trends'];
const LATER = ['invoices.csv', 'payments.csv'];

interface Phase { latencies: number[]; errors: number; ms: number }

/**
 * 20 clients asking the endpoints in turn until `until` says stop. `distinct`: every request with
 * a date range of its own (so no two ask the same and the server's answer cache cannot help);
 * otherwise all look at the same view, as a team opening the dashboard does.
 */
async function clients(base: string, until: () => boolean, distinct: boolean): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  let asked = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    for (let i = c; !until(); i++) {
      const endpoint = ENDPOINTS[i % ENDPOINTS.length];
      const range = distinct ? `${endpoint.includes('?') ? '&' : '?'}from=${new Date(Date.UTC(2024, 0, 1) + asked++ * 86_400_000).toISOString().slice(0, 10)}` : '';
      const [status, ms] = await timed(async () => {
        const response = await fetch(base + endpoint + range);
        await response.arrayBuffer();
        return response.status;
      });
      latencies.push(ms);
      if (status !== 200) errors++;
    }
  }));
  return { latencies, errors, ms: performance.now() - start };
}

export async function concurrencyWorkload(leads: number): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'ltc-bench-concurrency-'));
  let server: Server | undefined;
  let db: Database | undefined;
  try {
    const bundle = join(scratch, 'bundle');
    process.stderr.write(`concurrency: generating ${leads.toLocaleString('en')} leads…\n`);
    generate({ leads, outDir: bundle });
    db = await openWorkspace(join(scratch, 'ws.duckdb'));
    const first = ['accounts.csv', 'leads.csv', 'opportunities.csv', 'quotes.csv', 'orders.csv', 'deliveries.csv'];
    await importAndRebuild(db, first.map((f) => ({ path: join(bundle, f), name: f })));
    server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(scratch, 'web-')) });
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    process.stderr.write('concurrency: 20 clients, idle workspace…\n');
    let asked = 0;
    const sameView = await clients(base, () => asked++ >= CLIENTS * 30, false);
    asked = 0;
    const idle = await clients(base, () => asked++ >= CLIENTS * 10, true);
    process.stderr.write('concurrency: 20 clients while invoices and payments import…\n');
    let importing = true;
    let importStatus: number[] = [];
    const load = (async () => {
      for (const f of LATER) {
        const response = await dashboardPost(`${base}/api/import?name=${f}`, readFileSync(join(bundle, f)));
        await response.arrayBuffer();
        importStatus = [...importStatus, response.status];
      }
    })().finally(() => { importing = false; });
    const [during] = await Promise.all([clients(base, () => !importing, true), load]);
    if (importStatus.some((s) => s !== 200)) throw new Error(`the import during the load test failed: ${importStatus.join(', ')}`);

    const row = (name: string, p: Phase) =>
      `| ${name} | ${p.latencies.length.toLocaleString('en')} in ${seconds(p.ms)} s | ${quantile(p.latencies, 0.5).toFixed(0)} / ${quantile(p.latencies, 0.95).toFixed(0)} / ${Math.max(...p.latencies).toFixed(0)} ms | ${p.errors} |`;
    const table = [
      '| phase | requests answered | p50 / p95 / max | errors |',
      '|---|---|---|---|',
      row('idle workspace, everyone on the same view (answers kept per data generation)', sameView),
      row('idle workspace, every request its own date range (nothing kept helps)', idle),
      row(`during the import of ${LATER.join(' and ')} (POST /api/import), every request its own date range`, during),
    ].join('\n');
    return [
      `## Concurrency — ${new Date().toISOString().slice(0, 10)}`, '',
      `Machine: ${await machineLine()}.`, '',
      `${CLIENTS} clients on loopback against \`ltc serve\`'s server on ${leads.toLocaleString('en')} generated leads, each asking in turn: ${ENDPOINTS.map((e) => `\`${e}\``).join(', ')}.`,
      'Reads during the import see the workspace as it was until the import and its model rebuild are done (tests/hardening/concurrent-reads.test.ts).', '',
      table, '',
    ].join('\n');
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await db?.idle();
    db?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
