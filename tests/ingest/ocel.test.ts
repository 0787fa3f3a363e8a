import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { listBatches } from '../../ingest/batches.ts';
import { memberKeys } from '../../ingest/ocel/json.ts';
import { utcTimestamp } from '../../ingest/ocel/time.ts';
import { xmlTokens } from '../../ingest/xes.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace, undoAndRebuild } from '../../app/workspace.ts';

const FILES = ['ocel20_example.jsonocel', 'ocel20_example.xmlocel', 'ocel20_example.sqlite', 'order_process.jsonocel', 'order-management.sqlite'];
const ocel = (name: string) => fixture(`ocel/${name}`);

const TABLES = ['ocel_events', 'ocel_objects', 'ocel_event_objects', 'ocel_object_objects'] as const;

const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function fresh(): Promise<Database> {
  const db = await openWorkspace(':memory:');
  dbs.push(db);
  return db;
}

const dir = mkdtempSync(join(tmpdir(), 'ltc-ocel-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function load(db: Database, path: string, name = path.split('/').pop()!) {
  return (await importAndRebuild(db, [{ path, name }])).files[0];
}

/** Everything in the four tables, batch ids left out, in a stable order. */
async function contents(db: Database) {
  return {
    events: await db.query<{ event_id: string; activity: string; ts: string; event_index: number; attributes: string | null }>(
      `SELECT event_id, activity, strftime(timestamp, '%Y-%m-%dT%H:%M:%S') AS ts, event_index::INTEGER AS event_index,
       attributes::VARCHAR AS attributes FROM ocel_events ORDER BY event_index`),
    objects: await db.query<{ object_id: string; object_type: string; attributes: string | null }>(
      'SELECT object_id, object_type, attributes::VARCHAR AS attributes FROM ocel_objects ORDER BY object_id'),
    eventObjects: await db.query('SELECT event_id, object_id, qualifier FROM ocel_event_objects ORDER BY ALL'),
    objectObjects: await db.query('SELECT source_id, target_id, qualifier FROM ocel_object_objects ORDER BY ALL'),
  };
}

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = (await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`))[0].n;
  return out;
}

async function typeCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db.query<{ t: string; n: number }>('SELECT object_type AS t, count(*)::INTEGER AS n FROM ocel_objects GROUP BY 1');
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

interface Expected {
  events: string[];
  objectTypes: Record<string, number>;
  eventObjects: number;
  objectObjects: number;
}

const tally = (types: string[]) => types.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t]: (acc[t] ?? 0) + 1 }), {});
const distinct = (keys: string[]) => new Set(keys).size;

/** What the file says, read here without the importer. */
function expectedOf(name: string): Promise<Expected> | Expected {
  const path = ocel(name);
  if (name.endsWith('.sqlite')) return expectedOfSqlite(path);
  const text = readFileSync(path, 'utf8');
  if (name.endsWith('.xmlocel')) {
    const [objectsPart, eventsPart] = text.split('<events>');
    return {
      events: [...eventsPart.matchAll(/<event id="([^"]+)"/g)].map((m) => m[1]),
      objectTypes: tally([...objectsPart.matchAll(/<object id="[^"]+" type="([^"]+)"/g)].map((m) => m[1])),
      eventObjects: (eventsPart.match(/<relationship /g) ?? []).length,
      objectObjects: (objectsPart.match(/<relationship /g) ?? []).length,
    };
  }
  const doc = JSON.parse(text);
  if (doc['ocel:events']) {
    // Keys in the text's order (JSON.parse would sort integer-like keys).
    const eventsText = text.slice(text.indexOf('"ocel:events"'), text.indexOf('"ocel:objects"'));
    const ids = [...eventsText.matchAll(/^ {8}"([^"]+)": \{/gm)].map((m) => m[1]);
    return {
      events: ids,
      objectTypes: tally(Object.values(doc['ocel:objects'] as Record<string, { 'ocel:type': string }>).map((o) => o['ocel:type'])),
      eventObjects: Object.entries(doc['ocel:events'] as Record<string, { 'ocel:omap': string[] }>)
        .reduce((n, [, e]) => n + new Set(e['ocel:omap']).size, 0),
      objectObjects: 0,
    };
  }
  type Rel = { objectId: string; qualifier: string };
  return {
    events: doc.events.map((e: { id: string }) => e.id),
    objectTypes: tally(doc.objects.map((o: { type: string }) => o.type)),
    eventObjects: distinct(doc.events.flatMap((e: { id: string; relationships?: Rel[] }) =>
      (e.relationships ?? []).map((r) => `${e.id}|${r.objectId}|${r.qualifier}`))),
    objectObjects: distinct(doc.objects.flatMap((o: { id: string; relationships?: Rel[] }) =>
      (o.relationships ?? []).map((r) => `${o.id}|${r.objectId}|${r.qualifier}`))),
  };
}

async function expectedOfSqlite(path: string): Promise<Expected> {
  const SQL = await initSqlJs();
  const sqlite = new SQL.Database(readFileSync(path));
  try {
    const all = (sql: string) => sqlite.exec(sql)[0]?.values ?? [];
    return {
      events: all('SELECT ocel_id FROM event ORDER BY rowid').map((r) => String(r[0])),
      objectTypes: Object.fromEntries(all('SELECT ocel_type, count(*) FROM object GROUP BY 1').map((r) => [String(r[0]), Number(r[1])])),
      eventObjects: Number(all('SELECT count(*) FROM (SELECT DISTINCT ocel_event_id, ocel_object_id, ocel_qualifier FROM event_object)')[0][0]),
      objectObjects: Number(all('SELECT count(*) FROM (SELECT DISTINCT ocel_source_id, ocel_target_id, ocel_qualifier FROM object_object)')[0][0]),
    };
  } finally {
    sqlite.close();
  }
}

const PRESETS: Record<string, string> = {
  'ocel20_example.jsonocel': 'ocel2-json', 'ocel20_example.xmlocel': 'ocel2-xml', 'ocel20_example.sqlite': 'ocel2-sqlite',
  'order_process.jsonocel': 'ocel1-json', 'order-management.sqlite': 'ocel2-sqlite',
};

describe('OCEL fixtures', needsShared('ocel logs', FILES.map((f) => `ocel/${f}`)), () => {
  it.each(FILES)('%s: events, objects per type and relations as the file has them, in file order', async (name) => {
    const db = await fresh();
    const expected = await expectedOf(name);
    const report = await load(db, ocel(name));
    expect(report.error).toBeUndefined();
    const objects = Object.values(expected.objectTypes).reduce((a, b) => a + b, 0);
    expect(report).toMatchObject({
      kind: 'ocel', adapter: PRESETS[name], preset: PRESETS[name], rows_read: expected.events.length, rows_loaded: expected.events.length,
    });
    expect(report.notes?.[0]).toContain(`${expected.events.length} events, ${objects} objects, ${Object.keys(expected.objectTypes).length} object types`);
    expect(await counts(db)).toEqual({
      ocel_events: expected.events.length, ocel_objects: objects,
      ocel_event_objects: expected.eventObjects, ocel_object_objects: expected.objectObjects,
    });
    expect(await typeCounts(db)).toEqual(expected.objectTypes);
    const order = await db.query<{ event_id: string }>('SELECT event_id FROM ocel_events ORDER BY event_index');
    expect(order.map((r) => r.event_id)).toEqual(expected.events);
    const [{ nulls }] = await db.query<{ nulls: number }>('SELECT count(*)::INTEGER AS nulls FROM ocel_event_objects WHERE qualifier IS NULL');
    expect(nulls).toBe(name === 'order_process.jsonocel' ? expected.eventObjects : 0);
    expect((await listBatches(db))[0]).toMatchObject({ kind: 'ocel', preset: PRESETS[name], rows_loaded: expected.events.length });
  });

  it('ocel20_example.jsonocel: times with an offset are stored in UTC; an object keeps its attribute history', async () => {
    const db = await fresh();
    await load(db, ocel('ocel20_example.jsonocel'));
    const doc = JSON.parse(readFileSync(ocel('ocel20_example.jsonocel'), 'utf8'));
    const { events, objects } = await contents(db);
    for (const source of doc.events as { id: string; time: string }[]) {
      expect(events.find((e) => e.event_id === source.id)?.ts).toBe(new Date(source.time).toISOString().slice(0, 19));
    }
    const r3 = doc.objects.find((o: { id: string }) => o.id === 'R3');
    const values = r3.attributes as { name: string; time: string; value: string }[];
    const latest = [...values].sort((a, b) => Date.parse(a.time) - Date.parse(b.time)).at(-1)!;
    const stored = JSON.parse(objects.find((o) => o.object_id === 'R3')!.attributes!);
    expect(stored[latest.name]).toBe(latest.value);
    expect(stored.__history.map((h: { value: string }) => h.value)).toEqual(values.map((v) => v.value));
    expect(stored.__history[1].time).toBe(new Date(values[1].time).toISOString().slice(0, 19).replace('T', ' '));
    // A single-valued attribute has no history.
    const pr1 = JSON.parse(objects.find((o) => o.object_id === 'PR1')!.attributes!);
    expect(pr1.__history).toBeUndefined();
  });

  it('ocel20_example: JSON, XML and SQLite load the same rows; XML and SQLite times are the naive twins of the JSON UTC times', async () => {
    const loaded = [];
    for (const name of ['ocel20_example.jsonocel', 'ocel20_example.xmlocel', 'ocel20_example.sqlite']) {
      const db = await fresh();
      expect((await load(db, ocel(name))).error).toBeUndefined();
      loaded.push(await contents(db));
    }
    const [json, xml, sqlite] = loaded;
    // Everything but the times is identical.
    const timeless = (c: typeof json) => ({
      ...c,
      events: c.events.map(({ ts: _, ...rest }) => rest),
      objects: c.objects.map((o) => {
        const attributes = o.attributes === null ? null : JSON.parse(o.attributes);
        if (attributes?.__history) attributes.__history = attributes.__history.map(({ time: _, ...rest }: { time: string }) => rest);
        return { ...o, attributes };
      }),
    });
    expect(timeless(xml)).toEqual(timeless(json));
    expect(timeless(sqlite)).toEqual(timeless(json));
    expect(sqlite.events.map((e) => e.ts)).toEqual(xml.events.map((e) => e.ts));
    // pm4py wrote the XML (and SQLite) twin with naive local times: one constant offset from the JSON's, read from the files.
    const jsonTimes = JSON.parse(readFileSync(ocel('ocel20_example.jsonocel'), 'utf8')).events.map((e: { time: string }) => Date.parse(e.time));
    const xmlTimes = [...readFileSync(ocel('ocel20_example.xmlocel'), 'utf8').matchAll(/<event id="[^"]+" type="[^"]+" time="([^"]+)"/g)]
      .map((m) => Date.parse(`${m[1]}Z`));
    const offsets = new Set(xmlTimes.map((t, i) => t - jsonTimes[i]));
    expect([...offsets]).toEqual([3_600_000]);
    expect(new Set(xml.events.map((e, i) => Date.parse(`${e.ts}Z`) - Date.parse(`${json.events[i].ts}Z`)))).toEqual(offsets);
  });

  it('refuses a file whose event ids another batch holds, and changes nothing; after undo it loads', async () => {
    const db = await fresh();
    const first = await load(db, ocel('ocel20_example.jsonocel'));
    const before = JSON.stringify(await contents(db));
    const batches = (await listBatches(db)).length;
    const second = await load(db, ocel('ocel20_example.xmlocel'));
    expect(second.error).toMatch(new RegExp(`already loaded by batch ${first.batch_id} .*undo batch ${first.batch_id} first`));
    expect(second.batch_id).toBeNull();
    expect(JSON.stringify(await contents(db))).toBe(before);
    expect(await listBatches(db)).toHaveLength(batches);

    const undone = await undoAndRebuild(db, first.batch_id!);
    const expected = expectedOf('ocel20_example.jsonocel') as Expected;
    const objects = Object.values(expected.objectTypes).reduce((a, b) => a + b, 0);
    expect(undone.rows_removed).toBe(expected.events.length + objects + expected.eventObjects + expected.objectObjects);
    expect(Object.values(await counts(db))).toEqual([0, 0, 0, 0]);
    expect((await listBatches(db))[0].undone_at).not.toBeNull();
    expect((await load(db, ocel('ocel20_example.xmlocel'))).error).toBeUndefined();
  });
});

const ocel2 = (events: unknown[], objects: unknown[]) => JSON.stringify({ objectTypes: [], eventTypes: [], objects, events });
const order = { id: 'o1', type: 'Order', attributes: [], relationships: [] };

describe('OCEL reading', () => {
  it('refuses a relationship to a missing object and leaves every table as it was', async () => {
    const db = await fresh();
    await load(db, file('good.jsonocel', ocel2([{ id: 'a1', type: 'Place', time: '2024-01-01T00:00:00Z', relationships: [{ objectId: 'o1', qualifier: 'q' }] }], [order])));
    const before = JSON.stringify([await contents(db), await listBatches(db)]);
    const report = await load(db, file('bad.jsonocel', ocel2(
      [{ id: 'b1', type: 'Place', time: '2024-01-01T00:00:00Z', relationships: [{ objectId: 'o1' }] },
        { id: 'b2', type: 'Ship', time: '2024-01-02T00:00:00Z', relationships: [{ objectId: 'nowhere', qualifier: 'q' }] }],
      [order, { id: 'o3', type: 'Order', relationships: [{ objectId: 'o1' }] }])));
    expect(report.error).toBe('bad.jsonocel: event "b2" relates to the object "nowhere", which the file does not define');
    expect(JSON.stringify([await contents(db), await listBatches(db)])).toBe(before);
  });

  it('refuses an event without a valid time, a repeated event id, an object relation to nowhere', async () => {
    const db = await fresh();
    const noTime = await load(db, file('notime.jsonocel', ocel2([{ id: 'x1', type: 'Place', time: '31/01/2024' }], [])));
    expect(noTime.error).toMatch(/notime\.jsonocel: event "x1" has no valid time \("31\/01\/2024" is not an ISO 8601/);
    const twice = await load(db, file('twice.jsonocel', ocel2([1, 2].map(() => ({ id: 'x1', type: 'Place', time: '2024-01-01T00:00:00Z' })), [])));
    expect(twice.error).toMatch(/the event id "x1" occurs twice/);
    const o2o = await load(db, file('o2o.jsonocel', ocel2([{ id: 'x1', type: 'Place', time: '2024-01-01' }],
      [{ ...order, relationships: [{ objectId: 'gone', qualifier: 'q' }] }])));
    expect(o2o.error).toMatch(/object "o1" relates to the object "gone"/);
    expect(Object.values(await counts(db))).toEqual([0, 0, 0, 0]);
  });

  it('converts offsets to UTC and keeps naive times; loads a relation given twice once, keeps distinct qualifiers', async () => {
    const db = await fresh();
    const times = ['2024-03-01T01:30:00+02:00', '2024-02-29T20:00:00-05:00', '2024-01-01T12:00:00Z', '2024-01-01 12:00:00.25'];
    const report = await load(db, file('times.json', ocel2(times.map((time, i) => ({
      id: `t${i}`, type: 'Tick', time,
      relationships: i === 0 ? [{ objectId: 'o1', qualifier: 'a' }, { objectId: 'o1', qualifier: 'a' }, { objectId: 'o1', qualifier: 'b' }] : [],
    })), [order])));
    expect(report).toMatchObject({ kind: 'ocel', preset: 'ocel2-json' });
    const rows = await db.query<{ ts: string }>(`SELECT strftime(timestamp, '%Y-%m-%dT%H:%M:%S.%g') AS ts FROM ocel_events ORDER BY event_index`);
    const utc = (t: string) => new Date(t).toISOString().slice(0, 23);
    expect(rows.map((r) => r.ts)).toEqual([utc(times[0]), utc(times[1]), utc(times[2]), '2024-01-01T12:00:00.250']);
    expect(await db.query('SELECT qualifier FROM ocel_event_objects ORDER BY qualifier')).toEqual([{ qualifier: 'a' }, { qualifier: 'b' }]);
    expect(report.notes?.join(' ')).toMatch(/1 relation was given twice/);
  });

  it('OCEL 1.0: events keep the order of the text even with integer ids; a repeated id is refused', async () => {
    const v1 = (events: string) => `{"ocel:global-log": {"ocel:version": "1.0"}, "ocel:events": {${events}},
      "ocel:objects": {"o1": {"ocel:type": "order", "ocel:ovmap": {"price": 5}}}}`;
    const event = (activity: string) => `{"ocel:activity": "${activity}", "ocel:timestamp": "2024-01-01T00:00:00", "ocel:omap": ["o1", "o1"], "ocel:vmap": {"n": 1}}`;
    const db = await fresh();
    const report = await load(db, file('v1.jsonocel', v1(`"10": ${event('first')}, "2": ${event('second')}`)));
    expect(report.error).toBeUndefined();
    const rows = await db.query<{ event_id: string; activity: string; attributes: string }>(
      'SELECT event_id, activity, attributes::VARCHAR AS attributes FROM ocel_events ORDER BY event_index');
    expect(rows.map((r) => [r.event_id, r.activity])).toEqual([['10', 'first'], ['2', 'second']]);
    expect(JSON.parse(rows[0].attributes)).toEqual({ n: 1 });
    expect(await db.query('SELECT event_id, object_id, qualifier FROM ocel_event_objects ORDER BY ALL')).toEqual([
      { event_id: '10', object_id: 'o1', qualifier: null }, { event_id: '2', object_id: 'o1', qualifier: null }]);
    const again = await load(db, file('v1-twice.jsonocel', v1(`"e1": ${event('a')}, "e1": ${event('b')}`)));
    expect(again.error).toMatch(/the event id "e1" occurs twice/);
  });

  it('XML: never expands an entity from a DOCTYPE; values are element text, typed as declared', async () => {
    const db = await fresh();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE log [ <!ENTITY boom "EXPANDED"> <!ENTITY ext SYSTEM "file:///etc/passwd"> ]>
<log>
  <object-types><object-type name="Order"><attributes><attribute name="qty" type="integer"/></attributes></object-type></object-types>
  <event-types/>
  <objects>
    <object id="o1" type="Order">
      <attributes>
        <attribute name="note" time="2024-01-01T00:00:00Z">&boom;&ext; &amp; &#65;<![CDATA[<&boom;>]]></attribute>
        <attribute name="qty" time="2024-01-01T00:00:00Z">7</attribute>
      </attributes>
    </object>
  </objects>
  <events>
    <event id="e1" type="Place" time="2024-01-02T10:00:00+01:00">
      <attributes><attribute name="who">&boom;</attribute></attributes>
      <objects><relationship object-id="o1" qualifier="placed"/></objects>
    </event>
  </events>
</log>`;
    const report = await load(db, file('doctype.xmlocel', xml));
    expect(report.error).toBeUndefined();
    expect(report.notes?.join(' ')).toMatch(/DOCTYPE was skipped/);
    const { events, objects, eventObjects } = await contents(db);
    expect(JSON.stringify([events, objects])).not.toMatch(/EXPANDED|root:/);
    expect(JSON.parse(objects[0].attributes!)).toEqual({ note: '&boom;&ext; & A<&boom;>', qty: 7 });
    expect(events).toEqual([{ event_id: 'e1', activity: 'Place', ts: '2024-01-02T09:00:00', event_index: 0, attributes: '{"who":"&boom;"}' }]);
    expect(eventObjects).toEqual([{ event_id: 'e1', object_id: 'o1', qualifier: 'placed' }]);
  });

  it('XML: an event without time is refused by its line', async () => {
    const db = await fresh();
    const xml = '<log>\n<objects/>\n<events>\n<event id="e1" type="A" time="2024-01-01T00:00:00"/>\n<event id="e2" type="A"/>\n</events>\n</log>\n';
    const report = await load(db, file('line.xmlocel', xml));
    expect(report.error).toBe('line.xmlocel:5: event "e2" has no valid time (none given)');
  });

  it('an SQLite file that is no OCEL log, and a plain .json, are not read as OCEL', async () => {
    const db = await fresh();
    const notSqlite = await load(db, file('fake.sqlite', 'not a database'));
    expect(notSqlite.error).toMatch(/fake\.sqlite: not an SQLite database/);
    const plain = await load(db, file('plain.json', '[{"a": 1}]'));
    expect(plain.kind).not.toBe('ocel');
  });
});

