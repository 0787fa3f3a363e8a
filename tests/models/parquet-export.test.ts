import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { exportParquet, type ParquetExport } from '../../models/export/parquet.ts';
import { UsageError } from '../../models/analysis/errors.ts';
import { generate } from '../../sample-data/generator/index.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

/** The date each dated table is partitioned on (docs/data-contract.md: the moment a row stands for). */
const DATED: Record<string, string> = {
  leads: 'created_at', opportunities: 'created_at', quotes: 'created_at', orders: 'created_at',
  deliveries: 'delivered_at', invoices: 'issued_at', payments: 'paid_at', events: 'timestamp', ocel_events: 'timestamp',
};

/** Besides the generated CRM tables: an event log over two years, a pipeline's stages and a small OCEL log. */
const EXTRA = {
  'events.csv': 'case_id,activity,timestamp\nC1,Register,2024-12-30 10:00:00\nC1,"Check, ""twice""",2025-01-03 09:00:00\nC2,Register,2025-02-01 08:00:00\n',
  'stages.csv': 'pipeline,stage_id,label,position,is_closed,is_won\nsales,s1,Qualify,1,false,false\nsales,s2,Won,2,true,true\n',
  'tiny.jsonocel': JSON.stringify({
    objectTypes: [{ name: 'order', attributes: [] }],
    eventTypes: [{ name: 'place order', attributes: [] }],
    objects: [
      { id: 'o1', type: 'order', attributes: [], relationships: [{ objectId: 'o2', qualifier: 'follows' }] },
      { id: 'o2', type: 'order', attributes: [] },
    ],
    events: [
      { id: 'e1', type: 'place order', time: '2024-12-31T23:30:00Z', attributes: [], relationships: [{ objectId: 'o1', qualifier: 'placed' }] },
      { id: 'e2', type: 'place order', time: '2025-01-02T10:00:00+08:00', attributes: [], relationships: [{ objectId: 'o2', qualifier: 'placed' }] },
    ],
  }),
};

let db: Database;
/** A DuckDB of its own reads the files back: the workspace's may touch no file outside its scratch folder. */
let lake: DuckDBConnection;
let scratch: string;
let extraDir: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'ltc-parquet-'));
  const bundle = join(scratch, 'bundle');
  generate({ leads: 400, outDir: bundle, seed: 8 });
  const extra = writeBundle(EXTRA);
  extraDir = extra.dir;
  const sources = [
    ...readdirSync(bundle).map((name) => ({ path: join(bundle, name), name })),
    ...extra.paths.map((path) => ({ path, name: path.split('/').pop()! })),
  ];
  db = await openWorkspace(':memory:');
  lake = await (await DuckDBInstance.create(':memory:')).connect();
  await lake.run("SET TimeZone = 'UTC'");
  const { files } = await importAndRebuild(db, sources);
  const failed = files.filter((f) => f.error || f.rows_rejected > 0);
  if (failed.length) throw new Error(JSON.stringify(failed));
});

