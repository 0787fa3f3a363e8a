import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

let db: Database;
afterEach(() => db?.close());

/**
 * Canonical rows are stored in the order of the file: a clean file is inserted as it was scanned,
 * without a sort by record, so this checks the scan keeps that order over several of DuckDB's row
 * groups (122,880 rows each) and vectors read by both threads.
 */
describe('file order of a large import', () => {
  it('stores the records of a 300,000-row file in the order of its lines', async () => {
    const n = 300_000;
    const lines = ['lead_id,created_at,source,position'];
    // ids and dates out of their sorted order, so only the file order can explain the stored one
    for (let i = 0; i < n; i++) {
      const id = (i * 7919) % n;
      lines.push(`L${id},2024-0${1 + (id % 9)}-1${id % 10} 10:00:00,${['Web', 'Fair', 'Partner'][id % 3]},${i}`);
    }
    const { paths } = writeBundle({ 'leads.csv': `${lines.join('\n')}\n` });
    db = await openWorkspace(':memory:');
    const { files } = await importAndRebuild(db, [{ path: paths[0], name: 'leads.csv' }], { materialize: false });
    expect(files[0]).toMatchObject({ kind: 'leads', rows_loaded: n, rows_rejected: 0 });
    const [order] = await db.query<{ rows: number; out_of_place: number }>(`
      SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE stored <> (attributes->>'position')::INTEGER)::INTEGER AS out_of_place
      FROM (SELECT attributes, row_number() OVER (ORDER BY rowid) - 1 AS stored FROM leads)`);
    expect(order).toEqual({ rows: n, out_of_place: 0 });
  }, 120_000);
});
