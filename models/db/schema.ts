/**
 * Schema versions. Each migration moves a database file one version up in place; a file made by
 * an older LTC Lens is upgraded on open without losing rows. Append new migrations, never edit old ones.
 */
import { CONTRACT, TABLE_KINDS, sqlType, type TableKind } from './contract.ts';
import type { Database } from './database.ts';
import { WorkspaceUnavailable } from './instance.ts';
import { sayAll } from '../messages/catalogue.ts';
import { WORKSPACE_ERRORS } from '../messages/workspace-errors.ts';

type Migration = (db: Database) => Promise<void>;

const V1_KINDS = ['leads', 'opportunities', 'quotes', 'orders', 'deliveries', 'invoices', 'payments', 'events',
  'accounts', 'stages', 'order_lines'] as const;

function createTable(kind: TableKind): string {
  const spec = CONTRACT[kind];
  const columns = spec.fields.map((f) => `${f.name} ${sqlType(f.type)}`);
  if (kind === 'events') columns.push('event_index BIGINT');
  columns.push('attributes JSON', 'batch_id INTEGER');
  return `CREATE TABLE IF NOT EXISTS ${kind} (${columns.join(', ')})`;
}

/** The batch table as migration 2 made it; migration 3 rebuilds it with more columns. */
const BATCH_COLUMNS_V2 = `batch_id INTEGER PRIMARY KEY DEFAULT nextval('import_batch_seq'),
  file_name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  checksum VARCHAR NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  rows_duplicate BIGINT NOT NULL,
  imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp::TIMESTAMP`;

const MIGRATIONS: readonly Migration[] = [
  // 1: the canonical tables (docs/data-contract.md). Extra source columns live in `attributes` (JSON text).
  async (db) => {
    for (const kind of V1_KINDS) {
      await db.exec(createTable(kind));
    }
  },
  // 2: import bookkeeping — batches (with the file checksum that stops double imports) and rejects.
  async (db) => {
    await db.exec(`CREATE SEQUENCE import_batch_seq START 1`);
    await db.exec(`CREATE TABLE import_batches (${BATCH_COLUMNS_V2})`);
    await db.exec(`CREATE TABLE rejects (
      batch_id INTEGER NOT NULL,
      file_name VARCHAR NOT NULL,
      line BIGINT,
      "column" VARCHAR,
      reason VARCHAR NOT NULL
    )`);
  },
  // 3: source adapters — products and owners reference tables; per batch the adapter, preset and
  // inserted/updated/unchanged counts; archives of replaced rows so that a batch can be undone.
  async (db) => {
    await db.exec(createTable('products'));
    await db.exec(createTable('owners'));
    // The batch table gains columns by being rebuilt, not by ALTER TABLE … ADD COLUMN: DuckDB cannot
    // replay such an ALTER of a table whose key defaults to nextval() from its write-ahead log, and
    // a crash before the next checkpoint then left a workspace nothing could open.
    await db.exec(`CREATE TABLE import_batches_v3 (${BATCH_COLUMNS_V2},
      adapter VARCHAR, preset VARCHAR, source_file VARCHAR, rows_inserted BIGINT DEFAULT 0,
      rows_updated BIGINT DEFAULT 0, rows_unchanged BIGINT DEFAULT 0, undone_at TIMESTAMP
    )`);
    await db.exec(`INSERT INTO import_batches_v3 (batch_id, file_name, kind, checksum, rows_read, rows_loaded,
      rows_rejected, rows_duplicate, imported_at)
      SELECT batch_id, file_name, kind, checksum, rows_read, rows_loaded, rows_rejected, rows_duplicate, imported_at
      FROM import_batches`);
    await db.exec('DROP TABLE import_batches');
    await db.exec('ALTER TABLE import_batches_v3 RENAME TO import_batches');
    for (const kind of ['leads', 'opportunities', 'quotes', 'orders', 'deliveries', 'invoices', 'payments', 'events',
      'accounts', 'stages', 'order_lines', 'products', 'owners'] as const) {
      await db.exec(`CREATE TABLE IF NOT EXISTS ${kind}_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM ${kind} WHERE false`);
    }
  },
  // 4: payment lines — the split of a payment over invoices.
  async (db) => {
    await db.exec(createTable('payment_lines'));
    await db.exec('CREATE TABLE IF NOT EXISTS payment_lines_replaced AS SELECT *, NULL::INTEGER AS replaced_by FROM payment_lines WHERE false');
  },
  // 5: object-centric event logs (OCEL 2.0): events, objects, event-to-object and object-to-object
  // relations as the standard has them; a case view is made by flattening on one object type.
  async (db) => {
    await db.exec(`CREATE TABLE ocel_events (event_id VARCHAR NOT NULL, activity VARCHAR NOT NULL,
      timestamp TIMESTAMP NOT NULL, event_index BIGINT NOT NULL, attributes JSON, batch_id INTEGER NOT NULL)`);
    await db.exec(`CREATE TABLE ocel_objects (object_id VARCHAR NOT NULL, object_type VARCHAR NOT NULL,
      attributes JSON, batch_id INTEGER NOT NULL)`);
    await db.exec(`CREATE TABLE ocel_event_objects (event_id VARCHAR NOT NULL, object_id VARCHAR NOT NULL,
      qualifier VARCHAR, batch_id INTEGER NOT NULL)`);
    await db.exec(`CREATE TABLE ocel_object_objects (source_id VARCHAR NOT NULL, target_id VARCHAR NOT NULL,
      qualifier VARCHAR, batch_id INTEGER NOT NULL)`);
  },
  // 6: links made by matching (docs/linking.md): a reviewer's decision on a suggested link between two
  // records that share no id. Each accept or reject is an import batch, so undo takes it back.
  async (db) => {
    await db.exec(`CREATE TABLE record_links (
      from_table VARCHAR NOT NULL, from_id VARCHAR NOT NULL,
      to_table VARCHAR NOT NULL, to_id VARCHAR NOT NULL,
      decision VARCHAR NOT NULL,
      confidence DOUBLE,
      evidence JSON,
      decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp::TIMESTAMP,
      batch_id INTEGER NOT NULL)`);
  },
  // 7: rows an adapter leaves out on purpose (deleted in the source, report footers, totals rows),
  // counted per batch and reason so that the import report and history can say so.
  async (db) => {
    await db.exec(`CREATE TABLE skipped_rows (
      batch_id INTEGER NOT NULL,
      reason VARCHAR NOT NULL,
      rows BIGINT NOT NULL,
      first_line BIGINT)`);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The tables of object-centric event logs (migration 5); they keep no archive of replaced rows. */
export const OCEL_TABLES = ['ocel_events', 'ocel_objects', 'ocel_event_objects', 'ocel_object_objects'] as const;

/** Brings the database up to `target` (default: the newest version). */
export async function migrate(db: Database, target: number = SCHEMA_VERSION): Promise<number> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ltc_schema (
    version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp::TIMESTAMP)`);
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM ltc_schema');
  const current = row?.version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new WorkspaceUnavailable(sayAll(WORKSPACE_ERRORS, 'newerSchema', { path: db.path, version: String(current), ours: String(SCHEMA_VERSION) }));
  }
  for (let version = current + 1; version <= target; version++) {
    await db.transaction(async () => {
      await MIGRATIONS[version - 1](db);
      await db.exec('INSERT INTO ltc_schema (version) VALUES ($1)', [version]);
    });
  }
  return Math.max(current, target);
}

export async function schemaVersion(db: Database): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM ltc_schema');
  return row?.version ?? 0;
}
