/**
 * Imports export files into the workspace: each file in its own transaction (all or nothing), a
 * file seen before (same checksum) is not loaded twice, rejects are kept with their reasons, and the
 * case model is rebuilt once at the end.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { TableKind } from '../models/db/contract.ts';
import { firstLine, type Database } from '../models/db/database.ts';
import { isMaterialized, materialize } from '../models/materialize.ts';
import { loadCanonicalCsv } from './canonical-csv.ts';
import { ImportError, type Reject } from './errors.ts';

export interface ImportSource {
  /** where the bytes are on disk */
  readonly path: string;
  /** the name the user knows the file by (reports and errors use it) */
  readonly name: string;
}

export interface FileReport {
  readonly path: string;
  readonly kind: TableKind | null;
  readonly preset: string | null;
  readonly encoding: string | null;
  readonly rows_read: number;
  readonly rows_loaded: number;
  readonly rows_rejected: number;
  readonly rows_duplicate: number;
  readonly rows_replaced: number;
  readonly batch_id: number | null;
  /** set when the same file (by checksum) was imported before: nothing was loaded again */
  readonly already_imported_as?: number;
  readonly mapping?: Readonly<Record<string, string>>;
  readonly confidence?: number;
  readonly rejects: Reject[];
  /** set when the file failed as a whole; nothing of it was loaded */
  readonly error?: string;
}

export interface ImportOptions {
  readonly kind?: TableKind;
  /** called as each file starts, for progress */
  readonly onFile?: (index: number, total: number, name: string) => void;
}

/** Rejects listed in a report; all of them stay in the rejects table. */
const REPORT_REJECTS = 1000;

export async function importFiles(db: Database, sources: readonly ImportSource[], options: ImportOptions = {}): Promise<{ files: FileReport[] }> {
  const files: FileReport[] = [];
  for (const [index, source] of sources.entries()) {
    options.onFile?.(index, sources.length, source.name);
    try {
      files.push(await importFile(db, source, options.kind));
    } catch (error) {
      const message = error instanceof ImportError ? error.message : `${source.name}: ${firstLine(error)}`;
      files.push({
        path: source.name, kind: null, preset: null, encoding: null, rows_read: 0, rows_loaded: 0,
        rows_rejected: 0, rows_duplicate: 0, rows_replaced: 0, batch_id: null, rejects: [], error: message,
      });
    }
  }
  if (files.some((f) => f.rows_loaded > 0) || !(await isMaterialized(db))) await materialize(db);
  return { files };
}

async function importFile(db: Database, source: ImportSource, kind?: TableKind): Promise<FileReport> {
  let size: number;
  try {
    size = statSync(source.path).size;
  } catch {
    throw new ImportError(source.name, 'file not found or not readable');
  }
  if (size === 0) throw new ImportError(source.name, 'the file is empty');
  const checksum = await sha256(source.path);
  const [seen] = await db.query<{ batch_id: number; kind: string }>(
    'SELECT batch_id, kind FROM import_batches WHERE checksum = $1 ORDER BY batch_id LIMIT 1', [checksum]);
  if (seen) {
    return {
      path: source.name, kind: seen.kind as TableKind, preset: 'canonical', encoding: 'utf-8', rows_read: 0,
      rows_loaded: 0, rows_rejected: 0, rows_duplicate: 0, rows_replaced: 0, batch_id: null,
      already_imported_as: seen.batch_id, rejects: [],
    };
  }
  return db.transaction(async () => {
    const [{ batch_id: batchId }] = await db.query<{ batch_id: number }>(
      `INSERT INTO import_batches (file_name, kind, checksum, rows_read, rows_loaded, rows_rejected, rows_duplicate)
       VALUES ($1, '?', $2, 0, 0, 0, 0) RETURNING batch_id`, [source.name, checksum]);
    const loaded = await loadCanonicalCsv(db, source.path, source.name, batchId, kind);
    await storeRejects(db, batchId, source.name, loaded.rejects);
    await db.exec(`UPDATE import_batches SET kind = $2, rows_read = $3, rows_loaded = $4, rows_rejected = $5, rows_duplicate = $6
      WHERE batch_id = $1`, [batchId, loaded.kind, loaded.rowsRead, loaded.rowsLoaded, loaded.rejects.length, loaded.rowsDuplicate]);
    return {
      path: source.name, kind: loaded.kind, preset: 'canonical', encoding: 'utf-8',
      rows_read: loaded.rowsRead, rows_loaded: loaded.rowsLoaded, rows_rejected: loaded.rejects.length,
      rows_duplicate: loaded.rowsDuplicate, rows_replaced: loaded.rowsReplaced, batch_id: batchId,
      mapping: loaded.mapping.fields, confidence: loaded.confidence,
      rejects: loaded.rejects.slice(0, REPORT_REJECTS),
    };
  });
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

async function storeRejects(db: Database, batchId: number, file: string, rejects: readonly Reject[]): Promise<void> {
  const CHUNK = 500;
  for (let start = 0; start < rejects.length; start += CHUNK) {
    const chunk = rejects.slice(start, start + CHUNK);
    const values = chunk.map((_, i) => `($1, $2, $${3 * i + 3}, $${3 * i + 4}, $${3 * i + 5})`).join(', ');
    const params = [batchId, file, ...chunk.flatMap((r) => [r.line, r.column, r.reason])];
    await db.exec(`INSERT INTO rejects (batch_id, file_name, line, "column", reason) VALUES ${values}`, params);
  }
}
