/**
 * Checksums of a workspace's tables: row count and an order-free hash of the rows of every base
 * table of a schema (`main` by default: the canonical tables, their `_replaced` archives, ocel_*,
 * import_batches, rejects, ltc_schema), listed from the catalog, in one query.
 */
import type { Database } from '../../models/db/database.ts';

export interface TableChecksum {
  readonly rows: number;
  /** sum of DuckDB's hash of each whole row: equal rows, equal sums; duplicates count */
  readonly hash: string;
}

export type Checksums = Record<string, TableChecksum>;

export interface ChecksumOptions {
  /** `main` (default) or `model` */
  readonly schema?: string;
  /** tables to leave out (e.g. `build`, which holds the time the model was built) */
  readonly skip?: readonly string[];
  /**
   * The state as if these import batches had never been loaded: their rows are left out of every
   * table, and the rows they replaced (`<table>_replaced.replaced_by`) are counted back in.
   */
  readonly withoutBatches?: readonly number[];
  /** the tables and their columns, when the caller has them (from `workspaceTables`) */
  readonly tables?: ReadonlyMap<string, readonly string[]>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Base tables of a schema with their columns, by name. */
export async function workspaceTables(db: Database, schema = 'main'): Promise<Map<string, string[]>> {
  // DuckDB's own catalog functions: the same lists as information_schema, read several times faster.
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM duckdb_columns() c
     JOIN duckdb_tables() t USING (database_name, schema_name, table_name)
     WHERE c.schema_name = $1 AND c.database_name = current_database()
     ORDER BY c.table_name, c.column_index`, [schema]);
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return tables;
}

/** Row count and row-hash sum of every table (of `options.schema`), keyed by table name. */
export async function tableChecksums(db: Database, options: ChecksumOptions = {}): Promise<Checksums> {
  const schema = options.schema ?? 'main';
  const tables = options.tables ?? await workspaceTables(db, schema);
  const batches = options.withoutBatches ?? [];
  const list = batches.length ? batches.map((b) => String(Math.trunc(b))).join(', ') : null;
  const parts: string[] = [];
  for (const [table, columns] of tables) {
    if (options.skip?.includes(table)) continue;
    const from = `${quote(schema)}.${quote(table)}`;
    let rows = `SELECT * FROM ${from}`;
    if (list !== null) {
      const keep = (column: string) => `(${quote(column)} IS NULL OR ${quote(column)} NOT IN (${list}))`;
      const filters = ['batch_id', 'replaced_by'].filter((c) => columns.includes(c)).map(keep);
      if (filters.length) rows += ` WHERE ${filters.join(' AND ')}`;
      const archive = `${table}_replaced`;
      if (tables.has(archive) && columns.includes('batch_id')) {
        rows += ` UNION ALL SELECT * EXCLUDE (replaced_by) FROM ${quote(schema)}.${quote(archive)}
          WHERE replaced_by IN (${list}) AND ${keep('batch_id')}`;
      }
    }
    parts.push(`SELECT '${table.replace(/'/g, "''")}' AS name, count(*)::INTEGER AS rows,
      coalesce(sum(hash(r)), 0)::VARCHAR AS hash FROM (${rows}) r`);
  }
  if (parts.length === 0) return {};
  const result = await db.query<{ name: string; rows: number; hash: string }>(parts.join('\nUNION ALL\n'));
  return Object.fromEntries(result.sort((a, b) => a.name.localeCompare(b.name)).map((r) => [r.name, { rows: r.rows, hash: r.hash }]));
}

/** The tables whose checksums differ, each with both sides (empty when none). */
export function changedTables(before: Checksums, after: Checksums): Record<string, { before?: TableChecksum; after?: TableChecksum }> {
  const changed: Record<string, { before?: TableChecksum; after?: TableChecksum }> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[name];
    const b = after[name];
    if (a?.rows !== b?.rows || a?.hash !== b?.hash) changed[name] = { before: a, after: b };
  }
  return changed;
}
