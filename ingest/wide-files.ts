/**
 * Files of thousands of columns. DuckDB's common-subexpression pass takes time quadratic in the
 * expressions of one SELECT, and the loader writes one `nullif(trim(…))` a column: a file of 5,000
 * columns took minutes under load. For such files the pass is switched off while they load; the
 * setting is put back after the file's transaction ends (inside an aborted one DuckDB refuses it).
 */
import type { Database } from '../models/db/database.ts';

/** Above this many columns the pass costs more than it saves. */
const WIDE = 300;

const relaxed = new WeakSet<Database>();

/** Switches the pass off for a file of more than WIDE columns. */
export async function relaxForWideFile(db: Database, columns: number): Promise<void> {
  if (columns <= WIDE || relaxed.has(db)) return;
  await db.exec("SET disabled_optimizers = 'common_subexpressions'");
  relaxed.add(db);
}

/** Puts the optimizer back as it was; call it outside the file's transaction. */
export async function restoreOptimizers(db: Database): Promise<void> {
  if (!relaxed.delete(db)) return;
  await db.exec('RESET disabled_optimizers');
}
