/** The model as built against a whole rebuild of it, table by table (the incremental model's tests). */
import { expect } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { materialize } from '../../models/materialize.ts';

export type Differences = Record<string, { rows: number; extra: number; missing: number }>;

/** Per model table, the rows that the model holds and a whole rebuild does not, and the other way round. */
export async function differences(db: Database): Promise<Differences> {
  const tables = (await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'model' AND table_name <> 'build' ORDER BY 1")).map((t) => t.name);
  await db.exec('DROP SCHEMA IF EXISTS kept CASCADE');
  await db.exec('CREATE SCHEMA kept');
  for (const t of tables) await db.exec(`CREATE TABLE kept.${t} AS FROM model.${t}`);
  await materialize(db);
  const out: Differences = {};
  for (const t of tables) {
    const [row] = await db.query<{ rows: number; extra: number; missing: number }>(`SELECT
      (SELECT count(*) FROM model.${t})::INTEGER AS rows,
      (SELECT count(*) FROM (FROM kept.${t} EXCEPT ALL FROM model.${t}))::INTEGER AS extra,
      (SELECT count(*) FROM (FROM model.${t} EXCEPT ALL FROM kept.${t}))::INTEGER AS missing`);
    out[t] = row;
  }
  await db.exec('DROP SCHEMA kept CASCADE');
  return out;
}

export function expectSame(diff: Differences): void {
  const wrong = Object.entries(diff).filter(([, d]) => d.extra > 0 || d.missing > 0);
  expect(wrong).toEqual([]);
  expect(diff.cases.rows).toBeGreaterThan(1000);
  expect(Object.keys(diff)).toContain('link_problems');
}
