/** The loader's scratch tables and views live in the connection's temp schema; this clears one by name. */
import type { Database } from '../models/db/database.ts';

export async function dropTemp(db: Database, name: string): Promise<void> {
  const [found] = await db.query<{ table_type: string }>(
    "SELECT table_type FROM information_schema.tables WHERE table_catalog = 'temp' AND table_name = $1", [name]);
  if (!found) return;
  await db.exec(`DROP ${found.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} ${name}`);
}
