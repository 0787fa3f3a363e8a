/**
 * An OCEL log into the four ocel_* tables for one batch, inside the caller's transaction: checked
 * whole first (an OCEL file is all or nothing), written as JSON lines to the temp folder and read
 * by DuckDB with explicit column types.
 *
 * - Times: with an offset converted to UTC, naive kept as given (docs/data-contract.md); event_index is the
 *   event's position in the file and breaks timestamp ties.
 * - Object attributes that change over time: `attributes` holds the latest value of each; when an
 *   attribute took more than one value, `attributes.__history` lists those values as
 *   `{name, time, value}` in time order (times as UTC like the events').
 * - A relation given twice with the same qualifier is loaded once; the same pair with different
 *   qualifiers is kept as separate relations, as OCEL 2.0 means it.
 * - An event id another batch already loaded refuses the file: loading it again would count it twice.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Database } from '../../models/db/database.ts';
import { OCEL_TABLES } from '../../models/db/schema.ts';
import { ImportError } from '../errors.ts';
import type { Message } from '../../models/messages/catalogue.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import { importReason } from '../../models/messages/import-errors.ts';
import { quoteLiteral } from '../quote.ts';
import { dropTemp } from '../temp-tables.ts';
import { checkLog, type OcelAttributeValue, type OcelFormat, type OcelLog, type OcelRelationship, type OcelValue } from './log.ts';
import { readOcel, type OcelSyntax } from './read.ts';
import { hasUtcOffset, timeOrder, utcTimestamp } from './time.ts';


export interface OcelLoad {
  readonly format: OcelFormat;
  readonly events: number;
  readonly objects: number;
  readonly eventObjects: number;
  readonly objectObjects: number;
  readonly notes: Message[];
}

/** Reads, checks and loads one OCEL file as batch `batchId`. */
export async function loadOcel(db: Database, path: string, name: string, syntax: OcelSyntax, tmpDir: string, batchId: number): Promise<OcelLoad> {
  const log = await readOcel(path, name, syntax);
  if (log.events.length === 0) throw new ImportError(name, importReason('ocel_no_events'));
  checkLog(log, name);
  const times = log.events.map((event) => {
    const utc = utcTimestamp(event.time);
    if (utc === null) {
      const reason = event.time ? importReason('ocel_time_invalid', { id: event.id, time: event.time }) : importReason('ocel_time_missing', { id: event.id });
      throw new ImportError(name, reason, event.line);
    }
    return utc;
  });

  const files = Object.fromEntries(OCEL_TABLES.map((t) => [t, join(tmpDir, `${t}-${batchId}-${Date.now()}.ndjson`)])) as Record<(typeof OCEL_TABLES)[number], string>;
  let repeated = 0;
  const unique = (relationships: readonly OcelRelationship[]): OcelRelationship[] => {
    const seen = new Set<string>();
    const kept = relationships.filter((r) => {
      const key = `${r.objectId}\u0000${r.qualifier ?? '\u0001'}`;
      return !seen.has(key) && seen.add(key);
    });
    repeated += relationships.length - kept.length;
    return kept;
  };
  await writeLines(files.ocel_events, log.events.map((e, i) => ({
    event_id: e.id, activity: e.activity, timestamp: times[i], event_index: i,
    attributes: Object.keys(e.attributes).length ? e.attributes : null,
  })));
  await writeLines(files.ocel_objects, log.objects.map((o) => ({ object_id: o.id, object_type: o.type, attributes: objectAttributes(o.attributes) })));
  const eventObjects = log.events.flatMap((e) => unique(e.relationships).map((r) => ({ event_id: e.id, object_id: r.objectId, qualifier: r.qualifier })));
  await writeLines(files.ocel_event_objects, eventObjects);
  const objectObjects = log.objects.flatMap((o) => unique(o.relationships).map((r) => ({ source_id: o.id, target_id: r.objectId, qualifier: r.qualifier })));
  await writeLines(files.ocel_object_objects, objectObjects);

  await db.exec(`CREATE OR REPLACE TEMP TABLE ltc_ocel_events AS
    SELECT event_id, activity, CAST(timestamp AS TIMESTAMP) AS timestamp, event_index, attributes FROM ${readJson(files.ocel_events,
    { event_id: 'VARCHAR', activity: 'VARCHAR', timestamp: 'VARCHAR', event_index: 'BIGINT', attributes: 'JSON' })}`);
  try {
    await refuseLoadedEvents(db, name);
    await db.exec(`INSERT INTO ocel_events SELECT event_id, activity, timestamp, event_index, attributes, $1 FROM ltc_ocel_events`, [batchId]);
  } finally {
    await dropTemp(db, 'ltc_ocel_events');
  }
  await db.exec(`INSERT INTO ocel_objects SELECT object_id, object_type, attributes, $1 FROM ${readJson(files.ocel_objects,
    { object_id: 'VARCHAR', object_type: 'VARCHAR', attributes: 'JSON' })}`, [batchId]);
  await db.exec(`INSERT INTO ocel_event_objects SELECT event_id, object_id, qualifier, $1 FROM ${readJson(files.ocel_event_objects,
    { event_id: 'VARCHAR', object_id: 'VARCHAR', qualifier: 'VARCHAR' })}`, [batchId]);
  await db.exec(`INSERT INTO ocel_object_objects SELECT source_id, target_id, qualifier, $1 FROM ${readJson(files.ocel_object_objects,
    { source_id: 'VARCHAR', target_id: 'VARCHAR', qualifier: 'VARCHAR' })}`, [batchId]);

  const types = [...new Set(log.objects.map((o) => o.type))].sort();
  const shown = types.length > 8 ? [...types.slice(0, 8), '…'] : types;
  const counts = {
    events: String(log.events.length), objects: String(log.objects.length), types: types.length,
    eventObjects: String(eventObjects.length), objectObjects: String(objectObjects.length),
  };
  const notes = [
    types.length ? importNote('ocel_counts_typed', { ...counts, list: shown.join(', ') }) : importNote('ocel_counts', counts),
    timeNote(log),
    ...log.notes,
  ];
  if (repeated > 0) notes.push(importNote('ocel_repeated_relations', { n: repeated }));
  return { format: log.format, events: log.events.length, objects: log.objects.length, eventObjects: eventObjects.length, objectObjects: objectObjects.length, notes };
}

