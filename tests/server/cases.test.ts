import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import { caseTimeline } from '../../models/case-timeline.ts';
import { listCases } from '../../models/cases.ts';
import type { Database } from '../../models/db/database.ts';
import { linkQuality } from '../../models/links.ts';
import { workspace } from '../helpers/workspace.ts';

// L1: two orders, the first paid 01-31; SO9: an order of its own, unpaid; data_end 01-31.
const bundle = {
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-10,L1,100\nSO2,2025-01-20,L1,50\nSO9,2025-01-05,,70\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-12,100\nI9,SO9,2025-01-06,70\n',
  'payments.csv': 'payment_id,paid_at,amount,order_id\nP1,2025-01-31,100,SO1\n',
};

describe('cases API', () => {
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

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`);
    return { status: res.status, body: await res.json() };
  };

  it('answers link quality with the model’s result, filters included', async () => {
    const all = await get('/api/links');
    expect(all.status).toBe(200);
    expect(all.body).toEqual(JSON.parse(JSON.stringify(await linkQuality(db))));
    // SO1, SO2 traced through L1's lead_id; SO9 traced to nothing.
    expect(all.body.orders).toMatchObject({ total: 3, traced_to_lead: 2, untraced: 1 });
    const web = await get('/api/links?source=Web&from=2025-01-01&to=2025-01-31');
    expect(web.body).toEqual(JSON.parse(JSON.stringify(await linkQuality(db, { from: '2025-01-01', to: '2025-01-31', segments: { source: 'Web' } }))));
    expect(web.body.orders).toMatchObject({ total: 2, traced_to_lead_share: 1 });
  });

  it('lists the cases as JSON with the model’s result', async () => {
    const res = await get('/api/cases?sort=slowest&limit=2&search=&source=');
    expect(res.body).toEqual(JSON.parse(JSON.stringify(await listCases(db, { limit: 2 }))));
    // L2 open 01-02 → 01-31 = 29 d, L1 paid in 30 d, order:SO9 open 26 d.
    expect(res.body).toMatchObject({ total: 3, limit: 2, cases: [{ case_id: 'L1', days: 30 }, { case_id: 'L2', days: 29 }] });
    const found = await get(`/api/cases?search=${encodeURIComponent('SO9')}`);
    expect(found.body.cases.map((c: { case_id: string }) => c.case_id)).toEqual(['order:SO9']);
    expect((await get('/api/cases?status=open&milestone=invoiced')).body.cases).toMatchObject([{ case_id: 'order:SO9', waiting_days: 25 }]);
  });

  it('sends a large page as Arrow IPC with typed columns and the total', async () => {
    const res = await fetch(`${base}/api/cases.arrow?sort=newest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    expect(table.schema.metadata.get('total')).toBe('3');
    expect(table.schema.metadata.get('sort')).toBe('newest');
    const rows = table.toArray().map((r) => r.toJSON());
    expect(rows.map((r) => [r.case_id, r.order_ids, r.status, r.open])).toEqual([
      ['order:SO9', 'SO9', 'open', true], ['L2', '', 'open', true], ['L1', 'SO1,SO2', 'paid', false]]);
    expect(rows[2].start_at).toBe(Date.UTC(2025, 0, 1));
    expect(rows[2].paid_at).toBe(Date.UTC(2025, 0, 31));
    expect(rows[2].lead_to_cash_days).toBe(30);
    expect(String(table.schema.fields.find((f) => f.name === 'lost_at')!.type)).toMatch(/^Timestamp/);
  });

  it('answers one case’s timeline, and 404 for an unknown one', async () => {
    const res = await get('/api/case?id=L1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(await caseTimeline(db, 'L1'))));
    expect(res.body.objects.map((o: { lane: string }) => o.lane)).toEqual([
      'lead L1', 'order SO1', 'order SO2', 'invoice I1', 'payment P1']);
    const unknown = await get(`/api/case?id=${encodeURIComponent('L404')}`);
    expect(unknown).toEqual({ status: 404, body: {
      error: 'no case "L404": it is not a case, order or opportunity id in this database',
      error_zh: '没有案例 "L404"：它不是此数据库中的案例、订单或商机 ID',
    } });
    expect((await get('/api/case')).status).toBe(400);
  });

  it('says 400 for bad parameters', async () => {
    const bad = await get('/api/cases?sort=fastest');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/sort must be one of slowest, newest, waiting/);
    expect((await get('/api/cases?limit=100000')).status).toBe(400);
    expect((await get('/api/links?from=yesterday')).status).toBe(400);
  });
});
