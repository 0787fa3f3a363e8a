/**
 * Imports export files into the workspace: archives unpacked, each plain file in its own
 * transaction (all or nothing), a file seen before (same checksum) not loaded twice, rejects kept
 * with their reasons. Loads the canonical tables only: importAndRebuild (app/workspace.ts) then
 * rebuilds the case model.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TableKind } from '../models/db/contract.ts';
import type { Database } from '../models/db/database.ts';
import { expandArchive, type Entry } from './archive.ts';
import { stageFile } from './stage.ts';
import { fileErrorFields, ImportError, withReasonZh, type Reject, type ReportedReject } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { loadFile, readSource } from './import-file.ts';
import type { SkippedRows } from './skip-reasons.ts';
import { storeSkipped } from './skipped-rows.ts';
import type { MappingFile } from './mapping-file.ts';
import { loadOcel } from './ocel/load.ts';
import { ocelSyntax, type OcelSyntax } from './ocel/read.ts';
import { loadXes } from './xes.ts';
import { noteFields } from '../models/messages/import-notes.ts';

export interface ImportSource {
  /** where the bytes are on disk */
  readonly path: string;
  /** the name the user knows the file by (reports and errors use it) */
  readonly name: string;
}

export interface TargetReport {
  readonly kind: TableKind;
  readonly rows_loaded: number;
  readonly rows_inserted: number;
  readonly rows_updated: number;
  readonly rows_unchanged: number;
  readonly mapping: Readonly<Record<string, string>>;
  readonly formats: Readonly<Record<string, string>>;
}

export interface FileReport {
  readonly path: string;
  /** the (first) table the file was loaded into; `ocel` for an object-centric event log (the ocel_* tables) */
  readonly kind: TableKind | 'ocel' | null;
  readonly adapter: string | null;
  readonly preset: string | null;
  readonly confidence: number | null;
  readonly encoding: string | null;
  readonly delimiter?: string;
  readonly header_line?: number;
  readonly rows_read: number;
  readonly rows_loaded: number;
  readonly rows_rejected: number;
  readonly rows_duplicate: number;
  /** rows left out on purpose (deleted in the source, report footers, blank rows …); `skipped` says why */
  readonly rows_skipped: number;
  /** the skipped rows per reason, with the reason's words in English and Chinese */
  readonly skipped: readonly SkippedRows[];
  readonly rows_inserted: number;
  readonly rows_updated: number;
  readonly rows_unchanged: number;
  readonly batch_id: number | null;
  /** set when the same file (by checksum) was imported before: nothing was loaded again */
  readonly already_imported_as?: number;
  /** canonical field → source column, of the first table */
  readonly mapping?: Readonly<Record<string, string>>;
  readonly formats?: Readonly<Record<string, string>>;
  readonly targets?: readonly TargetReport[];
  /** how the file was read, in English (models/messages/import-notes.ts) */
  readonly notes?: readonly string[];
  /** the same notes in Chinese, in the same order */
  readonly notes_zh?: readonly string[];
  /** the first rejects, each reason in English and in Chinese (all of them are in the rejects table) */
  readonly rejects: ReportedReject[];
  /** set when the file failed as a whole; nothing of it was loaded */
  readonly error?: string;
  /** the same in Chinese */
  readonly error_zh?: string;
}

export interface ImportOptions {
  readonly kind?: TableKind;
  /** only this adapter may read the files */
  readonly adapter?: string;
  readonly mapping?: MappingFile;
  /** called as each file starts, for progress */
  readonly onFile?: (index: number, total: number, name: string) => void;
  /**
   * Cancels: a file not yet committed is rolled back and those after it are not read. A file
   * already committed stays.
   */
  readonly signal?: AbortSignal;
}

const CANCELLED = importReason('cancelled');

/** Rejects listed in a report; all of them stay in the rejects table. */
const REPORT_REJECTS = 1000;

const EMPTY = {
  kind: null, adapter: null, preset: null, confidence: null, encoding: null, rows_read: 0, rows_loaded: 0,
  rows_rejected: 0, rows_duplicate: 0, rows_skipped: 0, skipped: [], rows_inserted: 0, rows_updated: 0, rows_unchanged: 0, batch_id: null,
} as const;

/**
 * Imports the files one after another, each all or nothing. Other readers of the workspace see it
 * as it was until all of them are done (Database.writing), or until the writing session of the
 * caller is (importAndRebuild: with the model rebuilt).
 */
export function importFiles(db: Database, sources: readonly ImportSource[], options: ImportOptions = {}): Promise<{ files: FileReport[] }> {
  return db.writing(() => importEach(db, sources, options));
}

