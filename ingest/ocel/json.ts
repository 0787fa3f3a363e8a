/**
 * OCEL JSON: OCEL 2.0 (`objectTypes`, `eventTypes`, `objects`, `events` arrays) and OCEL 1.0
 * (`ocel:global-log`, and `ocel:events` / `ocel:objects` maps keyed by id, without qualifiers).
 */
import { readFileSync } from 'node:fs';
import { ImportError } from '../errors.ts';
import { importReason } from '../../models/messages/import-errors.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import type { OcelAttributeValue, OcelEvent, OcelLog, OcelObject, OcelRelationship, OcelValue } from './log.ts';

type Json = OcelValue;
type JsonObject = { readonly [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): readonly Json[] => (Array.isArray(value) ? value : []);
/** An id or name as text: OCEL writers put numbers where strings belong now and then. */
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** True when a parsed JSON document is an OCEL log (2.0 or 1.0). */
export function isOcelJson(doc: unknown): boolean {
  return isObject(doc) && (('events' in doc && 'objects' in doc && ('objectTypes' in doc || 'eventTypes' in doc))
    || 'ocel:events' in doc || 'ocel:global-log' in doc);
}

/** Reads an OCEL JSON file whole (JSON cannot be streamed without a streaming parser). */
export function readOcelJson(path: string, name: string): OcelLog {
  const source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    throw new ImportError(name, importReason('json_invalid', { detail: (error as Error).message }));
  }
  if (!isOcelJson(doc)) throw new ImportError(name, importReason('ocel_json_unknown'));
  return 'ocel:events' in (doc as JsonObject) || 'ocel:global-log' in (doc as JsonObject)
    ? readOcel1(doc as JsonObject, source, name)
    : readOcel2(doc as JsonObject);
}

function relationships(value: unknown): OcelRelationship[] {
  return list(value).filter(isObject).map((r) => ({
    objectId: text(r.objectId),
    qualifier: typeof r.qualifier === 'string' ? r.qualifier : null,
  }));
}

function readOcel2(doc: JsonObject): OcelLog {
  const events: OcelEvent[] = list(doc.events).map((e) => {
    const event = isObject(e) ? e : {};
    const attributes: Record<string, Json> = {};
    for (const a of list(event.attributes).filter(isObject)) attributes[text(a.name)] = a.value ?? null;
    return {
      id: text(event.id), activity: text(event.type), time: typeof event.time === 'string' ? event.time : '',
      attributes, relationships: relationships(event.relationships),
    };
  });
  const objects: OcelObject[] = list(doc.objects).map((o) => {
    const object = isObject(o) ? o : {};
    const attributes: OcelAttributeValue[] = list(object.attributes).filter(isObject).map((a) => ({
      name: text(a.name), time: typeof a.time === 'string' ? a.time : null, value: a.value ?? null,
    }));
    return { id: text(object.id), type: text(object.type), attributes, relationships: relationships(object.relationships) };
  });
  return { format: 'ocel2-json', events, objects, notes: [] };
}

function readOcel1(doc: JsonObject, source: string, name: string): OcelLog {
  const eventMap = isObject(doc['ocel:events']) ? doc['ocel:events'] : {};
  const objectMap = isObject(doc['ocel:objects']) ? doc['ocel:objects'] : {};
  // JSON.parse orders integer-like keys numerically and keeps the last of a repeated key: the file's
  // own order (event_index) and repeated event ids are read from the text.
  const eventIds = memberKeys(source, 'ocel:events') ?? Object.keys(eventMap);
  const repeated = eventIds.find((id, i) => eventIds.indexOf(id) !== i);
  if (repeated !== undefined) throw new ImportError(name, importReason('ocel_event_twice', { id: repeated }));
  const events: OcelEvent[] = eventIds.map((id) => {
    const event = isObject(eventMap[id]) ? eventMap[id] as JsonObject : {};
    return {
      id, activity: text(event['ocel:activity']),
      time: typeof event['ocel:timestamp'] === 'string' ? event['ocel:timestamp'] : '',
      attributes: isObject(event['ocel:vmap']) ? event['ocel:vmap'] : {},
      relationships: list(event['ocel:omap']).map((objectId) => ({ objectId: text(objectId), qualifier: null })),
    };
  });
  const objects: OcelObject[] = Object.entries(objectMap).map(([id, o]) => {
    const object = isObject(o) ? o : {};
    const values = isObject(object['ocel:ovmap']) ? object['ocel:ovmap'] : {};
    return {
      id, type: text(object['ocel:type']),
      attributes: Object.entries(values).map(([key, value]) => ({ name: key, time: null, value })),
      relationships: [],
    };
  });
  return { format: 'ocel1-json', events, objects, notes: [importNote('ocel1_no_qualifiers')] };
}

/**
 * The keys of the top-level member `member` (an object) in the order the text has them, repeats
 * included; null when there is no such member. A scan that skips strings and counts brackets.
 */
export function memberKeys(source: string, member: string): string[] | null {
  let depth = 0;
  let i = 0;
  /** the string starting at source[i] (a quote), decoded; i moves past it */
  const readString = (): string => {
    const start = i;
    for (i++; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '"') break;
    }
    i++;
    return JSON.parse(source.slice(start, i)) as string;
  };
  // containers[d]: whether the container at depth d is an object; expectKey: a string here is a key
  const containers: boolean[] = [];
  let expectKey = false;
  let target = -1; // depth of the member's object once found
  let pendingMember = false;
  const keys: string[] = [];
  while (i < source.length) {
    const c = source[i];
    if (c === '"') {
      const isKey = expectKey;
      const value = readString();
      if (isKey) {
        expectKey = false;
        if (depth === 1 && target === -1) pendingMember = value === member;
        else if (depth === target) keys.push(value);
      }
      continue;
    }
    if (c === '{' || c === '[') {
      containers[++depth] = c === '{';
      expectKey = c === '{';
      if (pendingMember && depth === 2 && c === '{') target = 2;
      pendingMember = false;
    } else if (c === '}' || c === ']') {
      if (depth === target) return keys;
      depth--;
      expectKey = false;
    } else if (c === ',') {
      expectKey = containers[depth] === true;
      if (depth === 1) pendingMember = false;
    }
    i++;
  }
  return target === -1 ? null : keys;
}
