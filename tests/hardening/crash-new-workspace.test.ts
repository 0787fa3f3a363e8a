/**
 * A crash at any moment leaves a workspace that opens, with every committed import in it — also a
 * brand-new or a just-migrated one (issue 14). Each case runs a child process that works on a
 * workspace file and kills itself with SIGKILL at a chosen moment; the next open must work and
 * find every committed row. Most cases run with LTC_TEST_NO_CHECKPOINT, so that everything since
 * the workspace was made stays in DuckDB's write-ahead log and its replay is what is tested; one
 * runs as shipped, killed between a file's commit and the end of its import.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import type { CrashPlan } from '../helpers/crash-child.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';
import { changedExport } from '../helpers/changed-export.ts';
import { differences, expectSame } from '../helpers/model-diff.ts';
import { writeBundle } from '../helpers/workspace.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('../helpers/crash-child.ts', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ltc-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leads = join(dir, 'leads.csv');
writeFileSync(leads, `lead_id,created_at,source\n${Array.from({ length: 300 }, (_, i) => `L${i},2025-01-${String(1 + (i % 28)).padStart(2, '0')},Web`).join('\n')}\n`);
const orders = join(dir, 'orders.csv');
writeFileSync(orders, `order_id,created_at,lead_id,amount\n${Array.from({ length: 100 }, (_, i) => `SO${i},2025-03-01,L${i},${100 + i}`).join('\n')}\n`);
const more = join(dir, 'more-leads.csv');
writeFileSync(more, 'lead_id,created_at,source\nM1,2025-04-01,Fair\nM2,2025-04-02,Fair\n');

let made = 0;
const newPath = () => join(dir, `ws-${++made}.duckdb`);

/** Runs the plan in a child that kills itself; returns how it ended. */
function crash(plan: CrashPlan, env: NodeJS.ProcessEnv = {}): { signal: NodeJS.Signals | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(plan)], {
    cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000,
  });
  return { signal: result.signal, stderr: result.stderr };
}

const NO_CHECKPOINT = { LTC_TEST_NO_CHECKPOINT: '1' };

async function counts(db: Database) {
  const [row] = await db.query<{ leads: number; orders: number; batches: number; undone: number; cases: number }>(`SELECT
    (SELECT count(*) FROM leads)::INTEGER AS leads, (SELECT count(*) FROM orders)::INTEGER AS orders,
    (SELECT count(*) FROM import_batches)::INTEGER AS batches, (SELECT count(undone_at) FROM import_batches)::INTEGER AS undone,
    (SELECT count(*) FROM model.cases)::INTEGER AS cases`);
  return row;
}

/** Opens the workspace the crash left, checks it, and imports one more file into it. */
async function afterCrash(path: string, check: (db: Database) => Promise<void>): Promise<void> {
  const db = await openWorkspace(path);
  try {
    // DuckDB replayed the log by itself: no recovery was needed.
    expect(db.notes).toEqual([]);
    await check(db);
    const { files } = await importAndRebuild(db, [{ path: more, name: 'more-leads.csv' }]);
    expect(files[0].error).toBeUndefined();
    expect(files[0].rows_inserted).toBe(2);
  } finally {
    db.close();
  }
}

describe('a brand-new workspace killed with SIGKILL', () => {
  it('after its first import committed, with everything still in the log, opens with the import in it', async () => {
    const path = newPath();
    expect(crash({ db: path, steps: [{ import: [leads, orders] }] }, NO_CHECKPOINT).signal).toBe('SIGKILL');
    expect(existsSync(`${path}.wal`)).toBe(true);
    await afterCrash(path, async (db) => {
      expect(await counts(db)).toEqual({ leads: 300, orders: 100, batches: 2, undone: 0, cases: 300 });
    });
  });

  it('between one file\'s commit and the next file, as shipped (checkpoints on), keeps the committed file', async () => {
    const path = newPath();
    expect(crash({ db: path, steps: [{ import: [leads, orders], killBeforeFile: 1 }] }).signal).toBe('SIGKILL');
    await afterCrash(path, async (db) => {
      // The model was never rebuilt for leads.csv: opening rebuilds it (model freshness).
      expect(await counts(db)).toEqual({ leads: 300, orders: 0, batches: 1, undone: 0, cases: 300 });
    });
  });

  it('after an undo, opens with the batch undone', async () => {
    const path = newPath();
    expect(crash({ db: path, steps: [{ import: [leads] }, { import: [orders] }, { undo: 2 }] }, NO_CHECKPOINT).signal).toBe('SIGKILL');
    await afterCrash(path, async (db) => {
      expect(await counts(db)).toEqual({ leads: 300, orders: 0, batches: 2, undone: 1, cases: 300 });
    });
  });

  it('after an import that rebuilt only the cases it touched, opens with that model, equal to a whole rebuild', async () => {
    const path = newPath();
    const sample = readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).map((f) => join(SAMPLE, f));
    const { paths: later } = writeBundle(changedExport(SAMPLE, 1));
    expect(crash({ db: path, steps: [{ import: sample }, { import: later }] }, NO_CHECKPOINT).signal).toBe('SIGKILL');
    expect(existsSync(`${path}.wal`)).toBe(true);
    await afterCrash(path, async (db) => {
      // opening found the model current: it kept the touched cases' update from the log
      expect((await db.query<{ rebuilt: string }>('SELECT rebuilt FROM model.build'))[0].rebuilt).toBe('touched');
      expectSame(await differences(db));
    });
  });

  it('after a model rebuild, opens with the model built', async () => {
    const path = newPath();
    expect(crash({ db: path, steps: [{ import: [leads, orders], materialize: false }, { materialize: true }] }, NO_CHECKPOINT).signal).toBe('SIGKILL');
    await afterCrash(path, async (db) => {
      expect(await counts(db)).toEqual({ leads: 300, orders: 100, batches: 2, undone: 0, cases: 300 });
      const [{ converted }] = await db.query<{ converted: number }>('SELECT count(order_created_at)::INTEGER AS converted FROM model.cases');
      expect(converted).toBe(100);
    });
  });
});

