/**
 * Rebuilds the `model` schema (case links, payment applications, order and invoice facts, cases
 * with milestones, data facts) from the canonical tables. Runs after every import, in one
 * transaction, so dashboard queries read small ready-made tables and never a half-built state.
 */
import { createHash } from 'node:crypto';
import type { Database } from './db/database.ts';
import { sqlFile, statements } from './sql-files.ts';

const STEPS = ['01-case-links.sql', '02-payments.sql', '03-orders.sql', '04-cases.sql', '05-facts.sql', '06-events.sql', '07-transitions.sql', '08-case-list.sql', '09-links.sql', '10-event-log.sql', '11-measure-items.sql'];

/**
 * Changes whenever the model's SQL changes, so a workspace built by another version is rebuilt; the
 * steps call the session macros, so those count too.
 */
export const MODEL_VERSION = createHash('sha256').update([...STEPS, 'macros.sql'].map(sqlFile).join('\n')).digest('hex').slice(0, 16);

export async function materialize(db: Database): Promise<void> {
  await db.transaction(async () => {
    await db.exec('DROP SCHEMA IF EXISTS model CASCADE');
    await db.exec('CREATE SCHEMA model');
    for (const step of STEPS) {
      for (const statement of statements(sqlFile(step))) await db.exec(statement);
    }
    await db.exec(`CREATE TABLE model.build AS
      SELECT $1::VARCHAR AS version, current_timestamp::TIMESTAMP AS built_at, (${BATCHES_FINGERPRINT}) AS batches`, [MODEL_VERSION]);
  });
}

/**
 * Which batches the data holds: every import adds one, every undo marks one. A model built from
 * other batches is stale — e.g. a process killed after a file's commit and before the rebuild.
 */
const BATCHES_FINGERPRINT = `SELECT count(*) || ':' || coalesce(max(batch_id), 0) || ':' || count(undone_at) FROM import_batches`;

/** True when the model schema exists, was built by this version's SQL and from the batches loaded now. */
export async function isMaterialized(db: Database): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'model' AND table_name = 'build'");
  if ((row?.n ?? 0) === 0) return false;
  const [build] = await db.query<{ version: string; batches?: string }>('SELECT * FROM model.build');
  if (build?.version !== MODEL_VERSION || build.batches === undefined) return false;
  const [{ now }] = await db.query<{ now: string }>(`SELECT (${BATCHES_FINGERPRINT}) AS now`);
  return build.batches === now;
}

/** Builds the model when it is missing, was built by other SQL (an upgraded LTC Lens) or from other batches. */
export async function ensureModel(db: Database): Promise<void> {
  if (!(await isMaterialized(db))) await materialize(db);
}

/**
 * The live transition macros of models/sql/07-transitions.sql, which the transition queries call:
 * session statements, run on every connection once the model exists (DuckDB binds a table macro's
 * tables when it is created).
 */
export const TRANSITION_MACROS: readonly string[] = statements(sqlFile('07-transitions.sql'))
  .filter((s) => /^\s*CREATE OR REPLACE TEMP MACRO/m.test(s.replace(/^--.*$/gm, '')));
