/**
 * OCEL 2.0 JSON export (ocel-standard.org): the events of a log with the objects they happened to.
 * Every event relates to its own object (qualifier = the object's type) and to its case (qualifier
 * "case"), so flattening the export on the object type `case` gives back the log's case view.
 * For the LTC log the objects are the CRM/ERP records — lead, opportunity, quote, order, delivery,
 * invoice, payment — with their attributes and how they link (opportunity → lead, quote →
 * opportunity, order → opportunity or lead, delivery and invoice → order, payment → invoice or order).
 * Object ids carry their type (`order:SO-1`), as OCEL ids are unique across types.
 *
 * Attribute values are written as strings ("1000.5", "true"), their types declared in objectTypes:
 * the standard's JSON Schema (ocel20-schema-json.json, tests/fixtures/schemas/) types every
 * attribute value as a string, as the specification's own example does ("po_quantity": "500").
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database } from '../db/database.ts';
import { LTC_LOG, onEventLog, type EventLogView } from '../event-log.ts';
import { sqlFile } from '../sql-files.ts';
import { write, type ExportCounts } from './xes.ts';

const STATIC_TIME = '1970-01-01T00:00:00Z';

interface ObjectRow {
  object_type: string;
  object_id: string;
  attributes: string | null;
}

interface RelationRow {
  source_type: string;
  source_id: string;
  target_type: string;
  target_id: string;
  qualifier: string;
}

interface EventRow {
  case_id: string;
  activity: string;
  timestamp: string;
  lifecycle: string | null;
  resource: string | null;
  object_type: string | null;
  object_id: string | null;
}

export const objectId = (type: string, id: string): string => `${type}:${id}`;

type Value = string | number | boolean;

function attributeType(value: Value): string {
  if (typeof value === 'number') return 'float';
  if (typeof value === 'boolean') return 'boolean';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) ? 'time' : 'string';
}

export async function writeOcel(db: Database, view: EventLogView, path: string): Promise<ExportCounts & { objects: number }> {
  const ltc = view.log === LTC_LOG;
  const events = await db.query<EventRow>(...onEventLog(`
    SELECT case_id, activity, strftime(event_log.timestamp, '%Y-%m-%dT%H:%M:%S.%gZ') AS timestamp,
      lifecycle, resource, object_type, object_id
    FROM {{event_log}}
    ORDER BY event_log.timestamp, tie_batch, tie_index, case_id`, view));
  const records = ltc ? await db.query<ObjectRow>(sqlFile('export-ocel-objects.sql')) : [];
  const links = ltc ? await db.query<RelationRow>(sqlFile('export-ocel-links.sql')) : [];

  // Objects: the records (with attributes), every object an event names, and the cases.
  const objects = new Map<string, { id: string; type: string; attributes: Record<string, Value>; relationships: { objectId: string; qualifier: string }[] }>();
  const addObject = (type: string, id: string, attributes: Record<string, Value> = {}) => {
    const key = objectId(type, id);
    let object = objects.get(key);
    if (!object) objects.set(key, object = { id: key, type, attributes, relationships: [] });
    return object;
  };
  for (const r of records) {
    const attributes = Object.entries(r.attributes ? JSON.parse(r.attributes) as Record<string, Value | null> : {})
      .filter((entry): entry is [string, Value] => entry[1] !== null);
    addObject(r.object_type, r.object_id, Object.fromEntries(attributes));
  }
  // The cases an object's events belong to (a payment can pay invoices of two cases).
  const casesOf = new Map<string, Set<string>>();
  for (const e of events) {
    addObject('case', e.case_id);
    if (e.object_type && e.object_id) {
      addObject(e.object_type, e.object_id);
      const key = objectId(e.object_type, e.object_id);
      if (!casesOf.has(key)) casesOf.set(key, new Set());
      casesOf.get(key)!.add(e.case_id);
    }
  }
  for (const l of links) {
    const source = objects.get(objectId(l.source_type, l.source_id));
    if (source && objects.has(objectId(l.target_type, l.target_id))) {
      source.relationships.push({ objectId: objectId(l.target_type, l.target_id), qualifier: l.qualifier });
    }
  }
  for (const [key, caseIds] of casesOf) {
    for (const caseId of caseIds) objects.get(key)!.relationships.push({ objectId: objectId('case', caseId), qualifier: 'case' });
  }

  const objectTypes = new Map<string, Map<string, string>>();
  for (const o of objects.values()) {
    const attrs = objectTypes.get(o.type) ?? new Map<string, string>();
    objectTypes.set(o.type, attrs);
    for (const [name, value] of Object.entries(o.attributes)) if (!attrs.has(name)) attrs.set(name, attributeType(value));
  }
  const eventTypes = new Map<string, Set<string>>();
  for (const e of events) {
    const attrs = eventTypes.get(e.activity) ?? new Set<string>();
    eventTypes.set(e.activity, attrs);
    if (e.lifecycle) attrs.add('lifecycle');
    if (e.resource) attrs.add('resource');
  }

  const out = createWriteStream(path, 'utf8');
  try {
    const types = (m: Map<string, Iterable<[string, string]>>) => [...m].map(([name, attrs]) => ({
      name, attributes: [...attrs].map(([attribute, type]) => ({ name: attribute, type })),
    }));
    await write(out, `{"objectTypes":${JSON.stringify(types(objectTypes))},`);
    await write(out, `"eventTypes":${JSON.stringify(types(new Map([...eventTypes].map(([k, v]) => [k, [...v].map((a) => [a, 'string'] as [string, string])]))))},`);
    await write(out, '"objects":[');
    let first = true;
    for (const o of objects.values()) {
      const attributes = Object.entries(o.attributes).map(([name, value]) => ({ name, time: STATIC_TIME, value: String(value) }));
      await write(out, `${first ? '' : ','}\n${JSON.stringify({ id: o.id, type: o.type, attributes, relationships: o.relationships })}`);
      first = false;
    }
    await write(out, '\n],"events":[');
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      const attributes = [
        ...(e.lifecycle ? [{ name: 'lifecycle', value: e.lifecycle }] : []),
        ...(e.resource ? [{ name: 'resource', value: e.resource }] : []),
      ];
      const relationships = [
        ...(e.object_type && e.object_id ? [{ objectId: objectId(e.object_type, e.object_id), qualifier: e.object_type }] : []),
        { objectId: objectId('case', e.case_id), qualifier: 'case' },
      ];
      await write(out, `${i ? ',' : ''}\n${JSON.stringify({ id: `e${i + 1}`, type: e.activity, time: e.timestamp, attributes, relationships })}`);
    }
    await write(out, '\n]}\n');
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { cases: new Set(events.map((e) => e.case_id)).size, events: events.length, objects: objects.size };
}
