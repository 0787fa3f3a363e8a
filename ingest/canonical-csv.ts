/**
 * The canonical CSV adapter: a file whose header names canonical fields (or their obvious English
 * variants) is typed, checked row by row, de-duplicated and upserted into its table. Runs inside
 * the caller's transaction, so a failure anywhere leaves the database as it was.
 */
import { CONTRACT, type TableKind } from '../models/db/contract.ts';
import type { Database } from '../models/db/database.ts';
import { ImportError, type Reject } from './errors.ts';
import { detectKind, mapHeaders, missingRequired, type ColumnMapping } from './headers.ts';
import { recordAt, recordStarts } from './line-numbers.ts';
import { readCsvIntoRaw, type StructuralReject } from './read-csv.ts';
import { VALUE_MACROS, expectation, parseExpression, quoteIdent, quoteLiteral } from './values.ts';

export interface LoadedFile {
  readonly kind: TableKind;
  readonly mapping: ColumnMapping;
  readonly confidence: number;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsDuplicate: number;
  readonly rowsReplaced: number;
  readonly rejects: Reject[];
}

export async function loadCanonicalCsv(
  db: Database, path: string, name: string, batchId: number, kindOverride?: TableKind,
): Promise<LoadedFile> {
  const raw = await readCsvIntoRaw(db, path, name);
  const guess = kindOverride
    ? { kind: kindOverride, mapping: mapHeaders(kindOverride, raw.headers), confidence: 1 }
    : detectKind(raw.headers, name);
  if (!guess) {
    const header = `${raw.headers.slice(0, 8).join(', ')}${raw.headers.length > 8 ? ', …' : ''}`;
    throw new ImportError(name, `cannot tell which table this file holds from its header (${header}): each table needs its id and date columns, e.g. lead_id + created_at for leads, invoice_id + order_id + issued_at + amount for invoices (or name the table with ltc ingest --kind)`, 1);
  }
  const { kind, mapping } = guess;
  const missing = missingRequired(kind, mapping);
  if (missing.length > 0) {
    throw new ImportError(name, `a ${kind} file needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header has ${raw.headers.join(', ')}`, 1);
  }

  await db.exec(VALUE_MACROS);
  await typeRows(db, kind, mapping);
  const valueRejects = await findValueRejects(db, kind, mapping);
  const keyRejects = await settleDuplicates(db, kind);
  const lines = resolveLines(path, raw.structuralRejects, valueRejects.length + keyRejects.length > 0);
  const rejects: Reject[] = [
    ...raw.structuralRejects.map((r, i) => ({ line: lines.structural[i], column: r.column, reason: r.reason })),
    ...[...valueRejects, ...keyRejects].map((r) => ({ line: lines.ofRecord(r.rec), column: r.column, reason: r.reason })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const [{ duplicates }] = await db.query<{ duplicates: number }>(
    'SELECT ((SELECT count(*) FROM ltc_valid) - (SELECT count(*) FROM ltc_distinct))::INTEGER AS duplicates');
  const replaced = await upsert(db, kind, batchId);
  const [{ loaded }] = await db.query<{ loaded: number }>('SELECT count(*)::INTEGER AS loaded FROM ltc_unique');
  return {
    kind, mapping, confidence: guess.confidence,
    rowsRead: raw.rows + raw.structuralRejects.length,
    rowsLoaded: loaded, rowsDuplicate: Number(duplicates), rowsReplaced: replaced, rejects,
  };
}

/** ltc_typed: one row per raw record, canonical columns parsed, raw text kept beside for checks. */
async function typeRows(db: Database, kind: TableKind, mapping: ColumnMapping): Promise<void> {
  const columns = ['ltc_rec AS rec'];
  for (const field of CONTRACT[kind].fields) {
    const source = mapping.fields[field.name];
    columns.push(source === undefined
      ? `NULL::${field.type === 'timestamp' ? 'TIMESTAMP' : field.type === 'number' ? 'DOUBLE' : field.type === 'boolean' ? 'BOOLEAN' : 'VARCHAR'} AS ${field.name}`
      : `${parseExpression(field.type, source)} AS ${field.name}`);
  }
  const extras = mapping.extra.map((h) => `${quoteLiteral(h)}, ${quoteIdent(h)}`);
  columns.push(extras.length ? `json_object(${extras.join(', ')}) AS attributes` : 'NULL::JSON AS attributes');
  await db.exec('DROP TABLE IF EXISTS ltc_typed');
  await db.exec(`CREATE TEMP TABLE ltc_typed AS SELECT ${columns.join(',\n  ')} FROM ltc_raw ORDER BY ltc_rec`);
}

type RecordReject = { rec: number; column: string; reason: string };

/** Missing required values and values that do not parse; ltc_valid holds the rest. */
async function findValueRejects(db: Database, kind: TableKind, mapping: ColumnMapping): Promise<RecordReject[]> {
  const checks: string[] = [];
  for (const field of CONTRACT[kind].fields) {
    const source = mapping.fields[field.name];
    if (source === undefined) continue;
    const rawText = `ltc_text(r.${quoteIdent(source)})`;
    const column = quoteLiteral(source);
    if (field.required) {
      checks.push(`SELECT t.rec, ${column} AS "column", ${quoteLiteral(`${field.name} is missing`)} AS reason
        FROM ltc_typed t JOIN ltc_raw r ON r.ltc_rec = t.rec WHERE ${rawText} IS NULL`);
    }
    if (field.type !== 'id' && field.type !== 'text') {
      checks.push(`SELECT t.rec, ${column}, '${field.name}: "' || ${rawText} || '" ${expectation(field.type)}'
        FROM ltc_typed t JOIN ltc_raw r ON r.ltc_rec = t.rec WHERE ${rawText} IS NOT NULL AND t.${field.name} IS NULL`);
    }
  }
  await db.exec('DROP TABLE IF EXISTS ltc_value_rejects');
  await db.exec(`CREATE TEMP TABLE ltc_value_rejects AS ${checks.length ? checks.join('\nUNION ALL\n') : 'SELECT NULL::BIGINT AS rec, NULL AS "column", NULL AS reason WHERE false'}`);
  await db.exec('DROP TABLE IF EXISTS ltc_valid');
  await db.exec(`CREATE TEMP TABLE ltc_valid AS
    SELECT * FROM ltc_typed WHERE rec NOT IN (SELECT rec FROM ltc_value_rejects) ORDER BY rec`);
  return db.query<RecordReject>(
    'SELECT rec::DOUBLE AS rec, "column", min(reason) AS reason FROM ltc_value_rejects GROUP BY rec, "column" ORDER BY rec');
}

/**
 * Exact duplicate rows collapse into one (ltc_unique). Two different rows with the same key in one
 * file cannot both be right: the later ones are rejected naming the line of the first.
 * Event logs have no key and keep every row (process mining counts repeated events).
 */
async function settleDuplicates(db: Database, kind: TableKind): Promise<RecordReject[]> {
  const spec = CONTRACT[kind];
  const columns = [...spec.fields.map((f) => f.name), 'attributes'];
  await db.exec('DROP TABLE IF EXISTS ltc_distinct');
  if (spec.key.length === 0) {
    await db.exec('CREATE TEMP TABLE ltc_distinct AS SELECT * FROM ltc_valid');
  } else {
    await db.exec(`CREATE TEMP TABLE ltc_distinct AS
      SELECT min(rec) AS rec, ${columns.join(', ')} FROM ltc_valid GROUP BY ALL ORDER BY rec`);
  }
  const key = spec.key.length ? spec.key : ['rec'];
  const keyText = key.map((k) => `coalesce(${k}::VARCHAR, '')`).join(` || ' / ' || `);
  await db.exec('DROP TABLE IF EXISTS ltc_ranked');
  await db.exec(`CREATE TEMP TABLE ltc_ranked AS SELECT *,
      row_number() OVER (PARTITION BY ${key.join(', ')} ORDER BY rec) AS key_rank,
      first_value(rec) OVER (PARTITION BY ${key.join(', ')} ORDER BY rec) AS first_rec
    FROM ltc_distinct`);
  await db.exec('DROP TABLE IF EXISTS ltc_unique');
  await db.exec(`CREATE TEMP TABLE ltc_unique AS SELECT ${['rec', ...columns].join(', ')} FROM ltc_ranked WHERE key_rank = 1 ORDER BY rec`);
  const conflicts = await db.query<{ rec: number; key: string; first_rec: number }>(
    `SELECT rec::DOUBLE AS rec, ${keyText} AS key, first_rec::DOUBLE AS first_rec FROM ltc_ranked WHERE key_rank > 1 ORDER BY rec`);
  return conflicts.map((c) => ({
    rec: c.rec, column: spec.key.join(', '),
    reason: `duplicate ${spec.key.join(' + ')} ${c.key} with different values than the earlier row of the same file (record ${c.first_rec + 1})`,
  }));
}

/** Replaces rows with the same key (event logs: the same case) and inserts the file's rows. */
async function upsert(db: Database, kind: TableKind, batchId: number): Promise<number> {
  const spec = CONTRACT[kind];
  const key = spec.key.length ? spec.key : ['case_id'];
  const match = `(${key.join(', ')}) IN (SELECT (${key.join(', ')}) FROM ltc_unique)`;
  const [{ replaced }] = await db.query<{ replaced: number }>(
    `SELECT count(*)::INTEGER AS replaced FROM ${kind} WHERE ${key.length === 1 ? `${key[0]} IN (SELECT ${key[0]} FROM ltc_unique)` : match}`);
  await db.exec(`DELETE FROM ${kind} WHERE ${key.length === 1 ? `${key[0]} IN (SELECT ${key[0]} FROM ltc_unique)` : match}`);
  const fields = spec.fields.map((f) => f.name);
  const extra = kind === 'events' ? ', event_index' : '';
  const extraValue = kind === 'events'
    ? ', (SELECT coalesce(max(event_index), -1) FROM events) + row_number() OVER (ORDER BY rec)'
    : '';
  await db.exec(`INSERT INTO ${kind} (${fields.join(', ')}, attributes, batch_id${extra})
    SELECT ${fields.join(', ')}, attributes, $1${extraValue} FROM ltc_unique ORDER BY rec`, [batchId]);
  return replaced;
}

/**
 * Physical lines for rejects: the reader's rejects by their byte position, and the loaded records
 * (numbered by ltc_rec, which skips the reader's rejects) by their place among the rest.
 * The file is scanned only when some reject needs it.
 */
function resolveLines(path: string, structural: readonly StructuralReject[], recordsNeeded: boolean) {
  if (structural.length === 0 && !recordsNeeded) return { structural: [], ofRecord: () => null };
  const starts = recordStarts(path);
  const skipped = new Set(structural.map((r) => recordAt(starts, r.bytePosition)));
  const loaded = starts.filter((_, i) => !skipped.has(i));
  return {
    structural: structural.map((r) => starts[recordAt(starts, r.bytePosition)]?.line ?? null),
    ofRecord: (rec: number): number | null => loaded[rec]?.line ?? null,
  };
}