function readJson(path: string, columns: Record<string, string>): string {
  const spec = Object.entries(columns).map(([name, type]) => `${name}: ${quoteLiteral(type)}`).join(', ');
  return `read_json(${quoteLiteral(path)}, format = 'newline_delimited', columns = {${spec}})`;
}

/** Refuses the file when another batch holds one of its event ids: "undo batch N first". */
async function refuseLoadedEvents(db: Database, name: string): Promise<void> {
  const [held] = await db.query<{ batch_id: number; file_name: string | null; n: number; example: string }>(
    `SELECT o.batch_id, b.file_name, count(*)::INTEGER AS n, min(o.event_id) AS example
     FROM ocel_events o JOIN ltc_ocel_events s ON s.event_id = o.event_id LEFT JOIN import_batches b ON b.batch_id = o.batch_id
     WHERE b.undone_at IS NULL GROUP BY o.batch_id, b.file_name ORDER BY o.batch_id LIMIT 1`);
  if (!held) return;
  const values = { n: String(held.n), example: held.example, batch: String(held.batch_id), source: held.file_name ? ` (${held.file_name})` : '' };
  throw new ImportError(name, importReason(held.n === 1 ? 'ocel_event_loaded' : 'ocel_events_loaded', values));
}

/** The latest value of each attribute, with the values over time under `__history` where there were several. */
function objectAttributes(values: readonly OcelAttributeValue[]): Record<string, OcelValue> | null {
  if (values.length === 0) return null;
  const timed = values.map((v, order) => ({ ...v, time: v.time === null ? null : utcTimestamp(v.time) ?? v.time, order }));
  const inTime = [...timed].sort((a, b) => timeOrder(a.time).localeCompare(timeOrder(b.time)) || a.order - b.order);
  const attributes: Record<string, OcelValue> = {};
  const counts = new Map<string, number>();
  for (const v of timed) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
  for (const name of counts.keys()) attributes[name] = null; // keys in the file's order
  for (const v of inTime) attributes[v.name] = v.value;
  const history = inTime.filter((v) => counts.get(v.name)! > 1).map((v) => ({ name: v.name, time: v.time, value: v.value }));
  if (history.length) attributes.__history = history;
  return attributes;
}

function timeNote(log: OcelLog): Message {
  const withOffset = log.events.filter((e) => hasUtcOffset(e.time)).length;
  if (withOffset === log.events.length) return importNote('ocel_times_utc');
  if (withOffset === 0) return importNote('ocel_times_local');
  return importNote('ocel_times_mixed', { withOffset: String(withOffset), without: String(log.events.length - withOffset) });
}

/** Rows as JSON lines, written in chunks with back-pressure. */
async function writeLines(path: string, rows: Iterable<object>): Promise<void> {
  const out = createWriteStream(path, 'utf8');
  try {
    let chunk = '';
    for (const row of rows) {
      chunk += `${JSON.stringify(row)}\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.write(chunk);
  } finally {
    out.end();
    await once(out, 'close');
  }
}
