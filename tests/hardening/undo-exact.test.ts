/**
 * Undo restores exactly (docs/safety.md). tests/ingest/batches.test.ts undoes one leads file over a
 * two-table workspace; here a whole bundle is loaded and checksums of every table of the main and
 * model schemas are compared after undo: files that update, insert, leave rows unchanged, collapse
 * duplicates and reject rows, over keyed tables, a composite key (order_lines) and an event log
 * (events replaced per case); undone one by one in reverse order; an OCEL log; and the undone file
 * loaded again. The undone batch stays in import_batches (with its undo time) and its rejects stay
 * in rejects: those two are compared without its rows; every other table must match exactly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TABLE_KINDS } from '../../models/db/contract.ts';
import type { Database } from '../../models/db/database.ts';
import type { FileReport } from '../../ingest/import-files.ts';
import { tableChecksums, type Checksums } from '../helpers/checksums.ts';
import { importAndRebuild, openWorkspace, undoAndRebuild } from '../../app/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-undo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let db: Database;
afterEach(() => db?.close());

const BOOKKEEPING = ['import_batches', 'rejects'];

const BUNDLE: Record<string, string> = {
  'leads.csv': `lead_id,created_at,source,status,owner,Region Code
L1,2025-01-02,Web,Open,ann,N1
L2,2025-01-03,Fair,Qualified,bob,S2
L3,2025-01-04,Web,Open,ann,N1
`,
  'opportunities.csv': `opportunity_id,created_at,lead_id,stage,is_closed,is_won,amount
OP1,2025-01-10,L2,Negotiation,false,false,1000
`,
  'orders.csv': `order_id,created_at,lead_id,opportunity_id,amount,currency
SO1,2025-02-01,L1,,500,EUR
SO2,2025-02-03,L2,OP1,1000,EUR
`,
  'order_lines.csv': `order_id,line_id,product,quantity,amount
SO1,1,Widget,2,200
SO1,2,Gadget,1,300
SO2,1,Widget,10,1000
`,
  'invoices.csv': `invoice_id,order_id,issued_at,due_at,amount
IN1,SO1,2025-02-05,2025-03-05,500
IN2,SO2,2025-02-06,2025-03-06,1000
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id
PA1,2025-03-01,500,IN1
`,
  'accounts.csv': `account_id,name,industry
A1,Acme,Retail
`,
  'events.csv': `case_id,activity,timestamp,resource
C1,call,2025-01-02 09:00:00,ann
C1,visit,2025-01-03 09:00:00,ann
C2,call,2025-01-04 09:00:00,bob
`,
};

async function load(name: string, text: string): Promise<FileReport[]> {
  const path = join(mkdtempSync(join(dir, 'f-')), name);
  writeFileSync(path, text);
  return (await importAndRebuild(db, [{ path, name }])).files;
}

interface State {
  readonly main: Checksums;
  readonly model: Checksums;
}

async function state(withoutBatches: readonly number[] = []): Promise<State> {
  return {
    main: await tableChecksums(db, { withoutBatches }),
    model: await tableChecksums(db, { schema: 'model', skip: ['build'] }),
  };
}

const omit = (checksums: Checksums, names: readonly string[]) =>
  Object.fromEntries(Object.entries(checksums).filter(([name]) => !names.includes(name)));

/**
 * Undoes `batch` and checks every table against `before`, exactly but for the bookkeeping rows of
 * the batches loaded since (`batch` and any `undoneBefore` it).
 */
async function undoExactly(batch: number, before: State, undoneBefore: readonly number[] = []): Promise<void> {
  await undoAndRebuild(db, batch);
  const plain = await state();
  expect(omit(plain.main, BOOKKEEPING), `canonical, archive and ocel tables after undoing batch ${batch}`).toEqual(omit(before.main, BOOKKEEPING));
  expect(plain.model, `model tables after undoing batch ${batch}`).toEqual(before.model);
  expect((await state([batch, ...undoneBefore])).main, `bookkeeping but the rows of batch ${batch} and later`).toEqual(before.main);
  const [row] = await db.query<{ undone: boolean }>('SELECT undone_at IS NOT NULL AS undone FROM import_batches WHERE batch_id = $1', [batch]);
  expect(row.undone).toBe(true);
}

/** Every row of every canonical table and archive, without the batch columns (a reload has a new batch id). */
async function rowsButBatch(): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const kind of TABLE_KINDS) {
    rows[kind] = await db.query(`SELECT * EXCLUDE (batch_id) FROM ${kind} ORDER BY ALL`);
    rows[`${kind}_replaced`] = await db.query(`SELECT * EXCLUDE (batch_id, replaced_by) FROM ${kind}_replaced ORDER BY ALL`);
  }
  return rows;
}

