/**
 * The workspace's DuckDB memory: a default limit (models/db/memory.ts), LTC_MEMORY_LIMIT over it, a
 * limit that is not a size refused in words before anything opens, spilling beside the workspace
 * (and what a killed process left there removed on the next open), and no statement able to lift
 * the limit, and a file that needs more than the limit refused in words. Settings read back from
 * DuckDB; nothing here is timed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../models/db/database.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';
import { ModelOutOfMemory } from '../../models/materialize.ts';
import { DEFAULT_MEMORY_LIMIT, MemoryLimitInvalid, memoryLimit } from '../../models/db/memory.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-memory-'));
const given = process.env.LTC_MEMORY_LIMIT;
afterEach(() => {
  if (given === undefined) delete process.env.LTC_MEMORY_LIMIT;
  else process.env.LTC_MEMORY_LIMIT = given;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** DuckDB's reading of a size ("572.2 MiB") in bytes. */
function bytes(setting: string): number {
  const [, n, unit] = /^([\d.]+)\s*(\w+)$/.exec(setting)!;
  return Number(n) * 1024 ** ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'].indexOf(unit);
}

/** DuckDB shows a limit rounded to one decimal of its unit ("1.8 GiB"). */
function expectNear(actual: number, expected: number) {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(0.05);
}

async function settings(path: string) {
  const db = await openDatabase(path);
  try {
    const [row] = await db.query<{ limit: string; spill: string }>(
      "SELECT current_setting('memory_limit') AS \"limit\", current_setting('temp_directory') AS spill");
    return { limit: bytes(row.limit), spill: row.spill, db };
  } catch (error) {
    db.close();
    throw error;
  }
}

describe('the memory limit of a workspace', () => {
  it('is the documented default, and spills into <workspace>.tmp', async () => {
    delete process.env.LTC_MEMORY_LIMIT;
    const path = join(dir, 'default.duckdb');
    const { limit, spill, db } = await settings(path);
    db.close();
    expect(DEFAULT_MEMORY_LIMIT).toBe('1GB');
    expectNear(limit, 1e9);
    expect(spill).toBe(`${path}.tmp`);
  });

  it('is what LTC_MEMORY_LIMIT says, a size or a number of megabytes', async () => {
    process.env.LTC_MEMORY_LIMIT = '2GB';
    const first = await settings(join(dir, 'two.duckdb'));
    first.db.close();
    expectNear(first.limit, 2e9);
    process.env.LTC_MEMORY_LIMIT = '2500';
    const second = await settings(':memory:');
    second.db.close();
    expectNear(second.limit, 2500e6);
  });

  it('refuses a limit that is not a size, in one line, before opening anything', async () => {
    process.env.LTC_MEMORY_LIMIT = 'lots';
    const path = join(dir, 'refused.duckdb');
    await expect(openDatabase(path)).rejects.toThrow(MemoryLimitInvalid);
    await expect(openDatabase(path)).rejects.toThrow('LTC_MEMORY_LIMIT="lots" is not a size');
    expect(existsSync(path)).toBe(false);
    expect(() => memoryLimit({ LTC_MEMORY_LIMIT: '-1GB' })).toThrow(MemoryLimitInvalid);
    expect(memoryLimit({ LTC_MEMORY_LIMIT: ' 512 MiB ' })).toBe('512MiB');
  });

  it('cannot be lifted by a statement (a notebook query, say)', async () => {
    delete process.env.LTC_MEMORY_LIMIT;
    const { db } = await settings(':memory:');
    try {
      await expect(db.exec("SET GLOBAL memory_limit = '20GB'")).rejects.toThrow();
      expectNear(bytes((await db.query<{ l: string }>("SELECT current_setting('memory_limit') AS l"))[0].l), 1e9);
    } finally {
      db.close();
    }
  });

  it('spills a sort larger than the limit to disk instead of failing, and removes what a killed process left', async () => {
    process.env.LTC_MEMORY_LIMIT = '64MB';
    const path = join(dir, 'spill.duckdb');
    mkdirSync(`${path}.tmp`);
    const leftover = join(`${path}.tmp`, 'duckdb_temp_storage_S32K-0.tmp');
    writeFileSync(leftover, 'left by a process killed while spilling');
    writeFileSync(join(`${path}.tmp`, 'notes.txt'), 'not DuckDB\'s');
    const db = await openDatabase(path);
    try {
      expect(existsSync(leftover)).toBe(false);
      expect(existsSync(join(`${path}.tmp`, 'notes.txt'))).toBe(true);
      // ≈ 250 MB of rows to order under a 64 MB limit.
      const [row] = await db.query<{ n: number; first: number }>(
        "SELECT count(*)::INTEGER AS n, min(x)::INTEGER AS first FROM (SELECT x FROM (SELECT (i * 7919 % 3000000)::INTEGER AS x, repeat('·', 40) AS pad FROM range(3000000) t(i)) ORDER BY pad, x)");
      expect(row).toEqual({ n: 3_000_000, first: 0 });
    } finally {
      db.close();
    }
  });

  it('refuses a file that needs more than the limit in words that say to raise LTC_MEMORY_LIMIT, and keeps nothing of it', async () => {
    process.env.LTC_MEMORY_LIMIT = '40MB';
    const csv = join(dir, 'wide-leads.csv');
    const note = 'x'.repeat(200);
    writeFileSync(csv, `lead_id,created_at,source,owner,notes\n${Array.from({ length: 40_000 }, (_, i) =>
      `L${i},2025-01-${String(1 + (i % 28)).padStart(2, '0')},Web${i % 7},O${i % 13},${note}${i}`).join('\n')}\n`);
    const db = await openWorkspace(':memory:');
    try {
      const { files } = await importAndRebuild(db, [{ path: csv, name: 'wide-leads.csv' }]);
      expect(files[0].rows_loaded).toBe(0);
      expect(files[0].error).toMatch(/^wide-leads\.csv: DuckDB needed more memory than it may use \(40MB\).*LTC_MEMORY_LIMIT.*\(Out of Memory Error/);
      expect(files[0].error_zh).toContain('LTC_MEMORY_LIMIT');
      expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM leads'))[0].n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('says to raise LTC_MEMORY_LIMIT when the case model does not fit, and keeps the imported file', async () => {
    process.env.LTC_MEMORY_LIMIT = '40MB';
    const csv = join(dir, 'many-leads.csv');
    writeFileSync(csv, `lead_id,created_at,source,owner,notes\n${Array.from({ length: 120_000 }, (_, i) =>
      `L${i},2025-01-${String(1 + (i % 28)).padStart(2, '0')},Web${i % 7},O${i % 13},${'x'.repeat(200)}${i}`).join('\n')}\n`);
    const db = await openWorkspace(':memory:');
    try {
      const refused = await importAndRebuild(db, [{ path: csv, name: 'many-leads.csv' }]).then(() => null, (error: unknown) => error);
      expect(refused).toBeInstanceOf(ModelOutOfMemory);
      expect((refused as ModelOutOfMemory).message).toMatch(/^the case model needs more memory than DuckDB may use \(40MB\)\. Set LTC_MEMORY_LIMIT/);
      expect((await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM leads'))[0].n).toBe(120_000);
    } finally {
      db.close();
    }
  });
});
