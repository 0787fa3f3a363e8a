/**
 * OCEL logs flattened on each object type (`--log ocel:<type>`), against a flattening this test does
 * itself from the file (JSON.parse; for SQLite, sql.js and plain SQL): an event related to objects of
 * the type is an event of each such object's case; events in time order, ties by file order.
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { eventLogs } from '../../models/event-log.ts';
import { processMap } from '../../models/process-map.ts';
import { variants } from '../../models/variants.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

interface OcelEvent { activity: string; time: number; objects: string[] }
interface Ocel { events: OcelEvent[]; types: Map<string, string> }

/** Epoch ms; times without an offset are read as UTC (as stored). */
const epoch = (t: string) => Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t.replace(' ', 'T')}Z`);

function ocel2Json(path: string): Ocel {
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    events: { time: string; type: string; relationships?: { objectId: string }[] }[];
    objects: { id: string; type: string }[];
  };
  return {
    events: log.events.map((e) => ({ activity: e.type, time: epoch(e.time), objects: (e.relationships ?? []).map((r) => r.objectId) })),
    types: new Map(log.objects.map((o) => [o.id, o.type])),
  };
}

function ocel1Json(path: string): Ocel {
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    'ocel:events': Record<string, { 'ocel:activity': string; 'ocel:timestamp': string; 'ocel:omap': string[] }>;
    'ocel:objects': Record<string, { 'ocel:type': string }>;
  };
  return {
    events: Object.values(log['ocel:events']).map((e) => ({ activity: e['ocel:activity'], time: epoch(e['ocel:timestamp']), objects: e['ocel:omap'] })),
    types: new Map(Object.entries(log['ocel:objects']).map(([id, o]) => [id, o['ocel:type']])),
  };
}

async function ocel2Sqlite(path: string): Promise<Ocel> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(path));
  try {
    const rows = (sql: string) => db.exec(sql)[0]?.values ?? [];
    const times = new Map<string, string>();
    for (const [, map] of rows('SELECT ocel_type, ocel_type_map FROM event_map_type')) {
      for (const [id, time] of rows(`SELECT ocel_id, ocel_time FROM "event_${String(map)}"`)) times.set(String(id), String(time));
    }
    const objects = new Map<string, string[]>();
    for (const [event, object] of rows('SELECT ocel_event_id, ocel_object_id FROM event_object ORDER BY rowid')) {
      objects.set(String(event), [...(objects.get(String(event)) ?? []), String(object)]);
    }
    return {
      events: rows('SELECT ocel_id, ocel_type FROM event ORDER BY rowid').map(([id, type]) => ({
        activity: String(type), time: epoch(times.get(String(id))!), objects: objects.get(String(id)) ?? [],
      })),
      types: new Map(rows('SELECT ocel_id, ocel_type FROM object').map(([id, type]) => [String(id), String(type)])),
    };
  } finally {
    db.close();
  }
}

/** The case view of one object type: per object, its events' activities in order, and the arcs. */
function flatten(log: Ocel, type: string) {
  const cases = new Map<string, { activity: string; time: number; index: number }[]>();
  log.events.forEach((e, index) => {
    for (const object of new Set(e.objects)) {
      if (log.types.get(object) !== type) continue;
      if (!cases.has(object)) cases.set(object, []);
      cases.get(object)!.push({ activity: e.activity, time: e.time, index });
    }
  });
  const arcs: Record<string, number> = {};
  const sequences: Record<string, number> = {};
  let events = 0;
  for (const trace of cases.values()) {
    trace.sort((a, b) => a.time - b.time || a.index - b.index);
    events += trace.length;
    for (let i = 1; i < trace.length; i++) {
      const key = `${trace[i - 1].activity} → ${trace[i].activity}`;
      arcs[key] = (arcs[key] ?? 0) + 1;
    }
    const key = JSON.stringify(trace.map((e) => e.activity));
    sequences[key] = (sequences[key] ?? 0) + 1;
  }
  return { cases: cases.size, events, arcs, sequences };
}

const FILES: [string, (path: string) => Ocel | Promise<Ocel>][] = [
  ['ocel20_example.jsonocel', ocel2Json],
  ['order_process.jsonocel', ocel1Json],
  ['order-management.sqlite', ocel2Sqlite],
];
const needs = needsShared('ocel flattening', FILES.map(([name]) => `ocel/${name}`));

const sortedKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

describe.each(FILES)('%s flattened on each object type', needs, (name, read) => {
  it('has the cases, events, arcs and variants of the flattening done by hand', async () => {
    const path = fixture(`ocel/${name}`);
    const log = await read(path);
    const db = await openWorkspace(':memory:');
    try {
      const { files } = await importAndRebuild(db, [{ path, name }]);
      expect(files[0].error).toBeUndefined();
      const types = [...new Set(log.types.values())].filter((t) => flatten(log, t).events > 0).sort();
      expect((await eventLogs(db)).map((l) => l.log).sort()).toEqual(types.map((t) => `ocel:${t}`));
      for (const type of types) {
        const truth = flatten(log, type);
        const map = await processMap(db, { log: `ocel:${type}` });
        expect([type, map.cases, map.events]).toEqual([type, truth.cases, truth.events]);
        expect(sortedKeys(Object.fromEntries(map.edges.map((e) => [`${e.from} → ${e.to}`, e.count])))).toEqual(sortedKeys(truth.arcs));
        const result = await variants(db, { log: `ocel:${type}` });
        expect(sortedKeys(Object.fromEntries(result.variants.map((v) => [JSON.stringify(v.activities), v.count]))))
          .toEqual(sortedKeys(truth.sequences));
      }
    } finally {
      db.close();
    }
  });
});
