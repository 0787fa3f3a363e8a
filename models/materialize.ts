/**
 * Builds the `model` schema (case links, payment applications, order and invoice facts, cases with
 * milestones, data facts) from the canonical tables. Runs after every change of the data, in one
 * transaction, so dashboard queries read small ready-made tables and never a half-built state: the
 * whole model when it is missing or built by other SQL, else only the cases the change touched
 * (models/model-update.ts).
 */
import { createHash } from 'node:crypto';
import type { Database } from './db/database.ts';
import { memoryLimit, outOfMemoryLine } from './db/memory.ts';
import { SaidError, sayAll } from './messages/catalogue.ts';
import { WORKSPACE_ERRORS } from './messages/workspace-errors.ts';
import { captureChanges } from './model-changes.ts';
import { dropSchema, SWITCHES, updateTouched, type Step } from './model-update.ts';
import { sqlFile, statements } from './sql-files.ts';

const STEP_FILES = ['01-case-links.sql', '02-payments.sql', '03-orders.sql', '04-cases.sql', '05-facts.sql', '06-events.sql', '07-transitions.sql', '08-case-list.sql', '09-links.sql', '10-event-log.sql', '11-measure-items.sql', '12-case-checks.sql'];

const STEPS: readonly Step[] = STEP_FILES.flatMap((file) => statements(sqlFile(file)).map((statement) => ({
  file, statement, table: /^\s*CREATE TABLE model\.(\w+)/m.exec(statement.replace(/^--.*$/gm, ''))?.[1] ?? null,
})));

/**
 * Changes whenever the model's SQL changes, so a workspace built by another version is rebuilt; the
 * steps call the session macros, so those count too.
 */
export const MODEL_VERSION = createHash('sha256').update([...STEP_FILES, 'macros.sql'].map(sqlFile).join('\n')).digest('hex').slice(0, 16);

/** Builds the whole model anew. */
export function materialize(db: Database): Promise<void> {
  return inWords(db.transaction(async () => {
    await db.exec('RESET search_path');
    await buildAll(db);
  }));
}

/** The model build ran out of the memory DuckDB may use: said with the limit to raise. */
export class ModelOutOfMemory extends SaidError {
  override name = 'ModelOutOfMemory';
}

/** A model build's out-of-memory error as ModelOutOfMemory (not all of DuckDB's work spills). */
async function inWords<T>(build: Promise<T>): Promise<T> {
  try {
    return await build;
  } catch (error) {
    const outOfMemory = error instanceof Error ? outOfMemoryLine(error.message) : null;
    if (!outOfMemory) throw error;
    throw new ModelOutOfMemory(sayAll(WORKSPACE_ERRORS, 'modelOutOfMemory', { limit: memoryLimit(), detail: outOfMemory }));
  }
}

async function buildAll(db: Database): Promise<void> {
  await dropSchema(db, 'model');
  await db.exec('CREATE SCHEMA model');
  for (const step of STEPS) await db.exec(step.statement);
  await db.exec(`CREATE TABLE model.build AS
    SELECT $1::VARCHAR AS version, current_timestamp::TIMESTAMP AS built_at, (${BATCHES_FINGERPRINT}) AS batches,
      (SELECT coalesce(max(batch_id), 0) FROM import_batches) AS last_batch, (${SWITCHES}) AS switches,
      'whole' AS rebuilt`, [MODEL_VERSION]);
}

/**
 * Which batches the data holds: every import adds one, every undo marks one. A model built from
 * other batches is stale — e.g. a process killed after a file's commit and before the rebuild.
 */
const BATCHES_FINGERPRINT = `SELECT count(*) || ':' || coalesce(max(batch_id), 0) || ':' || count(undone_at) FROM import_batches`;

interface Build { readonly version: string; readonly batches?: string; readonly last_batch?: number }

async function readBuild(db: Database): Promise<Build | undefined> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'model' AND table_name = 'build'");
  if ((row?.n ?? 0) === 0) return undefined;
  const [build] = await db.query<Build>('SELECT * FROM model.build');
  return build?.version === MODEL_VERSION ? build : undefined;
}

