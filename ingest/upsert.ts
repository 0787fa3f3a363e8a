/**
 * De-duplication and upsert of typed rows (ltc_valid) into a canonical table. Exact duplicate rows
 * of a file collapse into one; two different rows with one key in a file are a reject. Against the
 * table, a row whose key is new is inserted, an identical row is left alone (unchanged) and a
 * different one replaces the old, which is archived in <kind>_replaced so the batch can be undone.
 * Event logs have no key: a file's events replace the events of the same case and object type.
 */
import { CONTRACT, type TableKind } from '../models/db/contract.ts';
import type { Database } from '../models/db/database.ts';
import type { RecordReject } from './load-target.ts';

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

export async function upsertStaged(db: Database, kind: TableKind, batchId: number): Promise<UpsertCounts> {
  const spec = CONTRACT[kind];
  const columns = [...spec.fields.map((f) => f.name), 'attributes'];
  const isLog = spec.key.length === 0;
  const key = keyOf(kind);

  await db.exec('DROP TABLE IF EXISTS ltc_unique');
  let keyRejects: RecordReject[] = [];
  if (isLog) {
    await db.exec('CREATE TEMP TABLE ltc_unique AS SELECT * FROM ltc_valid');
  } else {
    await db.exec('DROP TABLE IF EXISTS ltc_ranked');
    await db.exec(`CREATE TEMP TABLE ltc_ranked AS
      SELECT *, row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY rec) AS key_rank,
        first_value(rec) OVER (PARTITION BY ${key.join(', ')} ORDER BY rec) AS first_rec
      FROM (SELECT min(rec) AS rec, ${columns.join(', ')} FROM ltc_valid GROUP BY ALL)`);
    await db.exec(`CREATE TEMP TABLE ltc_unique AS SELECT rec, ${columns.join(', ')} FROM ltc_ranked WHERE key_rank = 1 ORDER BY rec`);
    const keyText = key.map((k) => `coalesce(${k}::VARCHAR, '')`).join(` || ' / ' || `);
    const conflicts = await db.query<{ rec: number; key: string; first_rec: number }>(
      `SELECT rec::DOUBLE AS rec, ${keyText} AS key, first_rec::DOUBLE AS first_rec FROM ltc_ranked WHERE key_rank > 1 ORDER BY rec`);
    keyRejects = conflicts.map((c) => ({
      rec: c.rec, column: key.join(', '),
      reason: `duplicate ${key.join(' + ')} ${c.key}: another row of this file has the same id with different values`,
    }));
  }
  const [{ duplicates }] = await db.query<{ duplicates: number }>(isLog ? 'SELECT 0 AS duplicates'
    : `SELECT ((SELECT count(*) FROM ltc_valid) - (SELECT count(*) FROM ltc_ranked))::INTEGER AS duplicates`);

  // unchanged: identical to the stored row; those are not touched (they keep their batch).
  const same = columns.map((c) => `t.${c} IS NOT DISTINCT FROM u.${c}`).join(' AND ');
  await db.exec('DROP TABLE IF EXISTS ltc_incoming');
  await db.exec(isLog
    ? 'CREATE TEMP TABLE ltc_incoming AS SELECT *, false AS unchanged FROM ltc_unique'
    : `CREATE TEMP TABLE ltc_incoming AS SELECT u.*, EXISTS (SELECT 1 FROM ${kind} t WHERE ${keyMatch(kind, 't', 'u')} AND ${same}) AS unchanged FROM ltc_unique u`);
  const replacedWhere = isLog
    ? `EXISTS (SELECT 1 FROM ltc_incoming u WHERE ${keyMatch(kind, 't', 'u')})`
    : `EXISTS (SELECT 1 FROM ltc_incoming u WHERE NOT u.unchanged AND ${keyMatch(kind, 't', 'u')})`;
  const [{ replaced }] = await db.query<{ replaced: number }>(`SELECT count(*)::INTEGER AS replaced FROM ${kind} t WHERE ${replacedWhere}`);
  await db.exec(`INSERT INTO ${kind}_replaced SELECT t.*, $1 AS replaced_by FROM ${kind} t WHERE ${replacedWhere}`, [batchId]);
  await db.exec(`DELETE FROM ${kind} t WHERE ${replacedWhere}`);
  const [{ unchanged, incoming }] = await db.query<{ unchanged: number; incoming: number }>(
    'SELECT count(*) FILTER (WHERE unchanged)::INTEGER AS unchanged, count(*)::INTEGER AS incoming FROM ltc_incoming');
  const eventIndex = isLog ? ', event_index' : '';
  const eventIndexValue = isLog ? ', (SELECT coalesce(max(event_index), -1) FROM events) + row_number() OVER (ORDER BY rec)' : '';
  await db.exec(`INSERT INTO ${kind} (${columns.join(', ')}, batch_id${eventIndex})
    SELECT ${columns.join(', ')}, $1${eventIndexValue} FROM ltc_incoming WHERE NOT unchanged ORDER BY rec`, [batchId]);
  const updated = isLog ? 0 : replaced;
  return {
    inserted: incoming - unchanged - updated, updated, unchanged, duplicates: Number(duplicates), keyRejects,
  };
}