async function bundle(): Promise<State> {
  db = await openWorkspace(':memory:');
  const dirOfBundle = mkdtempSync(join(dir, 'bundle-'));
  const sources = Object.entries(BUNDLE).map(([name, text]) => {
    writeFileSync(join(dirOfBundle, name), text);
    return { path: join(dirOfBundle, name), name };
  });
  const { files } = await importAndRebuild(db, sources);
  expect(files.map((f) => [f.path, f.error ?? 'ok'])).toEqual(sources.map((s) => [s.name, 'ok']));
  return state();
}

describe('undo restores every table exactly', () => {
  it('after a file that updates, inserts, leaves unchanged, collapses duplicates and rejects rows', async () => {
    const before = await bundle();
    // SO1 changed (amount, and an attribute column is new), SO2 unchanged, SO3 new, SO3 again (duplicate), SO4 rejected.
    const [second] = await load('orders-march.csv', `order_id,created_at,lead_id,opportunity_id,amount,currency
SO1,2025-02-01,L1,,550,EUR
SO2,2025-02-03,L2,OP1,1000,EUR
SO3,2025-03-02,L3,,70,USD
SO3,2025-03-02,L3,,70,USD
SO4,not a date,L3,,80,USD
`);
    expect(second).toMatchObject({ rows_inserted: 1, rows_updated: 1, rows_unchanged: 1, rows_duplicate: 1, rows_rejected: 1 });
    const changed = await state();
    expect(changed.main.orders).not.toEqual(before.main.orders);
    expect(changed.model).not.toEqual(before.model);
    await undoExactly(second.batch_id!, before);
  });

  it('for a composite key (order_lines) and an event log replaced per case', async () => {
    const before = await bundle();
    const [lines] = await load('order-lines-2.csv', `order_id,line_id,product,quantity,amount
SO1,1,Widget,3,300
SO1,3,Gizmo,1,50
SO2,1,Widget,10,1000
`);
    expect(lines).toMatchObject({ rows_inserted: 1, rows_updated: 1, rows_unchanged: 1 });
    const afterLines = await state();
    // C1's events are replaced as a whole (new event_index), C3 is new.
    const [events] = await load('events-2.csv', `case_id,activity,timestamp,resource
C1,call,2025-01-02 09:00:00,ann
C1,visit,2025-01-03 09:00:00,carl
C1,order,2025-01-05 09:00:00,carl
C3,call,2025-01-06 09:00:00,bob
`);
    expect(events.error).toBeUndefined();
    await undoExactly(events.batch_id!, afterLines);
    await undoExactly(lines.batch_id!, before, [events.batch_id!]);
  });

  it('for batches stacked on one another, undone newest first, and an OCEL log', async () => {
    const before = await bundle();
    const [b2] = await load('leads-2.csv', 'lead_id,created_at,source,status,owner\nL1,2025-01-02,Web,Qualified,ann\nL4,2025-01-08,Web,Open,dan\n');
    const after2 = await state();
    const [b3] = await load('leads-3.csv', 'lead_id,created_at,source,status,owner\nL1,2025-01-02,Web,Converted,ann\nL4,2025-01-08,Fair,Open,dan\nL5,2025-01-09,Web,Open,eve\n');
    const after3 = await state();
    const [ocel] = await load('log.jsonocel', JSON.stringify({
      objectTypes: [{ name: 'order', attributes: [] }], eventTypes: [{ name: 'place', attributes: [] }],
      objects: [{ id: 'o1', type: 'order' }],
      events: [{ id: 'e1', type: 'place', time: '2024-01-01T00:00:00Z', relationships: [{ objectId: 'o1', qualifier: 'q' }] }],
    }));
    expect([b2.error, b3.error, ocel.error]).toEqual([undefined, undefined, undefined]);
    await expect(undoAndRebuild(db, b2.batch_id!)).rejects.toThrow(`undo batch ${b3.batch_id} first`);
    await undoExactly(ocel.batch_id!, after3);
    await undoExactly(b3.batch_id!, after2, [ocel.batch_id!]);
    await undoExactly(b2.batch_id!, before, [b3.batch_id!, ocel.batch_id!]);
  });

  it('and the undone file, loaded again, gives the rows it gave the first time', async () => {
    await bundle();
    const text = 'invoice_id,order_id,issued_at,due_at,amount\nIN1,SO1,2025-02-05,2025-03-05,450\nIN3,SO2,2025-03-06,2025-04-06,20\n';
    const [first] = await load('invoices-2.csv', text);
    const loaded = { rows: await rowsButBatch(), model: (await state()).model };
    await undoAndRebuild(db, first.batch_id!);
    const [again] = await load('invoices-2.csv', text);
    expect(again.already_imported_as).toBeUndefined();
    expect(again).toMatchObject({ rows_inserted: 1, rows_updated: 1 });
    expect(again.batch_id).not.toBe(first.batch_id);
    expect(await rowsButBatch()).toEqual(loaded.rows);
    expect((await state()).model).toEqual(loaded.model);
  });
});
