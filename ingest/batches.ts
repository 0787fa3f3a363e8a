/**
 * Import batches: the list (`ltc imports`) and undo (`ltc undo BATCH`), which removes a batch's rows
 * and puts back the rows it replaced, exactly as they were (OCEL batches replace nothing).
 */
import { TABLE_KINDS } from '../models/db/contract.ts';
import type { Database } from '../models/db/database.ts';
import { OCEL_TABLES } from '../models/db/schema.ts';
import { Conflict, UsageError } from '../models/analysis/errors.ts';
import { sayAll } from '../models/messages/catalogue.ts';
import { BATCH_ERRORS } from '../models/messages/batch-and-mapping-errors.ts';
import { reasonIn } from '../models/messages/reject-reasons.ts';
import type { SkippedRows } from './skip-reasons.ts';
import { skippedByBatch } from './skipped-rows.ts';

export interface Batch {
  readonly batch_id: number;
  readonly file_name: string;
  readonly source_file: string | null;
  readonly kind: string;
  readonly adapter: string | null;
  readonly preset: string | null;
  readonly rows_read: number;
  readonly rows_loaded: number;
  readonly rows_inserted: number;
  readonly rows_updated: number;
  readonly rows_unchanged: number;
  readonly rows_rejected: number;
  /** rows left out on purpose, in all; `skipped` gives them per reason */
  readonly rows_skipped: number;
  readonly skipped: readonly SkippedRows[];
  readonly imported_at: string;
  readonly undone_at: string | null;
}

export async function listBatches(db: Database): Promise<Batch[]> {
  const skipped = await skippedByBatch(db);
  const batches = await db.query<Omit<Batch, 'rows_skipped' | 'skipped'>>(`SELECT batch_id, file_name, source_file, kind, adapter, preset,
      rows_read::INTEGER AS rows_read, rows_loaded::INTEGER AS rows_loaded, rows_inserted::INTEGER AS rows_inserted,
      rows_updated::INTEGER AS rows_updated, rows_unchanged::INTEGER AS rows_unchanged, rows_rejected::INTEGER AS rows_rejected,
      strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at, strftime(undone_at, '%Y-%m-%dT%H:%M:%S') AS undone_at
    FROM import_batches ORDER BY batch_id`);
  return batches.map((b) => {
    const of = skipped.get(b.batch_id) ?? [];
    return { ...b, rows_skipped: of.reduce((sum, s) => sum + s.rows, 0), skipped: of };
  });
}

export interface UndoResult {
  readonly batch_id: number;
  readonly rows_removed: number;
  readonly rows_restored: number;
}

/**
 * Removes the batch's rows and restores those it replaced, in one transaction; the model is not
 * rebuilt here (undoAndRebuild in app/workspace.ts does both in one transaction).
 */
export function undoBatch(db: Database, batchId: number): Promise<UndoResult> {
  return db.writing(() => undo(db, batchId));
}

async function undo(db: Database, batchId: number): Promise<UndoResult> {
  const [batch] = await db.query<{ undone_at: string | null }>(
    'SELECT undone_at::VARCHAR AS undone_at FROM import_batches WHERE batch_id = $1', [batchId]);
  if (!batch) throw new UsageError(sayAll(BATCH_ERRORS, 'noBatch', { batch: String(batchId) }));
  if (batch.undone_at) throw new Conflict(sayAll(BATCH_ERRORS, 'alreadyUndone', { batch: String(batchId), at: batch.undone_at }));
  for (const kind of TABLE_KINDS) {
    const [later] = await db.query<{ by: number | null }>(
      `SELECT min(replaced_by) AS by FROM ${kind}_replaced WHERE batch_id = $1 AND replaced_by > $1`, [batchId]);
    if (later?.by) throw new Conflict(sayAll(BATCH_ERRORS, 'replacedLater', { batch: String(batchId), later: String(later.by) }));
  }
  let removed = 0;
  let restored = 0;
  await db.transaction(async () => {
    for (const kind of TABLE_KINDS) {
      const [{ n: gone }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${kind} WHERE batch_id = $1`, [batchId]);
      const [{ n: back }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${kind}_replaced WHERE replaced_by = $1`, [batchId]);
      await db.exec(`DELETE FROM ${kind} WHERE batch_id = $1`, [batchId]);
      await db.exec(`INSERT INTO ${kind} SELECT * EXCLUDE (replaced_by) FROM ${kind}_replaced WHERE replaced_by = $1`, [batchId]);
      await db.exec(`DELETE FROM ${kind}_replaced WHERE replaced_by = $1`, [batchId]);
      removed += gone;
      restored += back;
    }
    for (const table of [...OCEL_TABLES, 'record_links']) {
      const [{ n: gone }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE batch_id = $1`, [batchId]);
      await db.exec(`DELETE FROM ${table} WHERE batch_id = $1`, [batchId]);
      removed += gone;
    }
    await db.exec('UPDATE import_batches SET undone_at = current_timestamp::TIMESTAMP WHERE batch_id = $1', [batchId]);
  });
  return { batch_id: batchId, rows_removed: removed, rows_restored: restored };
}

export interface StoredReject {
  readonly batch_id: number;
  readonly file_name: string;
  readonly line: number | null;
  readonly column: string | null;
  /** as stored, in English */
  readonly reason: string;
  /** the same in Chinese, read back from the English (a text no reason template reads is as stored) */
  readonly reason_zh: string;
}

/** Rejected rows with their reasons, of one batch or of all (undo keeps them, as it keeps skipped_rows: the history of what was read). */
export async function listRejects(db: Database, batchId?: number): Promise<StoredReject[]> {
  const rejects = await db.query<Omit<StoredReject, 'reason_zh'>>(
    `SELECT batch_id, file_name, line::DOUBLE AS line, "column", reason FROM rejects
     WHERE $1::INTEGER IS NULL OR batch_id = $1::INTEGER ORDER BY batch_id, line`, [batchId ?? null]);
  return rejects.map((r) => ({ ...r, reason_zh: reasonIn(r.reason, 'zh') }));
}
