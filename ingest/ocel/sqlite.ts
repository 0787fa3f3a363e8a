/**
 * OCEL 2.0 SQLite, read with sql.js (SQLite in WebAssembly; DuckDB has no SQLite extension here):
 * `event` and `object` name every event and object with its type; `event_map_type` and
 * `object_map_type` name the per-type tables `event_<map>` (time and attributes) and `object_<map>`
 * (attribute values over time: a row with `ocel_changed_field` set changes that one attribute).
 */
import { readFileSync } from 'node:fs';
import initSqlJs, { type Database as SqliteDatabase, type SqlValue } from 'sql.js';
import { ImportError } from '../errors.ts';
import { importReason } from '../../models/messages/import-errors.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import type { Message } from '../../models/messages/catalogue.ts';
import { quoteIdent } from '../quote.ts';
import type { OcelAttributeValue, OcelEvent, OcelLog, OcelObject, OcelRelationship, OcelValue } from './log.ts';

const REQUIRED = ['event', 'object', 'event_object'] as const;
const OWN_COLUMNS = new Set(['ocel_id', 'ocel_time', 'ocel_changed_field']);

/** True when the bytes start like an SQLite database. */
export function isSqlite(head: Buffer): boolean {
  return head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
}

type Row = Record<string, SqlValue>;

function rows(db: SqliteDatabase, sql: string): Row[] {
  const statement = db.prepare(sql);
  const out: Row[] = [];
  try {
    while (statement.step()) out.push(statement.getAsObject() as Row);
  } finally {
    statement.free();
  }
  return out;
}

const id = (value: SqlValue): string => (value === null || value instanceof Uint8Array ? '' : String(value));
const attributeValue = (value: SqlValue): OcelValue => (value instanceof Uint8Array ? null : value);
const time = (value: SqlValue): string | null => (value === null || value instanceof Uint8Array ? null : String(value));

/** Rows of a table in insertion order (rowid), or in any order when it has no rowid. */
function tableRows(db: SqliteDatabase, table: string): Row[] {
  try {
    return rows(db, `SELECT * FROM ${quoteIdent(table)} ORDER BY rowid`);
  } catch {
    return rows(db, `SELECT * FROM ${quoteIdent(table)}`);
  }
}

/** Reads an OCEL 2.0 SQLite file into the neutral shape; events in the order of the `event` table's rows. */
export async function readOcelSqlite(path: string, name: string): Promise<OcelLog> {
  const SQL = await initSqlJs();
  let db: SqliteDatabase;
  try {
    db = new SQL.Database(readFileSync(path));
  } catch (error) {
    throw new ImportError(name, importReason('sqlite_unreadable', { detail: (error as Error).message }));
  }
  try {
    return readTables(db, name);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(name, importReason('ocel_tables_unreadable', { detail: (error as Error).message }));
  } finally {
    db.close();
  }
}

function readTables(db: SqliteDatabase, name: string): OcelLog {
  const tables = new Set(rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r.name)));
  const missing = REQUIRED.filter((t) => !tables.has(t));
  if (missing.length) throw new ImportError(name, importReason('ocel_tables_missing', { tables: missing.join(', ') }));
  const notes: Message[] = [];
  const mapOf = (table: string) => new Map(tables.has(table)
    ? rows(db, `SELECT ocel_type, ocel_type_map FROM ${table}`).map((r) => [id(r.ocel_type), id(r.ocel_type_map)] as const) : []);

  // Per event type: time and attributes by event id.
  const eventTypes = mapOf('event_map_type');
  const details = new Map<string, { time: string | null; attributes: Record<string, OcelValue> }>();
  for (const [type, map] of eventTypes) {
    const table = `event_${map}`;
    if (!tables.has(table)) {
      notes.push(importNote('ocel_sqlite_missing_table', { table, type }));
      continue;
    }
    for (const row of tableRows(db, table)) {
      const attributes: Record<string, OcelValue> = {};
      for (const [column, value] of Object.entries(row)) if (!OWN_COLUMNS.has(column) && value !== null) attributes[column] = attributeValue(value);
      if (!details.has(id(row.ocel_id))) details.set(id(row.ocel_id), { time: time(row.ocel_time), attributes });
    }
  }

  const related = (table: string, from: string, to: string) => {
    const byId = new Map<string, OcelRelationship[]>();
    if (!tables.has(table)) return byId;
    for (const row of tableRows(db, table)) {
      const list = byId.get(id(row[from])) ?? [];
      list.push({ objectId: id(row[to]), qualifier: row.ocel_qualifier === null || row.ocel_qualifier === undefined ? null : String(row.ocel_qualifier) });
      byId.set(id(row[from]), list);
    }
    return byId;
  };
  const eventObjects = related('event_object', 'ocel_event_id', 'ocel_object_id');
  const objectObjects = related('object_object', 'ocel_source_id', 'ocel_target_id');

  const events: OcelEvent[] = tableRows(db, 'event').map((row) => {
    const eventId = id(row.ocel_id);
    const detail = details.get(eventId);
    return {
      id: eventId, activity: id(row.ocel_type), time: detail?.time ?? '', attributes: detail?.attributes ?? {},
      relationships: eventObjects.get(eventId) ?? [],
    };
  });
  const eventIds = new Set(events.map((e) => e.id));
  const stray = [...eventObjects.keys()].find((e) => !eventIds.has(e));
  if (stray !== undefined) throw new ImportError(name, importReason('ocel_stray_event', { event: stray }));

  // Per object type: attribute values over time.
  const values = new Map<string, OcelAttributeValue[]>();
  for (const [, map] of mapOf('object_map_type')) {
    const table = `object_${map}`;
    if (!tables.has(table)) continue;
    for (const row of tableRows(db, table)) {
      const objectId = id(row.ocel_id);
      const list = values.get(objectId) ?? [];
      const at = time(row.ocel_time);
      const changed = row.ocel_changed_field;
      if (typeof changed === 'string' && changed !== '') {
        if (changed in row && row[changed] !== null) list.push({ name: changed, time: at, value: attributeValue(row[changed]) });
      } else {
        for (const [column, value] of Object.entries(row)) {
          if (!OWN_COLUMNS.has(column) && value !== null) list.push({ name: column, time: at, value: attributeValue(value) });
        }
      }
      values.set(objectId, list);
    }
  }
  const objects: OcelObject[] = tableRows(db, 'object').map((row) => ({
    id: id(row.ocel_id), type: id(row.ocel_type), attributes: values.get(id(row.ocel_id)) ?? [],
    relationships: objectObjects.get(id(row.ocel_id)) ?? [],
  }));
  const objectIds = new Set(objects.map((o) => o.id));
  const source = [...objectObjects.keys()].find((o) => !objectIds.has(o));
  if (source !== undefined) throw new ImportError(name, importReason('ocel_stray_object', { object: source }));
  return { format: 'ocel2-sqlite', events, objects, notes };
}
