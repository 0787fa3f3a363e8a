/**
 * The reader keeps its prepared statements (models/db/prepared.ts): the same statement asked with
 * other parameters answers for those parameters, and after an import has rebuilt the model the
 * statements read the new tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { kpis } from '../../models/measures.ts';
import { workspace, writeBundle } from '../helpers/workspace.ts';
import { importAndRebuild } from '../../app/workspace.ts';

const CASES_FROM = 'SELECT count(*)::INTEGER AS n FROM model.cases WHERE lead_created_at >= $from::TIMESTAMP';

describe('prepared statements of the reader', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await workspace({ 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\nL2,2025-02-01\nL3,2025-03-01\n' }));
  });
  afterAll(() => db?.close());

  it('answers each call with its own parameters', async () => {
    const counts = [];
    for (const from of ['2024-12-01', '2025-01-15', '2025-02-15', '2025-04-01', '2025-01-15']) {
      counts.push((await db.reading(() => db.query<{ n: number }>(CASES_FROM, { from })))[0].n);
    }
    expect(counts).toEqual([3, 2, 1, 0, 2]);
  });

  it('reads the rebuilt model after an import', async () => {
    const before = await kpis(db, { from: '2025-01-01', to: '2025-06-30', windowDays: 30, asOf: '2025-12-31' });
    expect((await db.query<{ n: number }>(CASES_FROM, { from: '2025-01-15' }))[0].n).toBe(2);
    const { paths } = writeBundle({
      'leads-2.csv': 'lead_id,created_at\nL4,2025-04-01\nL5,2025-04-02\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-04-05,L4,10\n',
    });
    await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
    expect((await db.query<{ n: number }>(CASES_FROM, { from: '2025-01-15' }))[0].n).toBe(4);
    const after = await kpis(db, { from: '2025-01-01', to: '2025-06-30', windowDays: 30, asOf: '2025-12-31' });
    const conversion = (r: typeof before) => r.kpis.find((k) => k.id === 'lead_conversion_rate')!;
    expect([conversion(before).count, conversion(after).count]).toEqual([0, 1]);
  });
});