/** True when the model schema exists, was built by this version's SQL and from the batches loaded now. */
export async function isMaterialized(db: Database): Promise<boolean> {
  const build = await readBuild(db);
  if (build?.batches === undefined) return false;
  const [{ now }] = await db.query<{ now: string }>(`SELECT (${BATCHES_FINGERPRINT}) AS now`);
  return build.batches === now;
}

/**
 * The batches imported since the model was built, when that is all that changed (none of them and no
 * earlier batch undone since); undefined when the model must be built whole.
 */
async function batchesSince(db: Database, build: Build | undefined): Promise<number[] | undefined> {
  if (build?.batches === undefined || build.last_batch === undefined) return undefined;
  const last = Number(build.last_batch);
  const [{ before }] = await db.query<{ before: string }>(`SELECT count(*) || ':' || coalesce(max(batch_id), 0) || ':' || count(undone_at) AS before
    FROM import_batches WHERE batch_id <= $1`, [last]);
  if (before !== build.batches) return undefined;
  const later = await db.query<{ batch_id: number; undone: boolean }>(
    'SELECT batch_id, undone_at IS NOT NULL AS undone FROM import_batches WHERE batch_id > $1 ORDER BY batch_id', [last]);
  return later.some((b) => b.undone) ? undefined : later.map((b) => Number(b.batch_id));
}

/**
 * Brings the model up to date with the data: nothing when it is, the touched cases when batches were
 * imported since it was built, else the whole model.
 */
export function refreshModel(db: Database): Promise<'current' | 'touched' | 'whole'> {
  return inWords(db.transaction(async () => {
    const build = await readBuild(db);
    if (await isMaterialized(db)) return 'current';
    const since = await batchesSince(db, build);
    return followChange(db, since !== undefined && (await captureChanges(db, since)));
  }));
}

/** Builds the model when it is missing, was built by other SQL (an upgraded LTC Lens) or from other batches. */
export async function ensureModel(db: Database): Promise<void> {
  await refreshModel(db);
}

/**
 * Undoes a batch with `undo` and brings the model along, in one transaction: the cases the batch
 * touched when the model was up to date before, else the whole model.
 */
export function undoWithModel<T>(db: Database, batchId: number, undo: () => Promise<T>): Promise<T> {
  return inWords(db.transaction(async () => {
    const captured = (await isMaterialized(db)) && (await captureChanges(db, [batchId]));
    const result = await undo();
    await followChange(db, captured);
    return result;
  }));
}

/** After a change whose rows are captured (or not), rebuilds the touched cases or, when it cannot, everything. */
async function followChange(db: Database, captured: boolean): Promise<'touched' | 'whole'> {
  // An incremental build that failed (its transaction rolled back) may have left its search path.
  await db.exec('RESET search_path');
  const touched = captured && (await updateTouched(db, STEPS));
  // (on an error the transaction rolls back, and the scratch tables with it)
  for (const temp of ['ltc_scope_cases', 'ltc_scope_orders', 'ltc_scope_records', 'ltc_scope_invoices', 'ltc_model_changes',
    'ltc_link_invoices', 'ltc_link_opportunities', 'ltc_link_orders']) {
    await db.exec(`DROP TABLE IF EXISTS temp.${temp}`);
  }
  await dropSchema(db, 'ltc_delta');
  if (!touched) {
    await buildAll(db);
    return 'whole';
  }
  await db.exec(`UPDATE model.build SET built_at = current_timestamp::TIMESTAMP, batches = (${BATCHES_FINGERPRINT}),
    last_batch = (SELECT coalesce(max(batch_id), 0) FROM import_batches), rebuilt = 'touched'`);
  return 'touched';
}

/**
 * The live transition macros of models/sql/07-transitions.sql, which the transition queries call:
 * session statements, run on every connection once the model exists (DuckDB binds a table macro's
 * tables when it is created).
 */
export const TRANSITION_MACROS: readonly string[] = statements(sqlFile('07-transitions.sql'))
  .filter((s) => /^\s*CREATE OR REPLACE TEMP MACRO/m.test(s.replace(/^--.*$/gm, '')));