/** A workspace as LTC Lens made it at schema version 2: a batch and its leads, no model. */
async function oldWorkspace(): Promise<string> {
  const path = newPath();
  const db = await openWorkspace(path, { schemaVersion: 2 });
  await db.exec(`INSERT INTO import_batches (file_name, kind, checksum, rows_read, rows_loaded, rows_rejected, rows_duplicate)
    VALUES ('old-leads.csv', 'leads', 'c0ffee', 2, 2, 0, 0)`);
  await db.exec("INSERT INTO leads (lead_id, created_at, source, batch_id) VALUES ('O1', '2024-06-01', 'Web', 1), ('O2', '2024-06-02', 'Fair', 1)");
  db.close();
  return path;
}

describe('a workspace migrated from an older version and killed with SIGKILL', () => {
  it('after the upgrade and a first import, with everything in the log, opens with its old and new rows', async () => {
    const path = await oldWorkspace();
    expect(crash({ db: path, steps: [{ import: [leads] }] }, NO_CHECKPOINT).signal).toBe('SIGKILL');
    await afterCrash(path, async (db) => {
      expect(await counts(db)).toEqual({ leads: 302, orders: 0, batches: 2, undone: 0, cases: 302 });
      // The batch key's sequence goes on after the old batch.
      expect((await db.query<{ id: number }>('SELECT batch_id AS id FROM import_batches ORDER BY id')).map((r) => r.id)).toEqual([1, 2]);
    });
  });

  it('at any moment of the upgrade, opens upgraded or not yet, never broken', async () => {
    for (const delay of [0, 150, 300, 450, 600, 900]) {
      const path = await oldWorkspace();
      const killed = spawnSync('bash', ['-c', `node --import tsx -e "import('./app/workspace.ts').then(m => m.openWorkspace(process.argv[1]))" ${JSON.stringify(path)} & pid=$!; sleep ${delay / 1000}; kill -9 $pid 2>/dev/null; wait $pid`], { cwd: ROOT, encoding: 'utf8' });
      expect(killed.error).toBeUndefined();
      const db = await openWorkspace(path);
      try {
        expect(await db.query('SELECT lead_id FROM leads ORDER BY lead_id'), `killed after ${delay} ms`).toEqual([{ lead_id: 'O1' }, { lead_id: 'O2' }]);
        expect((await db.query<{ n: number }>('SELECT max(version)::INTEGER AS n FROM ltc_schema'))[0].n).toBeGreaterThanOrEqual(5);
      } finally {
        db.close();
      }
    }
  });
});

describe('a workspace whose log DuckDB cannot replay by itself', () => {
  it('is recovered on opening, the log kept aside, nothing lost', async () => {
    // What LTC Lens before this fix left: migration 3 as ALTER TABLE … ADD COLUMN on the batch
    // table (its key defaults to nextval), then a crash before any checkpoint.
    const path = await oldWorkspace();
    const script = `
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const c = await (await DuckDBInstance.create(process.argv[1])).connect();
      await c.run('ALTER TABLE import_batches ADD COLUMN adapter VARCHAR');
      await c.run("INSERT INTO leads (lead_id, created_at, source, batch_id) VALUES ('O3', '2024-06-03', 'Web', 1)");
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['--input-type=module', '-e', script, path], { cwd: ROOT });
    // Plain DuckDB cannot open it.
    await expect(DuckDBInstance.create(path)).rejects.toThrow(/replaying WAL/);

    const db = await openWorkspace(path);
    try {
      expect(db.notes.join('\n')).toMatch(/write-ahead log was replayed .* kept as .*\.wal\..*\.bak/);
      expect(readdirSync(dir).some((f) => f.startsWith(`${path.split('/').pop()}.wal.`) && f.endsWith('.bak'))).toBe(true);
      expect((await db.query('SELECT lead_id FROM leads ORDER BY lead_id')).map((r) => (r as { lead_id: string }).lead_id)).toEqual(['O1', 'O2', 'O3']);
      const { files } = await importAndRebuild(db, [{ path: more, name: 'more-leads.csv' }]);
      expect(files[0]).toMatchObject({ rows_inserted: 2, batch_id: 2 });
    } finally {
      db.close();
    }
  });
});
