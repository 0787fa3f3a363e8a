/**
 * Rebuilds the `model` schema (case links, payment applications, order and invoice facts, cases
 * with milestones, data facts) from the canonical tables. Runs after every import, in one
 * transaction, so dashboard queries read small ready-made tables and never a half-built state.
 */
import type { Database } from './db/database.ts';
import { sqlFile, statements } from './sql-files.ts';

const STEPS = ['01-case-links.sql', '02-payments.sql', '03-orders.sql', '04-cases.sql', '05-facts.sql'];

export async function materialize(db: Database): Promise<void> {
  await db.transaction(async () => {
    await db.exec('DROP SCHEMA IF EXISTS model CASCADE');
    await db.exec('CREATE SCHEMA model');
    for (const step of STEPS) {
      for (const statement of statements(sqlFile(step))) await db.exec(statement);
    }
  });
}

/** True when the model schema exists (a database loaded by this version). */
export async function isMaterialized(db: Database): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'model' AND table_name = 'facts'");
  return (row?.n ?? 0) > 0;
}