describe('OCEL pieces', () => {
  it('utcTimestamp converts offsets the same whatever the machine time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        expect(utcTimestamp('2024-03-01T01:30:00+02:00')).toBe('2024-02-29 23:30:00');
        expect(utcTimestamp('2024-03-10T02:30:00')).toBe('2024-03-10 02:30:00'); // naive: kept, even in a DST gap
        expect(utcTimestamp('2022-10-20T16:56:19.864004')).toBe('2022-10-20 16:56:19.864004');
        expect(utcTimestamp('2024-01-01')).toBe('2024-01-01 00:00:00');
      }
    } finally {
      process.env.TZ = zone;
    }
    for (const bad of ['2023-02-29T00:00:00', '2024-01-01T24:00:00', '01/02/2024', '', 'now']) expect(utcTimestamp(bad)).toBeNull();
  });

  it('memberKeys lists the keys of a top-level object in text order, repeats included', () => {
    expect(memberKeys('{"a": {"x": 1}, "m": {"2": {"k": "}"}, "1": [1, {"z": 2}], "2": "s\\"q"}, "n": 1}', 'm')).toEqual(['2', '1', '2']);
    expect(memberKeys('{"a": {"m": {"1": 1}}}', 'm')).toBeNull();
  });

  it('xmlTokens yields text only when asked, entities decoded across chunk boundaries', async () => {
    async function* chunks() {
      yield '<a>x &am';
      yield 'p; y<b/>z<![CDATA[&amp;]]></a>';
    }
    const withText = [];
    for await (const t of xmlTokens(chunks(), 'f', { text: true })) withText.push(t.type === 'text' ? t.text : `${t.type}:${t.name}`);
    expect(withText).toEqual(['open:a', 'x & y', 'open:b', 'z&amp;', 'close:a']);
    const without = [];
    for await (const t of xmlTokens(chunks(), 'f')) without.push(`${t.type}:${t.name}`);
    expect(without).toEqual(['open:a', 'open:b', 'close:a']);
  });
});
