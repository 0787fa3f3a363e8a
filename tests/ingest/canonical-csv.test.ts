import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

let db: Database;
afterEach(() => db?.close());

async function importTexts(bundle: Record<string, string>, kind?: 'leads' | 'orders') {
  const { paths } = writeBundle(bundle);
  return importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })), { kind });
}

async function fresh() {
  db = await openWorkspace(':memory:');
}

/** Every row of every canonical and bookkeeping table, for "unchanged" checks. */
async function snapshot(d: Database) {
  const tables = ['leads', 'orders', 'payments', 'import_batches', 'rejects'];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = await d.query(`SELECT * FROM ${t} ORDER BY ALL`);
  return JSON.stringify(out);
}

describe('canonical CSV import', () => {
  it('detects the kind from the header and maps English variants', async () => {
    await fresh();
    const { files } = await importTexts({
      'export-1.csv': 'Order ID,Order Date,Lead ID,Amount,Sales Channel\nSO1,2025-01-03,L1,100.5,Web\n',
      'export-2.csv': 'Lead ID,Created Date,Lead Source\nL1,2025-01-01 09:30,Fair\n',
    });
    expect(files.map((f) => f.kind)).toEqual(['orders', 'leads']);
    expect(files[0].mapping).toMatchObject({ order_id: 'Order ID', created_at: 'Order Date', lead_id: 'Lead ID', amount: 'Amount' });
    const [order] = await db.query(`SELECT order_id, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at, amount, attributes->>'Sales Channel' AS channel FROM orders`);
    expect(order).toEqual({ order_id: 'SO1', created_at: '2025-01-03 00:00', amount: 100.5, channel: 'Web' });
    const [lead] = await db.query(`SELECT strftime(created_at, '%Y-%m-%d %H:%M') AS created_at, source FROM leads`);
    expect(lead).toEqual({ created_at: '2025-01-01 09:30', source: 'Fair' });
  });

  it('rejects rows whose values do not parse, naming line, column and reason, and loads the rest', async () => {
    await fresh();
    const { files } = await importTexts({
      'orders.csv': [
        'order_id,created_at,amount,lead_id',
        'SO1,2025-01-03,100,L1',
        'SO2,"2025-01-04",abc,L2', // line 3: bad amount
        'SO3,"2025-01',          // line 4–5: a quoted newline makes the date invalid
        '05",10,L3',
        'SO4,2025-02-30,10,L4',  // line 6: no such day
        ',2025-01-05,10,L5',     // line 7: missing id
        'SO6,2025-01-06,10,L6,extra', // line 8: too many columns
        'SO7,2025-01-07,7,L7',
        '',
      ].join('\n'),
    });
    const f = files[0];
    expect(f).toMatchObject({ kind: 'orders', rows_read: 7, rows_loaded: 2, rows_rejected: 5 });
    expect(f.rejects.map((r) => r.line)).toEqual([3, 4, 6, 7, 8]);
    expect(f.rejects.slice(0, 4).map((r) => r.column)).toEqual(['amount', 'created_at', 'created_at', 'order_id']);
    expect(f.rejects[0].reason).toMatch(/"abc" is not a number/);
    expect(f.rejects[2].reason).toMatch(/"2025-02-30" is not an ISO date/);
    expect(f.rejects[3].reason).toMatch(/order_id is missing/);
    expect(f.rejects[4].reason).toMatch(/too many columns/);
    const stored = await db.query(`SELECT file_name, line::INTEGER AS line, "column", reason FROM rejects ORDER BY line`);
    expect(stored).toHaveLength(5);
    expect(stored[0]).toMatchObject({ file_name: 'orders.csv', line: 3, column: 'amount' });
    expect((await db.query('SELECT order_id FROM orders ORDER BY 1')).map((r) => r.order_id)).toEqual(['SO1', 'SO7']);
  });
});

