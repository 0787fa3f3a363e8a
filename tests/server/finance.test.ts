import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';
import { ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { openWorkspace } from '../../app/workspace.ts';

const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-05,Web\nL2,2025-01-20,Fair\nL3,2025-03-01,Web\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-15,L1,100\nSO2,2025-02-01,L2,200\nSO9,2025-02-03,,50\n',
  'deliveries.csv': 'delivery_id,order_id,delivered_at\nD1,SO1,2025-01-18\nD2,SO2,2025-02-04\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,due_at,amount\nI1,SO1,2025-01-20,2025-02-19,100\nI2,SO2,2025-02-05,,200\nI9,SO9,2025-02-06,2025-02-20,50\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id,order_id\nP1,2025-02-10,100,I1,\nP2,2025-03-01,120,,SO2\n',
});

/** The same question, as CLI arguments and as the dashboard's query string. */
const CASES: { cli: string[]; api: string }[] = [
  { cli: ['trends'], api: '/api/trends' },
  { cli: ['trends', '--by', 'quarter', '--where', 'source=Web', '--window-days', '30'], api: '/api/trends?by=quarter&source=Web&window=30' },
  { cli: ['trends', '--from', '2025-01-10', '--to', '2025-02-20', '--as-of', '2025-02-25'], api: '/api/trends?from=2025-01-10&to=2025-02-20&as_of=2025-02-25' },
  { cli: ['dso'], api: '/api/dso' },
  { cli: ['dso', '--as-of', '2025-02-15', '--where', 'source=Fair'], api: '/api/dso?as_of=2025-02-15&source=Fair' },
  { cli: ['aging'], api: '/api/aging' },
  { cli: ['aging', '--as-of', '2025-02-25'], api: '/api/aging?as_of=2025-02-25' },
];

describe('finance API equals the CLI', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ltc-finance-api-')), 'ws.duckdb');
  const expected = new Map<string, unknown>();
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ltcJson(['ingest', '--db', path, ...bundle.paths]);
    for (const c of CASES) expected.set(c.api, ltcJson([c.cli[0], '--db', path, ...c.cli.slice(1)]));
    db = await openWorkspace(path);
    server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')) });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => { db.close(); resolve(); })));

  it.each(CASES.map((c) => [c.api, c]))('%s', async (_, c) => {
    const res = await fetch(`${base}${c.api}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expected.get(c.api));
  });

  it('answers what the numbers are, not only that they match', async () => {
    // As of 2025-02-25: open I2 200 (no due date: 02-05 + 30 → current) and I9 50 (due 02-20 → 5 days late).
    const aging = await (await fetch(`${base}/api/aging?as_of=2025-02-25`)).json();
    expect(aging.total).toEqual({ count: 2, open_amount: 250 });
    expect(aging.no_due_date).toBe(1);
    expect(aging.buckets.map((b: { id: string; count: number }) => [b.id, b.count])).toEqual([
      ['current', 1], ['1-30', 1], ['31-60', 0], ['61-90', 0], ['90+', 0]]);
  });

  it('says 400 for a bad granularity or date', async () => {
    const bad = await fetch(`${base}/api/trends?by=week`);
    expect(bad.status).toBe(400);
    // The query key as the URL writes it (the command line says --by): one parser, one text.
    expect((await bad.json()).error).toBe('by must be month or quarter, not "week"');
    expect((await fetch(`${base}/api/dso?from=yesterday`)).status).toBe(400);
  });
});
