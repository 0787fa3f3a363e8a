import { afterEach, describe, expect, it } from 'vitest';
import { TABLE_KINDS } from '../../models/db/contract.ts';
import type { Database } from '../../models/db/database.ts';
import { kpis } from '../../models/measures.ts';
import { listBatches } from '../../ingest/batches.ts';
import { validateMapping } from '../../ingest/mapping-file.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { importAndRebuild, openWorkspace, undoAndRebuild } from '../../app/workspace.ts';

let db: Database;
afterEach(() => db?.close());

/** Every row of every canonical table, in a stable order: the state undo must restore exactly. */
async function tables(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const kind of TABLE_KINDS) out[kind] = await db.query(`SELECT * FROM ${kind} ORDER BY ALL`);
  return JSON.stringify(out);
}

async function load(name: string, text: string, options = {}) {
  const { paths } = writeBundle({ [name]: text });
  return (await importAndRebuild(db, [{ path: paths[0], name }], options)).files[0];
}

describe('re-imports and undo', () => {
  it('counts new, updated and unchanged rows, and undo restores the earlier state exactly', async () => {
    db = await openWorkspace(':memory:');
    const first = await load('leads.csv', 'lead_id,created_at,status\nL1,2025-01-01,Open\nL2,2025-01-02,Open\n');
    await load('orders.csv', 'order_id,created_at,lead_id\nSO1,2025-01-05,L2\n');
    const before = await tables();
    const beforeKpis = await kpis(db);

    const second = await load('leads-2.csv', 'lead_id,created_at,status\nL1,2025-01-01,Open\nL2,2025-01-02,Converted\nL3,2025-01-03,Open\n');
    expect(second).toMatchObject({ rows_inserted: 1, rows_updated: 1, rows_unchanged: 1 });
    expect(await tables()).not.toBe(before);

    await expect(undoAndRebuild(db, first.batch_id!)).rejects.toThrow(`undo batch ${second.batch_id} first`);
    const undone = await undoAndRebuild(db, second.batch_id!);
    expect(undone).toEqual({ batch_id: second.batch_id, rows_removed: 2, rows_restored: 1 });
    expect(await tables()).toBe(before);
    expect(await kpis(db)).toEqual(beforeKpis);
    await expect(undoAndRebuild(db, second.batch_id!)).rejects.toThrow(/already undone/);

    const batches = await listBatches(db);
    expect(batches.map((b) => [b.file_name, b.kind, b.undone_at !== null])).toEqual([
      ['leads.csv', 'leads', false], ['orders.csv', 'orders', false], ['leads-2.csv', 'leads', true]]);

    // The undone file can be imported again: its checksum no longer counts as seen.
    const again = await load('leads-2.csv', 'lead_id,created_at,status\nL1,2025-01-01,Open\nL2,2025-01-02,Converted\nL3,2025-01-03,Open\n');
    expect(again).toMatchObject({ rows_inserted: 1, rows_updated: 1, rows_unchanged: 1 });
  });
});

describe('explicit mapping (--map)', () => {
  it('overrides detection: columns, day-first dates, decimal comma and time zone', async () => {
    db = await openWorkspace(':memory:');
    const mapping = validateMapping({
      kind: 'orders', fields: { order_id: 'Belegnummer', created_at: 'Datum', amount: 'Betrag' },
      date_order: 'DMY', decimal: ',', timezone: 'Europe/Berlin',
    }, 'test');
    const report = await load('export.csv', 'Belegnummer;Datum;Betrag;Kunde\n4711;01/02/2025 10:00;1.234,50;Müller\n4712;3/2/2025 10:00;99,00;Meier\n', { mapping });
    expect(report).toMatchObject({ adapter: 'mapping', kind: 'orders', rows_loaded: 2, rows_rejected: 0 });
    const rows = await db.query(`SELECT order_id, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at, amount, attributes->>'Kunde' AS kunde FROM orders ORDER BY 1`);
    expect(rows).toEqual([
      { order_id: '4711', created_at: '2025-02-01 09:00', amount: 1234.5, kunde: 'Müller' },
      { order_id: '4712', created_at: '2025-02-03 09:00', amount: 99, kunde: 'Meier' },
    ]);
  });

  it('a complete mapping leaves unnamed fields unmapped, even where a column has their name', async () => {
    db = await openWorkspace(':memory:');
    const text = 'Kennung,created_at,source\nL1,2025-01-02,Web\n';
    const partial = await load('a.csv', text, { mapping: validateMapping({ kind: 'leads', fields: { lead_id: 'Kennung' } }, 't') });
    expect(partial.mapping).toMatchObject({ lead_id: 'Kennung', created_at: 'created_at', source: 'source' });
    const complete = await load('b.csv', text.replace('Web', 'Fair'), {
      mapping: validateMapping({ kind: 'leads', fields: { lead_id: 'Kennung', created_at: 'created_at' }, complete: true }, 't'),
    });
    expect(complete.mapping).toEqual({ lead_id: 'Kennung', created_at: 'created_at' });
    expect(await db.query(`SELECT source, attributes->>'source' AS kept FROM leads`)).toEqual([{ source: null, kept: 'Fair' }]);
  });

  it('refuses a mapping that names a column the file lacks, or a field the table lacks', async () => {
    db = await openWorkspace(':memory:');
    const report = await load('x.csv', 'a,b\n1,2\n', { mapping: validateMapping({ kind: 'leads', fields: { lead_id: 'Lead', created_at: 'b' } }, 't') });
    expect(report.error).toMatch(/^x\.csv:1: the mapping names column "Lead" for lead_id/);
    expect(() => validateMapping({ kind: 'leads', fields: { colour: 'x' } }, 'm.json')).toThrow(/"colour" is not a field of leads/);
    expect(() => validateMapping({ kind: 'nothing' }, 'm.json')).toThrow(/"kind" must be one of/);
  });
});
