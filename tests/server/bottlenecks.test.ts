import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import { bottleneckCases, bottlenecks } from '../../models/bottlenecks.ts';
import type { Database } from '../../models/db/database.ts';
import { transitions } from '../../models/transitions.ts';
import { workspace } from '../helpers/workspace.ts';

// LA: lead 01-01 → order 01-11 → delivered 01-13 → invoiced 01-13 → paid 03-14 (60 days of collection);
// LB: 01-01 → 01-05 → 01-07 → 01-08 → paid 01-18; LC: 01-01 → 01-21 → 01-22 → 01-22, unpaid.
const bundle = {
  'leads.csv': 'lead_id,created_at,region\nLA,2025-01-01,East\nLB,2025-01-01,East\nLC,2025-01-01,West\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSOA,2025-01-11,LA,100\nSOB,2025-01-05,LB,100\nSOC,2025-01-21,LC,100\n',
  'deliveries.csv': 'delivery_id,order_id,delivered_at\nDA,SOA,2025-01-13\nDB,SOB,2025-01-07\nDC,SOC,2025-01-22\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nIA,SOA,2025-01-13,100\nIB,SOB,2025-01-08,100\nIC,SOC,2025-01-22,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id\nPA,2025-03-14,100,IA\nPB,2025-01-18,100,IB\n',
};

describe('bottlenecks API', () => {
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ db } = await workspace(bundle));
    server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')) });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => { db.close(); resolve(); })));

  const get = async (path: string) => (await fetch(`${base}${path}`)).json();
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

  it('answers with exactly the models’ results for the same filters', async () => {
    expect(await get('/api/bottlenecks')).toEqual(plain(await bottlenecks(db)));
    expect(await get('/api/bottlenecks?region=West&as_of=2025-02-01')).toEqual(
      plain(await bottlenecks(db, { segments: { region: 'West' }, asOf: '2025-02-01' })));
    expect(await get('/api/transitions?from=2025-01-10')).toEqual(plain(await transitions(db, { from: '2025-01-10' })));
    const body = await get('/api/bottlenecks');
    // Three cases: every transition is thin, none is named.
    expect(body).toMatchObject({ bottleneck: null, thin_only: true });
  });

  it('drills down to the slow cases', async () => {
    const api = await get(`/api/bottlenecks/cases?transition=${encodeURIComponent('invoiced→paid')}&limit=2`);
    expect(api).toEqual(plain(await bottleneckCases(db, 'invoiced→paid', { limit: 2 })));
    // LA took 60 days; LC has waited since 01-22: 51 days at data_end 03-14.
    expect(api.cases.map((c: { case_id: string }) => c.case_id)).toEqual(['LA', 'LC']);
    expect((await get('/api/bottlenecks/cases?transition=invoiced->paid')).total).toBe(3);
  });

  it('says 400 for a missing or bad transition or limit', async () => {
    for (const query of ['', 'transition=paid->invoiced', 'transition=invoiced->paid&limit=-1', 'transition=invoiced->paid&limit=5000']) {
      const res = await fetch(`${base}/api/bottlenecks/cases?${query}`);
      expect(res.status, query).toBe(400);
      expect(typeof (await res.json()).error).toBe('string');
    }
    expect((await fetch(`${base}/api/bottlenecks?from=someday`)).status).toBe(400);
  });
});
