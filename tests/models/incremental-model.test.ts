/**
 * The incremental model (models/model-update.ts): after an import, an undo, or a process killed between
 * an import's commit and its rebuild, rebuilding only the touched cases leaves every model table with
 * exactly the rows a whole rebuild makes — on the sample data and later exports that move records
 * between cases, break and mend links and split a payment over two cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAndRebuild, openWorkspace, undoAndRebuild } from '../../app/workspace.ts';
import { refreshModel } from '../../models/materialize.ts';
import type { Database } from '../../models/db/database.ts';
import { changedExport } from '../helpers/changed-export.ts';
import { differences, expectSame } from '../helpers/model-diff.ts';
import { sampleWorkspace, writeBundle } from '../helpers/workspace.ts';

const SAMPLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));

async function importExport(db: Database, round: number, options: { materialize?: boolean } = {}): Promise<number[]> {
  const { paths } = writeBundle(changedExport(SAMPLE, round));
  const { files } = await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })), options);
  const failed = files.filter((f) => f.error);
  if (failed.length) throw new Error(failed.map((f) => `${f.path}: ${f.error}`).join('\n'));
  expect(files.reduce((n, f) => n + f.rows_loaded, 0)).toBeGreaterThan(50);
  return files.map((f) => f.batch_id).filter((b): b is number => b !== null && b !== undefined);
}

async function rebuiltBy(db: Database): Promise<string> {
  return (await db.query<{ rebuilt: string }>('SELECT rebuilt FROM model.build'))[0].rebuilt;
}

describe('the incremental model on the sample data', () => {
  let db: Database;
  let batches: number[];
  beforeAll(async () => {
    db = await sampleWorkspace();
  });
  afterAll(() => db?.close());

  it('after an import of a later export equals a whole rebuild, row for row', async () => {
    batches = await importExport(db, 1);
    expect(await rebuiltBy(db)).toBe('touched');
    expectSame(await differences(db));
  });

  it('after more exports on top of it', async () => {
    for (const round of [2, 3, 4]) {
      await importExport(db, round);
      expect(await rebuiltBy(db)).toBe('touched');
      expectSame(await differences(db));
    }
  });

  it('after undoing batches, last first, down to the first export', async () => {
    // a batch can be undone only while no later batch replaced its rows: undo from the newest
    const undoable = await db.query<{ batch_id: number }>(
      'SELECT batch_id FROM import_batches WHERE batch_id >= $1 ORDER BY batch_id DESC', [Math.min(...batches)]);
    expect(undoable.length).toBeGreaterThan(20);
    for (const { batch_id } of undoable.slice(0, 12)) {
      await undoAndRebuild(db, Number(batch_id));
      expect(await rebuiltBy(db)).toBe('touched');
      expectSame(await differences(db));
    }
  });

  it('after a process killed between the import and its rebuild (the rebuild on the next open)', async () => {
    await importExport(db, 5, { materialize: false });
    expect(await refreshModel(db)).toBe('touched');
    expectSame(await differences(db));
  });
});

describe('the whole model instead', () => {
  it('when an import touches most cases (every lead has a new owner)', async () => {
    const db = await sampleWorkspace();
    try {
      const leads = readFileSync(join(SAMPLE, 'leads.csv'), 'utf8').split('\n');
      const owner = leads[0].split(',').indexOf('owner');
      const renamed = leads.map((line, i) => (i === 0 || line === '' ? line : line.split(',').map((v, c) => (c === owner ? `${v} II` : v)).join(',')));
      const { paths } = writeBundle({ 'leads.csv': renamed.join('\n') });
      await importAndRebuild(db, [{ path: paths[0], name: 'leads.csv' }]);
      expect(await rebuiltBy(db)).toBe('whole');
      const [{ renamedOwners }] = await db.query<{ renamedOwners: number }>("SELECT count(*)::INTEGER AS \"renamedOwners\" FROM model.cases WHERE owner LIKE '% II'");
      expect(renamedOwners).toBeGreaterThan(1500);
    } finally {
      db.close();
    }
  });

  it('when the first invoices are loaded (orders are then paid through them, in every case)', async () => {
    const db = await openWorkspace(':memory:');
    try {
      const files = ['leads.csv', 'opportunities.csv', 'orders.csv', 'payments.csv'];
      await importAndRebuild(db, files.map((name) => ({ path: join(SAMPLE, name), name })));
      await importAndRebuild(db, [{ path: join(SAMPLE, 'invoices.csv'), name: 'invoices.csv' }]);
      expect(await rebuiltBy(db)).toBe('whole');
      expectSame(await differences(db));
    } finally {
      db.close();
    }
  });
});

