import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { funnel } from '../../models/funnel.ts';
import { kpis } from '../../models/measures.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => db?.close());

const bundle = {
  'accounts.csv': 'account_id,name,region,segment\nA1,Acme,East,SMB\nA2,Bolt,West,Enterprise\n',
  'leads.csv': "lead_id,created_at,source,owner,account_id\nL1,2025-01-01,Web,Ann,A1\nL2,2025-01-02,Fair,Bob,A2\nL3,2025-01-03,Web,Bob,A2\n",
  'orders.csv': 'order_id,created_at,lead_id,account_id,amount\nSO1,2025-01-11,L1,A1,100\nSO2,2025-01-22,L2,A2,100\nSO9,2025-01-05,,A1,100\n',
  'deliveries.csv': 'delivery_id,order_id,delivered_at\nD1,SO1,2025-01-13\nD2,SO2,2025-01-30\nD9,SO9,2025-01-06\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-13,100\nI2,SO2,2025-01-30,100\nI9,SO9,2025-01-06,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id\nP1,2025-01-20,100,I1\nP2,2025-04-30,100,I2\nP9,2025-01-07,100,I9\n',
};

describe('segment filters', () => {
  it('keep only the cases of the segment in every measure and the funnel', async () => {
    ({ db } = await workspace(bundle));
    const web = Object.fromEntries((await kpis(db, { segments: { source: 'Web' } })).kpis.map((k) => [k.id, k]));
    expect(web.lead_conversion_rate).toMatchObject({ n: 2, count: 1 });
    expect(web.order_processing_days).toMatchObject({ n: 1, mean: 2 });
    expect(web.collection_days).toMatchObject({ n: 1, mean: 7 });
    // Region comes from the account; the direct order SO9 (account A1) is an East case of its own.
    const east = Object.fromEntries((await kpis(db, { segments: { region: 'East' } })).kpis.map((k) => [k.id, k]));
    expect(east.order_processing_days).toMatchObject({ n: 2, mean: 1.5 });
    expect(east.lead_conversion_rate).toMatchObject({ n: 1, count: 1 });
    const bob = await funnel(db, { segments: { owner: 'Bob' } });
    expect(bob.stages.map((s) => [s.id, s.count])).toEqual([
      ['lead_created', 2], ['order_created', 1], ['delivered', 1], ['invoiced', 1], ['paid', 1]]);
  });

  it('filter on any extra column the data carries', async () => {
    ({ db } = await workspace({
      ...bundle,
      'leads.csv': 'lead_id,created_at,source,Sales Channel\nL1,2025-01-01,Web,Partner\nL2,2025-01-02,Fair,Direct\nL3,2025-01-03,Web,Partner\n',
    }));
    const partner = (await kpis(db, { segments: { attributes: { 'Sales Channel': 'Partner' } } })).kpis[0];
    expect(partner).toMatchObject({ id: 'lead_conversion_rate', n: 2, count: 1 });
    const both = (await kpis(db, { segments: { source: 'Web', attributes: { 'Sales Channel': 'Direct' } } })).kpis[0];
    expect(both).toMatchObject({ n: 0, count: 0 });
  });

  it('treat filter values as data, never as SQL', async () => {
    ({ db } = await workspace(bundle));
    const result = await kpis(db, { segments: { source: "Web' OR '1'='1" } });
    expect(result.kpis[0]).toMatchObject({ n: 0, count: 0 });
    const odd = await kpis(db, { segments: { attributes: { "x') OR true --": '"}' } } });
    expect(odd.kpis[0]).toMatchObject({ n: 0, count: 0 });
    expect((await db.query('SELECT count(*)::INTEGER AS n FROM leads'))[0].n).toBe(3);
  });
});
