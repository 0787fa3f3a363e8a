/**
 * De-duplication and upsert of typed rows (ltc_valid) into a canonical table. Exact duplicate rows
 * of a file collapse into one; two different rows with one key in a file are a reject. Against the
 * table, a row whose key is new is inserted, an identical row is left alone (unchanged) and a
 * different one replaces the old, which is archived in <kind>_replaced so the batch can be undone.
 * Event logs have no key: a file's events replace the events of the same case and object type.
 * The common cases (keys already unique in the file, an empty table) skip the work they do not need.
 */
import { CONTRACT, type TableKind } from '../models/db/contract.ts';
import type { Database } from '../models/db/database.ts';
import { rejectReason } from '../models/messages/reject-reasons.ts';
import type { RecordReject } from './load-target.ts';
import { dropTemp } from './temp-tables.ts';

export interface UpsertCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly duplicates: number;
  readonly keyRejects: RecordReject[];
}

export function keyOf(kind: TableKind): string[] {
  const key = CONTRACT[kind].key;
  return key.length ? [...key] : ['case_id', 'object_type'];
}

/** NULL-safe equality of key columns between two aliases. */
function keyMatch(kind: TableKind, a: string, b: string): string {
  return keyOf(kind).map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(' AND ');
}

const count = async (db: Database, sql: string) => Number((await db.query<{ n: number }>(`SELECT (${sql})::INTEGER AS n`))[0].n);

export async function upsertStaged(
  db: Database, kind: TableKind, batchId: number, staged: { ordUnique?: boolean; inFileOrder?: boolean } = {},
): Promise<UpsertCounts> {
  const spec = CONTRACT[kind];
  const columns = [...spec.fields.map((f) => f.name), 'attributes'];
  const isLog = spec.key.length === 0;
  const key = keyOf(kind);

  let duplicates = 0;
  let keyRejects: RecordReject[] = [];
  await dropTemp(db, 'ltc_unique');
  const rows = await count(db, 'SELECT count(*) FROM ltc_valid');
  const keys = isLog ? rows : await count(db, `SELECT count(*) FROM (SELECT DISTINCT ${key.join(', ')} FROM ltc_valid)`);
  if (keys === rows) {
    await db.exec(`CREATE TEMP VIEW ltc_unique AS SELECT rec, ord, ${columns.join(', ')} FROM ltc_valid`);
  } else {
    await dropTemp(db, 'ltc_ranked');
    await db.exec(`CREATE TEMP TABLE ltc_ranked AS
      SELECT *, row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY rec) AS key_rank
      FROM (SELECT min(rec) AS rec, min(ord) AS ord, ${columns.join(', ')} FROM ltc_valid GROUP BY ${columns.join(', ')})`);
    await db.exec(`CREATE TEMP TABLE ltc_unique AS SELECT rec, ord, ${columns.join(', ')} FROM ltc_ranked WHERE key_rank = 1 ORDER BY ord`);
    duplicates = rows - await count(db, 'SELECT count(*) FROM ltc_ranked');
    const keyText = key.map((k) => `coalesce(${k}::VARCHAR, '')`).join(` || ' / ' || `);
    const conflicts = await db.query<{ rec: number; key: string }>(
      `SELECT rec::DOUBLE AS rec, ${keyText} AS key FROM ltc_ranked WHERE key_rank > 1 ORDER BY rec`);
    keyRejects = conflicts.map((c) => ({
      rec: c.rec, column: key.join(', '),
      reason: rejectReason('duplicate_id', { key: key.join(' + '), value: c.key }),
    }));
  }
  const incoming = await count(db, 'SELECT count(*) FROM ltc_unique');
  const eventIndex = isLog ? ', event_index' : '';
  // Events keep file order in event_index. Where each row has its own ord (file order), the index is
  // ord past the last one stored — no sort; else their rank by ord.
  const ordUnique = isLog && (staged.ordUnique ?? await count(db, 'SELECT count(DISTINCT ord) = count(*) FROM ltc_unique') === 1);
  const base = '(SELECT coalesce(max(event_index), -1) + 1 FROM events)';
  const eventIndexValue = !isLog ? '' : ordUnique ? `, ${base} + ord - (SELECT min(ord) FROM ltc_unique)` : `, ${base} + row_number() OVER (ORDER BY ord) - 1`;
  const inFileOrder = isLog ? '' : ' ORDER BY ord';

  if ((await count(db, `SELECT count(*) FROM ${kind}`)) === 0) {
    // Rows that come straight from a scan of ltc_raw are in file order already (DuckDB keeps
    // insertion order): sorting a million rows by ord would only repeat it.
    const scanned = staged.inFileOrder && keys === rows;
    await db.exec(`INSERT INTO ${kind} (${columns.join(', ')}, batch_id${eventIndex})
      SELECT ${columns.join(', ')}, $1${eventIndexValue} FROM ltc_unique${scanned ? '' : inFileOrder}`, [batchId]);
    return { inserted: incoming, updated: 0, unchanged: 0, duplicates, keyRejects };
  }

  // One read of the stored rows finds the rows each incoming key replaces (by rowid) and whether an
  // incoming row is identical to its stored one (unchanged: not touched, it keeps its batch). An event
  // log's rows are all replaced.
  const same = columns.map((c) => `t.${c} IS NOT DISTINCT FROM u.${c}`).join(' AND ');
  await dropTemp(db, 'ltc_matched');
  await db.exec(`CREATE TEMP TABLE ltc_matched AS
    SELECT t.rowid AS stored, u.rec, ${isLog ? 'false' : same} AS unchanged
    FROM ${kind} t JOIN ltc_unique u ON ${keyMatch(kind, 't', 'u')}`);
  await dropTemp(db, 'ltc_incoming');
  await db.exec(`CREATE TEMP TABLE ltc_incoming AS
    SELECT u.*, coalesce(m.unchanged, false) AS unchanged
    FROM ltc_unique u LEFT JOIN (SELECT DISTINCT rec, unchanged FROM ltc_matched) m USING (rec)`);
  const replacedRows = 'SELECT stored FROM ltc_matched WHERE NOT unchanged';
  const replaced = await count(db, `SELECT count(*) FROM ltc_matched WHERE NOT unchanged`);
  await db.exec(`INSERT INTO ${kind}_replaced SELECT t.*, $1 AS replaced_by FROM ${kind} t WHERE t.rowid IN (${replacedRows})`, [batchId]);
  await db.exec(`DELETE FROM ${kind} WHERE rowid IN (${replacedRows})`);
  const unchanged = await count(db, 'SELECT count(*) FILTER (WHERE unchanged) FROM ltc_incoming');
  await db.exec(`INSERT INTO ${kind} (${columns.join(', ')}, batch_id${eventIndex})
    SELECT ${columns.join(', ')}, $1${eventIndexValue} FROM ltc_incoming WHERE NOT unchanged${inFileOrder}`, [batchId]);
  const updated = isLog ? 0 : replaced;
  return { inserted: incoming - unchanged - updated, updated, unchanged, duplicates, keyRejects };
}
