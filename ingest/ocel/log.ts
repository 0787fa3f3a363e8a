/**
 * The neutral shape every OCEL reader produces (OCEL 2.0's model: events and objects, each with
 * attributes and qualified relationships to objects), and the checks every file has to pass before
 * anything of it is loaded.
 */
import { ImportError } from '../errors.ts';
import { importReason } from '../../models/messages/import-errors.ts';
import type { Message } from '../../models/messages/catalogue.ts';

export type OcelFormat = 'ocel2-json' | 'ocel1-json' | 'ocel2-xml' | 'ocel2-sqlite';

/** An attribute value as the file has it (XML and SQLite values become strings, numbers or booleans). */
export type OcelValue = string | number | boolean | null | readonly OcelValue[] | { readonly [key: string]: OcelValue };

export interface OcelRelationship {
  readonly objectId: string;
  /** null in OCEL 1.0, which has no qualifiers */
  readonly qualifier: string | null;
}

export interface OcelEvent {
  readonly id: string;
  readonly activity: string;
  /** as written in the file; converted to UTC on loading */
  readonly time: string;
  readonly attributes: Readonly<Record<string, OcelValue>>;
  readonly relationships: readonly OcelRelationship[];
  /** 1-based line of the <event> in an XML file */
  readonly line?: number;
}

/** One value an object attribute took, from `time` on (no time: the value the object starts with). */
export interface OcelAttributeValue {
  readonly name: string;
  readonly time: string | null;
  readonly value: OcelValue;
}

export interface OcelObject {
  readonly id: string;
  readonly type: string;
  /** every value in file order, changes over time included */
  readonly attributes: readonly OcelAttributeValue[];
  readonly relationships: readonly OcelRelationship[];
  readonly line?: number;
}

export interface OcelLog {
  readonly format: OcelFormat;
  /** in file order: an event's position is its event_index */
  readonly events: readonly OcelEvent[];
  readonly objects: readonly OcelObject[];
  /** what the reader noticed and the report should say */
  readonly notes: readonly Message[];
}

/**
 * Refuses the whole file for an event without id, activity or time, an object without id or type,
 * an id given twice, or a relationship to an object the file does not define. Times are checked
 * where they are parsed (load.ts).
 */
export function checkLog(log: OcelLog, name: string): void {
  const objectIds = new Set<string>();
  for (const [index, object] of log.objects.entries()) {
    if (!object.id) throw new ImportError(name, importReason('ocel_object_without_id', { n: String(index + 1) }), object.line);
    if (!object.type) throw new ImportError(name, importReason('ocel_object_without_type', { id: object.id }), object.line);
    if (objectIds.has(object.id)) throw new ImportError(name, importReason('ocel_object_twice', { id: object.id }), object.line);
    objectIds.add(object.id);
  }
  const eventIds = new Set<string>();
  for (const [index, event] of log.events.entries()) {
    if (!event.id) throw new ImportError(name, importReason('ocel_event_without_id', { n: String(index + 1) }), event.line);
    if (!event.activity) throw new ImportError(name, importReason('ocel_event_without_activity', { id: event.id }), event.line);
    if (eventIds.has(event.id)) throw new ImportError(name, importReason('ocel_event_twice', { id: event.id }), event.line);
    eventIds.add(event.id);
    for (const r of event.relationships) {
      if (!objectIds.has(r.objectId)) {
        throw new ImportError(name, importReason('ocel_event_undefined_object', { id: event.id, object: r.objectId }), event.line);
      }
    }
  }
  for (const object of log.objects) {
    for (const r of object.relationships) {
      if (!objectIds.has(r.objectId)) {
        throw new ImportError(name, importReason('ocel_object_undefined_object', { id: object.id, object: r.objectId }), object.line);
      }
    }
  }
}
