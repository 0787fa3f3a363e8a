import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';
import { filterOptions } from '../../models/filters.ts';
import { funnelCohorts, type FunnelCohorts } from '../../models/funnel-cohorts.ts';
import { dashboardPost } from '../helpers/api-server.ts';
import { workspace } from '../helpers/workspace.ts';

// As of 2025-07-01 with W = 30 days (observable: created up to 2025-06-01):
//   L1 2025-03-31 Web  Partner  SO1 04-10 (10 days), invoiced 04-12, paid 05-20 (50 days: too late)
//   L2 2025-04-01 Fair Direct   SO2 06-15 (75 days: too late)
//   L3 2025-06-20 Web  Partner  censored; SO3 06-25
//   SO9 an order without a lead (own case)
const bundle = {
  'leads.csv': 'lead_id,created_at,source,Channel\nL1,2025-03-31,Web,Partner\nL2,2025-04-01,Fair,Direct\nL3,2025-06-20,Web,Partner\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-04-10,L1,100\nSO2,2025-06-15,L2,100\nSO3,2025-06-25,L3,100\nSO9,2025-05-01,,100\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-04-12,100\nI9,SO9,2025-05-02,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id\nP1,2025-05-20,100,I1\nP9,2025-05-03,100,I9\n',
};

describe('funnel cohorts and filter options API', () => {
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

  it('answers /api/funnel/cohorts with exactly the model’s result', async () => {
    const { status, body } = await get('/api/funnel/cohorts?by=quarter&as_of=2025-07-01&window=30&by_segment=source');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(await funnelCohorts(db, {
      by: 'quarter', asOf: '2025-07-01', windowDays: 30, bySegment: 'source', segments: { attributes: {} },
    }))));
    const result = body as FunnelCohorts;
    // Q1 = L1 (order and invoice within 30 days, paid too late); Q2 = L2 (ordered too late) and L3 (censored).
    expect(result.cohorts.map((c) => [c.cohort, c.leads, c.censored, c.stages.map((s) => s.count)])).toEqual([
      ['2025-Q1', 1, 0, [1, 1, 1, 0]], ['2025-Q2', 2, 1, [1, 0, 0, 0]]]);
    expect(result.segments!.map((s) => [s.value, s.total.leads])).toEqual([['Web', 2], ['Fair', 1]]);
  });

  it('takes the global filters from the query string; `segment` stays the segment filter', async () => {
    const { body } = await get('/api/funnel/cohorts?as_of=2025-07-01&window=30&attr.Channel=Partner');
    expect([body.total.leads, body.total.observable, body.total.stages.map((s: { count: number }) => s.count)]).toEqual([2, 1, [1, 1, 1, 0]]);
    const { body: none } = await get('/api/funnel/cohorts?as_of=2025-07-01&window=30&segment=source');
    expect([none.by_segment, none.segments, none.total.leads]).toEqual([null, null, 0]);
  });

  it('answers /api/filters with the filter options', async () => {
    const { status, body } = await get('/api/filters');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(await filterOptions(db))));
    expect(body.fields[0]).toEqual({
      key: 'source', distinct_values: 2, missing: 1, truncated: false, values: [{ value: 'Web', cases: 2 }, { value: 'Fair', cases: 1 }],
    });
    expect(body.attributes.map((a: { key: string }) => a.key)).toEqual(['Channel']);
  });

  it('says 400 for a bad grain or segment and 405 for other methods', async () => {
    const grain = await get('/api/funnel/cohorts?by=week');
    expect([grain.status, grain.body.error]).toEqual([400, 'by must be month or quarter, not "week"']);
    const segment = await get('/api/funnel/cohorts?by_segment=Colour');
    expect(segment.status).toBe(400);
    expect(segment.body.error).toMatch(/must be one of "source", "owner", "region", "segment", "Channel"/);
    expect((await dashboardPost(`${base}/api/filters`)).status).toBe(405);
    expect((await dashboardPost(`${base}/api/funnel/cohorts`)).status).toBe(405);
  });
});
