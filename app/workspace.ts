/**
 * The workspace as the CLI, the server and `ltc start` use it: opened with its case model built,
 * and every change of the data (an import, an undo, a links decision) followed by the model's
 * rebuild in the same writing session, so that no reader sees data without its model. ingest/ only
 * loads, models/db/ only opens; this is where the two meet the model.
 */
import { DEFAULT_DB_PATH, openDatabase, type Database, type OpenOptions } from '../models/db/database.ts';
import { ensureModel, materialize, refreshModel, TRANSITION_MACROS, undoWithModel } from '../models/materialize.ts';
import { decideLinks, type DecideOptions, type Decision, type DecisionResult } from '../models/stitch/decide.ts';
import { undoBatch, type UndoResult } from '../ingest/batches.ts';
import type { FileReport, ImportOptions, ImportSource } from '../ingest/import-files.ts';

/**
 * Opens (creates, upgrades) a workspace and builds its model when it is missing or stale: built by
 * another version's SQL, or before the last committed batch (a process killed between the two).
 */
export function openWorkspace(path: string = DEFAULT_DB_PATH, options: Omit<OpenOptions, 'ready'> = {}): Promise<Database> {
  return openDatabase(path, { ...options, ready: readyModel });
}

async function readyModel(db: Database): Promise<readonly string[]> {
  await ensureModel(db);
  return TRANSITION_MACROS;
}

export interface RebuildOptions extends ImportOptions {
  /** rebuild the case model at the end (default); false when the caller does it after more imports */
  readonly materialize?: boolean;
}

/**
 * Imports the files (each all or nothing, see importFiles), then rebuilds the model once — also
 * for the files committed before a cancel. Other readers see the workspace as it was until both
 * are done.
 */
export function importAndRebuild(db: Database, sources: readonly ImportSource[], options: RebuildOptions = {}): Promise<{ files: FileReport[] }> {
  return db.writing(async () => {
    // The readers of every format (and their packages) load when something is imported, not with every workspace.
    const { importFiles } = await import('../ingest/import-files.ts');
    const report = await importFiles(db, sources, options);
    if (options.materialize !== false) await refreshModel(db);
    return report;
  });
}

/** Undoes one import batch and rebuilds the model, in one transaction: both or neither. */
export function undoAndRebuild(db: Database, batchId: number): Promise<UndoResult> {
  return db.writing(() => undoWithModel(db, batchId, () => undoBatch(db, batchId)));
}

/** Records a links decision (one batch) and rebuilds the model, in one transaction: both or neither. */
export function decideAndRebuild(db: Database, decision: Decision, options: DecideOptions): Promise<DecisionResult> {
  return db.writing(() => db.transaction(async () => {
    const result = await decideLinks(db, decision, options);
    if (result.batch_id !== null) await materialize(db);
    return result;
  }));
}