afterAll(() => {
  db?.close();
  for (const dir of [scratch, extraDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The tables holding loaded data: everything in the main schema but the import bookkeeping. */
async function dataTables(): Promise<string[]> {
  const rows = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables
    WHERE table_catalog = current_database() AND table_schema = 'main' AND table_type = 'BASE TABLE'
      AND table_name NOT LIKE '%\\_replaced' ESCAPE '\\' AND table_name NOT IN ('import_batches', 'rejects', 'skipped_rows', 'ltc_schema')
    ORDER BY table_name`);
  return rows.map((r) => r.name);
}

/** Rows of `sql` as JSON-safe objects: from the Parquet files when it reads them, else from the workspace. */
async function rowsOf(sql: string, params: string[] = []): Promise<Record<string, unknown>[]> {
  if (!sql.includes('read_parquet')) return db.query(sql, params);
  return (await lake.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
}
const count = async (sql: string, params: string[] = []) => Number((await rowsOf(`SELECT count(*)::INTEGER AS n FROM (${sql})`, params))[0].n);
const files = (out: string, table: string) => `${out}/${table}/**/*.parquet`;
const readBack = (hive: boolean) => `SELECT * ${hive ? 'EXCLUDE (year)' : ''} FROM read_parquet($1, hive_partitioning = ${hive})`;

/** Rows of `a` not matched by a row of `b`, duplicates counted. */
function minus(a: readonly Record<string, unknown>[], b: readonly Record<string, unknown>[]): number {
  const left = new Map<string, number>();
  for (const row of b) left.set(JSON.stringify(row), (left.get(JSON.stringify(row)) ?? 0) + 1);
  let missing = 0;
  for (const row of a) {
    const key = JSON.stringify(row);
    const n = left.get(key) ?? 0;
    if (n === 0) missing++;
    else left.set(key, n - 1);
  }
  return missing;
}

/** Rows of the table and of its Parquet files, each side minus the other (duplicates counted). */
async function differences(table: string, out: string, hive: boolean) {
  const inDatabase = await rowsOf(`SELECT * FROM ${table}`);
  const inParquet = await rowsOf(readBack(hive), [files(out, table)]);
  return {
    rows: inDatabase.length,
    read: inParquet.length,
    onlyInDatabase: minus(inDatabase, inParquet),
    onlyInParquet: minus(inParquet, inDatabase),
  };
}

describe('Parquet export of the loaded tables', () => {
  let out: string;
  let result: ParquetExport;
  beforeAll(async () => {
    // A folder name that would break a quoted SQL string.
    out = join(scratch, `it's a "lake"`);
    result = await exportParquet(db, out);
  });

  it('writes every table that holds loaded data, row for row', async () => {
    const tables = await dataTables();
    expect(result.tables.map((t) => t.table).sort()).toEqual(tables);
    for (const table of tables) {
      const diff = await differences(table, out, table in DATED);
      expect(diff, table).toEqual({ rows: diff.rows, read: diff.rows, onlyInDatabase: 0, onlyInParquet: 0 });
      expect(result.tables.find((t) => t.table === table)?.rows, table).toBe(diff.rows);
    }
    // Not vacuous: every table this workspace loaded came back with its rows.
    for (const table of [...Object.keys(DATED), 'accounts', 'stages', 'ocel_objects', 'ocel_event_objects', 'ocel_object_objects']) {
      expect(await count(`FROM ${table}`), table).toBeGreaterThan(0);
    }
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('partitions each dated table by the year of its date, Hive-style', async () => {
    for (const [table, date] of Object.entries(DATED)) {
      const years = (await db.query<{ y: number }>(`SELECT DISTINCT year(${date})::INTEGER AS y FROM ${table} ORDER BY y`)).map((r) => r.y);
      expect(readdirSync(join(out, table)).sort(), table).toEqual(years.map((y) => `year=${y}`));
      const misplaced = await count(`SELECT * FROM read_parquet($1, hive_partitioning = true) WHERE year(${date}) <> year`, [files(out, table)]);
      expect(misplaced, table).toBe(0);
      const written = result.tables.find((t) => t.table === table)!;
      expect(written.partitioned_on).toBe(date);
      expect(new Set(written.files.map((f) => f.split('/')[1]))).toEqual(new Set(years.map((y) => `year=${y}`)));
    }
    expect(readdirSync(join(out, 'leads')).length).toBeGreaterThan(1);
    for (const table of ['accounts', 'stages', 'ocel_objects']) {
      expect(readdirSync(join(out, table)), table).toEqual(['data_0.parquet']);
    }
  });

  it('keeps the columns and types of an empty table in one file without rows', async () => {
    expect(await count('FROM payment_lines')).toBe(0);
    expect(await count('SELECT * FROM read_parquet($1)', [files(out, 'payment_lines')])).toBe(0);
    const columns = async (sql: string, params: string[] = []) =>
      (await rowsOf(`DESCRIBE ${sql}`, params)).map((c) => `${c.column_name} ${c.column_type}`);
    expect(await columns('SELECT * FROM read_parquet($1)', [files(out, 'payment_lines')])).toEqual(await columns('SELECT * FROM payment_lines'));
  });

  it('partitions by year and month, or not at all', async () => {
    const monthly = join(scratch, 'monthly');
    await exportParquet(db, monthly, { partition: 'month' });
    const months = await count('SELECT DISTINCT year(issued_at), month(issued_at) FROM invoices');
    const folders = readdirSync(join(monthly, 'invoices')).flatMap((y) => readdirSync(join(monthly, 'invoices', y)).map((m) => `${y}/${m}`));
    expect(folders.length).toBe(months);
    expect(folders.every((f) => /^year=\d{4}\/month=\d{1,2}$/.test(f))).toBe(true);
    expect(await count('SELECT * FROM read_parquet($1, hive_partitioning = true) WHERE year(issued_at) <> year OR month(issued_at) <> month',
      [files(monthly, 'invoices')])).toBe(0);
    expect(await count('FROM read_parquet($1, hive_partitioning = true)', [files(monthly, 'invoices')])).toBe(await count('FROM invoices'));

    const whole = join(scratch, 'whole');
    const flat = await exportParquet(db, whole, { partition: 'none' });
    for (const t of flat.tables) expect(t.files, t.table).toEqual([`${t.table}/data_0.parquet`]);
    expect(await differences('leads', whole, false)).toMatchObject({ onlyInDatabase: 0, onlyInParquet: 0 });
  });

  it('writes into an existing empty folder', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const written = await exportParquet(db, `${empty}/`);
    expect(readdirSync(empty).sort()).toEqual(written.tables.map((t) => t.table).sort());
    expect(existsSync(`${empty}.partial`)).toBe(false);
  });

  it('refuses a folder that holds something, and writes nothing', async () => {
    const used = join(scratch, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'keep.txt'), 'mine');
    const refused = exportParquet(db, used);
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(/not empty/);
    expect(readdirSync(used)).toEqual(['keep.txt']);
    expect(existsSync(`${used}.partial`)).toBe(false);
  });

  it('leaves nothing behind when a table cannot be written', async () => {
    const broken = await openWorkspace(':memory:');
    try {
      await broken.exec("INSERT INTO leads (lead_id, created_at) VALUES ('L1', '2025-03-01')");
      // The last tables fail after the first ones were written.
      await broken.exec('DROP TABLE ocel_object_objects');
      const target = join(scratch, 'failed');
      await expect(exportParquet(broken, target)).rejects.toThrow(/ocel_object_objects/);
      expect(existsSync(target)).toBe(false);
      expect(existsSync(`${target}.partial`)).toBe(false);
    } finally {
      broken.close();
    }
  });
});