describe('duplicates and re-imports', () => {
  it('collapses exact duplicate rows and rejects a conflicting row with the same id', async () => {
    await fresh();
    const { files } = await importTexts({
      'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\nL1,2025-01-01,Web\nL2,2025-01-09,Fair\n',
    });
    expect(files[0]).toMatchObject({ rows_read: 4, rows_loaded: 2, rows_duplicate: 1, rows_rejected: 1 });
    expect(files[0].rejects[0]).toMatchObject({ line: 5, column: 'lead_id' });
    expect(files[0].rejects[0].reason).toMatch(/duplicate lead_id L2/);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM leads');
    expect(n).toBe(2);
  });

  it('does not load the same file twice, and a newer export replaces rows by id', async () => {
    await fresh();
    const { dir, paths } = writeBundle({ 'leads.csv': 'lead_id,created_at,status\nL1,2025-01-01,Open\nL2,2025-01-02,Open\n' });
    const first = await importAndRebuild(db, [{ path: paths[0], name: 'leads.csv' }]);
    const again = await importAndRebuild(db, [{ path: paths[0], name: 'leads.csv' }]);
    expect(again.files[0]).toMatchObject({ rows_loaded: 0, already_imported_as: first.files[0].batch_id });
    const newer = join(dir, 'leads-newer.csv');
    writeFileSync(newer, 'lead_id,created_at,status\nL2,2025-01-02,Converted\nL3,2025-01-03,Open\n');
    const update = await importAndRebuild(db, [{ path: newer, name: 'leads-newer.csv' }]);
    expect(update.files[0]).toMatchObject({ rows_loaded: 2, rows_inserted: 1, rows_updated: 1, rows_unchanged: 0 });
    const rows = await db.query('SELECT lead_id, status FROM leads ORDER BY lead_id');
    expect(rows).toEqual([
      { lead_id: 'L1', status: 'Open' }, { lead_id: 'L2', status: 'Converted' }, { lead_id: 'L3', status: 'Open' },
    ]);
  });
});

describe('a bad file leaves the database as it was', () => {
  it('refuses a file whose table cannot be told, naming the file and line 1', async () => {
    await fresh();
    await importTexts({ 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n' });
    const before = await snapshot(db);
    const { files } = await importTexts({ 'mystery.csv': 'foo,bar\n1,2\n' });
    expect(files[0].error).toMatch(/^mystery\.csv:1: cannot tell which table/);
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a file missing a required column when the kind is given', async () => {
    await fresh();
    const { files } = await importTexts({ 'orders.csv': 'order_id,amount\nSO1,10\n' }, 'orders');
    expect(files[0].error).toMatch(/orders\.csv:1: the orders table needs created_at/);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM import_batches');
    expect(n).toBe(0);
  });

  it('rolls back everything of a file that fails midway', async () => {
    await fresh();
    await importTexts({ 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n' });
    const before = await snapshot(db);
    // The last step of the load (the batch bookkeeping) fails after the rows were inserted.
    const { paths } = writeBundle({ 'orders.csv': 'order_id,created_at\nSO1,2025-01-02\n' });
    const failing: Database = {
      path: db.path,
      scratch: db.scratch,
      notes: db.notes,
      shutdown: () => db.idle(),
      get generation() { return db.generation; },
      exec: async (sql, params) => {
        if (sql.startsWith('UPDATE import_batches')) throw new Error('disk full (simulated)');
        return db.exec(sql, params);
      },
      query: db.query.bind(db), transaction: db.transaction.bind(db), writing: db.writing.bind(db), reading: db.reading.bind(db), arrow: db.arrow.bind(db), idle: db.idle.bind(db), close: () => undefined,
    };
    const { files } = await importAndRebuild(failing, [{ path: paths[0], name: 'orders.csv' }]);
    expect(files[0].error).toMatch(/disk full/);
    expect(await snapshot(db)).toBe(before);
  });
});