async function importEach(db: Database, sources: readonly ImportSource[], options: ImportOptions): Promise<{ files: FileReport[] }> {
  const files: FileReport[] = [];
  const tmp = mkdtempSync(join(db.scratch, 'import-'));
  try {
    for (const [index, source] of sources.entries()) {
      options.onFile?.(index, sources.length, source.name);
      let entries: Entry[];
      try {
        checkReadable(source);
        entries = await expandArchive(stageFile(source.path, tmp, index), source.name, tmp);
      } catch (error) {
        files.push(failed(source.name, error));
        continue;
      }
      for (const entry of entries) {
        if (options.signal?.aborted) {
          files.push(failed(entry.name, new ImportError(entry.name, CANCELLED)));
          continue;
        }
        if (entry.skipped) {
          files.push({ path: entry.name, ...EMPTY, rejects: [], ...noteFields([entry.skipped]) });
          continue;
        }
        try {
          files.push(await importEntry(db, entry, source.name, tmp, options));
        } catch (error) {
          files.push(failed(entry.name, error));
        }
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { files };
}

function failed(name: string, error: unknown): FileReport {
  return { path: name, ...EMPTY, rejects: [], ...fileErrorFields(name, error) };
}

function checkReadable(source: ImportSource): void {
  let size: number;
  try {
    size = statSync(source.path).size;
  } catch {
    throw new ImportError(source.name, importReason('not_readable'));
  }
  if (size === 0) throw new ImportError(source.name, importReason('empty_file'));
}

async function importEntry(db: Database, entry: Entry, sourceFile: string, tmp: string, options: ImportOptions): Promise<FileReport> {
  const checksum = await sha256(entry.path);
  const [seen] = await db.query<{ batch_id: number; kind: string }>(
    'SELECT batch_id, kind FROM import_batches WHERE checksum = $1 AND undone_at IS NULL ORDER BY batch_id LIMIT 1', [checksum]);
  if (seen) {
    return { path: entry.name, ...EMPTY, rejects: [], kind: seen.kind.split(',')[0] as TableKind | 'ocel', already_imported_as: seen.batch_id };
  }
  // A workbook's sheet is a CSV whatever its name says (a sheet may be named "events.xes" or "crm.db").
  const ocel = entry.sheetRows ? null : ocelSyntax(entry.path, entry.name);
  return loadEntry(db, entry, sourceFile, checksum, ocel, tmp, options);
}

/** The entry loaded as a new batch, in one transaction: all of it or nothing. */
async function loadEntry(
  db: Database, entry: Entry, sourceFile: string, checksum: string, ocel: OcelSyntax | null, tmp: string, options: ImportOptions,
): Promise<FileReport> {
  // A delimited file is read into its temp table before the transaction: nothing of the workspace yet.
  const xes = !entry.sheetRows && /\.xes$/i.test(entry.name);
  const read = ocel || xes ? undefined : await readSource(db, entry.path, entry.name, tmp, options, entry.sheetRows);
  return db.transaction(async () => {
    const [{ batch_id: batchId }] = await db.query<{ batch_id: number }>(
      `INSERT INTO import_batches (file_name, source_file, kind, checksum, rows_read, rows_loaded, rows_rejected, rows_duplicate)
       VALUES ($1, $2, '?', $3, 0, 0, 0, 0) RETURNING batch_id`, [entry.name, sourceFile, checksum]);
    if (ocel) {
      const load = await loadOcel(db, entry.path, entry.name, ocel, tmp, batchId);
      const report: FileReport = {
        path: entry.name, ...EMPTY, kind: 'ocel', adapter: load.format, preset: load.format, confidence: 1,
        encoding: ocel === 'sqlite' ? null : 'utf-8', rows_read: load.events, rows_loaded: load.events, rows_inserted: load.events,
        batch_id: batchId, ...noteFields(load.notes), rejects: [],
      };
      if (options.signal?.aborted) throw new ImportError(entry.name, CANCELLED);
      await recordBatch(db, batchId, 'ocel', report);
      return report;
    }
    const load = xes
      ? await loadXes(db, entry.path, entry.name, tmp, batchId)
      : await loadFile(db, entry.path, entry.name, tmp, batchId, options, read);
    // The last moment a cancel can still leave nothing of the file behind.
    if (options.signal?.aborted) throw new ImportError(entry.name, CANCELLED);
    await storeRejects(db, batchId, entry.name, load.rejects);
    await storeSkipped(db, batchId, 'skipped' in load ? load.skipped : []);
    const sum = (pick: (t: (typeof load.targets)[number]) => number) => load.targets.reduce((s, t) => s + pick(t), 0);
    const report: FileReport = {
      path: entry.name, kind: load.targets[0]?.kind ?? null, adapter: load.match.adapter, preset: load.match.preset,
      confidence: Math.round(load.match.confidence * 100) / 100, encoding: load.encoding, delimiter: load.delimiter,
      header_line: load.headerLine, rows_read: load.rowsRead,
      rows_loaded: sum((t) => t.inserted + t.updated + t.unchanged), rows_rejected: load.rowsRejected,
      rows_duplicate: sum((t) => t.duplicates), rows_skipped: load.rowsSkipped, skipped: 'skipped' in load ? load.skipped : [], rows_inserted: sum((t) => t.inserted), rows_updated: sum((t) => t.updated),
      rows_unchanged: sum((t) => t.unchanged), batch_id: batchId,
      mapping: load.targets[0]?.mapping, formats: load.targets[0]?.formats,
      targets: load.targets.map((t) => ({
        kind: t.kind, rows_loaded: t.inserted + t.updated + t.unchanged, rows_inserted: t.inserted, rows_updated: t.updated,
        rows_unchanged: t.unchanged, mapping: t.mapping, formats: t.formats,
      })),
      ...noteFields(load.match.notes), rejects: load.rejects.slice(0, REPORT_REJECTS).map(withReasonZh),
    };
    await recordBatch(db, batchId, load.targets.map((t) => t.kind).join(','), report);
    return report;
  });
}

async function recordBatch(db: Database, batchId: number, kinds: string, report: FileReport): Promise<void> {
  await db.exec(`UPDATE import_batches SET kind = $2, adapter = $3, preset = $4, rows_read = $5, rows_loaded = $6,
    rows_rejected = $7, rows_duplicate = $8, rows_inserted = $9, rows_updated = $10, rows_unchanged = $11 WHERE batch_id = $1`,
  [batchId, kinds, report.adapter, report.preset, report.rows_read, report.rows_loaded,
    report.rows_rejected, report.rows_duplicate, report.rows_inserted, report.rows_updated, report.rows_unchanged]);
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

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}
