/**
 * The workspace's loaded tables as Parquet (`ltc export-parquet`), for engines beyond this machine:
 * one folder a table, Hive-style partitions (`leads/year=2025/data_0.parquet`) by the year — or year
 * and month — of the table's main date, which is its first timestamp column (`created_at`,
 * `delivered_at`, `issued_at`, `paid_at`, an event's `timestamp`). Tables without one, and every
 * table with `partition: 'none'`, are one file. Exported: every table of the data contract (docs/data-contract.md)
 * and of the OCEL logs, all columns as stored (extra source columns in `attributes`, `batch_id`);
 * not the import bookkeeping, nor the case model (it is rebuilt from these).
 *
 * All tables are read on one snapshot of the workspace and written to `OUT.partial`, which is
 * renamed to OUT at the end: a failed export leaves nothing, and never touches a folder that holds
 * something already.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { TABLE_KINDS } from '../db/contract.ts';
import type { Database } from '../db/database.ts';
import { quoteIdent } from '../db/quote.ts';
import { OCEL_TABLES } from '../db/schema.ts';
import { UsageError } from '../analysis/errors.ts';
import { sayAll } from '../messages/catalogue.ts';
import { EXPORT_ERRORS } from '../messages/workspace-errors.ts';

export const PARQUET_PARTITIONS = ['year', 'month', 'none'] as const;
export type ParquetPartition = (typeof PARQUET_PARTITIONS)[number];

/** The tables an export holds, in this order: the loaded data, and the links a reviewer accepted or rejected. */
export const PARQUET_TABLES: readonly string[] = [...TABLE_KINDS, ...OCEL_TABLES, 'record_links'];

/** The Hive partition columns of each choice, computed from the main date. */
const PARTITION_KEYS: Record<ParquetPartition, readonly ('year' | 'month')[]> = {
  year: ['year'],
  month: ['year', 'month'],
  none: [],
};

export interface ParquetTable {
  readonly table: string;
  /** the column whose year (and month) name the partitions; null when the table is one file */
  readonly partitioned_on: string | null;
  /** Hive partition columns: [], ['year'] or ['year', 'month'] */
  readonly partition_by: readonly string[];
  readonly rows: number;
  /** written files, relative to the export folder, with forward slashes */
  readonly files: readonly string[];
  readonly bytes: number;
}

export interface ParquetExport {
  readonly out: string;
  readonly partition: ParquetPartition;
  readonly tables: readonly ParquetTable[];
  readonly rows: number;
  readonly files: number;
  readonly bytes: number;
}

export function parquetPartition(value: string | null | undefined): ParquetPartition {
  if (value === undefined || value === null) return 'year';
  if (!(PARQUET_PARTITIONS as readonly string[]).includes(value)) {
    throw new UsageError(sayAll(EXPORT_ERRORS, 'partition', { choices: PARQUET_PARTITIONS.join(', '), value }));
  }
  return value as ParquetPartition;
}

/** Writes every table to the folder `out`, which must not exist or be empty. */
export async function exportParquet(db: Database, out: string, options: { partition?: ParquetPartition } = {}): Promise<ParquetExport> {
  const partition = options.partition ?? 'year';
  // resolve(): "lake/" must give "lake.partial", not "lake/.partial" inside the target.
  const target = resolve(out);
  const partial = `${target}.partial`;
  refuseTarget(out, target, partial);
  // DuckDB writes only inside the workspace's scratch folder (models/db/instance.ts): the files are
  // written there, then moved beside the target, then renamed into place.
  const staging = mkdtempSync(join(db.scratch, 'parquet-'));
  try {
    const tables = await db.reading(async () => {
      const dates = partition === 'none' ? new Map<string, string>() : await mainDates(db);
      const written: ParquetTable[] = [];
      for (const table of PARQUET_TABLES) written.push(await writeTable(db, staging, table, dates.get(table) ?? null, partition));
      return written;
    });
    moveFolder(staging, partial);
    if (existsSync(target)) rmdirSync(target); // empty (refuseTarget); fails rather than overwrites if that changed
    renameSync(partial, target);
    return {
      out, partition, tables,
      rows: tables.reduce((sum, t) => sum + t.rows, 0),
      files: tables.reduce((sum, t) => sum + t.files.length, 0),
      bytes: tables.reduce((sum, t) => sum + t.bytes, 0),
    };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A rename where `from` and `to` share a file system, else a copy (then `from` is removed by the caller). */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
  }
}

function refuseTarget(out: string, target: string, partial: string): void {
  if (!existsSync(dirname(target))) throw new UsageError(sayAll(EXPORT_ERRORS, 'outFolderMissing', { folder: dirname(target) }));
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new UsageError(sayAll(EXPORT_ERRORS, 'outIsFile', { out }));
    if (readdirSync(target).length > 0) throw new UsageError(sayAll(EXPORT_ERRORS, 'outNotEmpty', { out }));
  }
  if (existsSync(partial)) throw new UsageError(sayAll(EXPORT_ERRORS, 'partialLeft', { partial }));
}

/** Each exported table's first timestamp column, as the database holds it. */
async function mainDates(db: Database): Promise<Map<string, string>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(`
    SELECT table_name, arg_min(column_name, ordinal_position) AS column_name
    FROM information_schema.columns
    WHERE table_catalog = current_database() AND table_schema = 'main' AND data_type = 'TIMESTAMP'
    GROUP BY table_name`);
  return new Map(rows.filter((r) => PARQUET_TABLES.includes(r.table_name)).map((r) => [r.table_name, r.column_name]));
}

interface CopyResult { Count: string | number; Files: string[] }

async function writeTable(db: Database, dir: string, table: string, date: string | null, partition: ParquetPartition): Promise<ParquetTable> {
  const keys = PARTITION_KEYS[partition];
  const folder = join(dir, table);
  if (date && keys.length > 0) {
    // Paths are bound parameters: file names never become SQL text.
    const [written] = await db.query<CopyResult>(`
      COPY (SELECT *, ${keys.map((key) => `${key}(${quoteIdent(date)}) AS ${key}`).join(', ')} FROM ${quoteIdent(table)})
      TO $1 (FORMAT parquet, PARTITION_BY (${keys.join(', ')}), RETURN_FILES true)`, [folder]);
    if (Number(written.Count) > 0) return described(dir, table, date, keys, written);
    // No rows, no partitions: the table is one empty file below, so that its columns travel.
  }
  mkdirSync(folder, { recursive: true });
  const [written] = await db.query<CopyResult>(`COPY ${quoteIdent(table)} TO $1 (FORMAT parquet, RETURN_FILES true)`, [join(folder, 'data_0.parquet')]);
  return described(dir, table, null, [], written);
}

function described(dir: string, table: string, date: string | null, keys: readonly string[], written: CopyResult): ParquetTable {
  const files = [...written.Files].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    table, partitioned_on: date, partition_by: keys, rows: Number(written.Count),
    files: files.map((f) => relative(dir, f).split(sep).join('/')),
    bytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
  };
}
