import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { decodeText, normalizeTimestamp } from '../../ingest/xes.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

const dir = mkdtempSync(join(tmpdir(), 'ltc-xes-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function load(path: string, name = path.split('/').pop()!) {
  db = await openWorkspace(':memory:');
  return (await importAndRebuild(db, [{ path, name }])).files;
}

interface Row { case_id: string; activity: string; ts: string; lifecycle: string | null; resource: string | null; attributes: string | null; event_index: number }
async function events(): Promise<Row[]> {
  return db!.query<Row>(`SELECT case_id, activity, strftime(timestamp, '%Y-%m-%dT%H:%M:%S') AS ts, lifecycle, resource,
    attributes::VARCHAR AS attributes, event_index::INTEGER AS event_index FROM events ORDER BY event_index`);
}

const LOGS = ['eventlogs/running-example.xes', 'eventlogs/running-example.csv', 'eventlogs/running-example.pm4py.json', 'eventlogs/10_orders.xes.gz'];

describe('XES fixtures', needsShared('xes logs', LOGS), () => {
  it('running-example.xes equals pm4py: cases, events, activity counts', async () => {
    const [report] = await load(fixture('eventlogs/running-example.xes'));
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({ kind: 'events', adapter: 'xes', preset: 'xes', encoding: 'utf-8', rows_loaded: 42, rows_rejected: 0 });
    const pm4py = JSON.parse(readFileSync(fixture('eventlogs/running-example.pm4py.json'), 'utf8'));
    const rows = await events();
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(pm4py.n_cases);
    expect(rows.length).toBe(pm4py.n_events);
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.activity] = (counts[r.activity] ?? 0) + 1;
    expect(counts).toEqual(pm4py.activity_counts);
    // Trace attributes are case attributes; other event attributes are kept.
    expect(JSON.parse(rows[0].attributes!)).toMatchObject({ Costs: '50', 'case:creator': 'Fluxicon Nitro', Activity: 'register request' });
    expect(rows[0]).toMatchObject({ case_id: '3', activity: 'register request', resource: 'Pete' });
  });

  it('running-example.xes timestamps are UTC, the same instants as the +01:00 CSV twin', async () => {
    await load(fixture('eventlogs/running-example.xes'));
    const rows = await events();
    const csv = readFileSync(fixture('eventlogs/running-example.csv'), 'utf8').trim().split('\n').slice(1);
    expect(csv.length).toBe(rows.length);
    const header = readFileSync(fixture('eventlogs/running-example.csv'), 'utf8').split('\n')[0].split(',');
    const at = (name: string) => header.indexOf(name);
    const expected = csv.map((line) => {
      const cells = line.split(',');
      const utc = new Date(cells[at('time:timestamp')].replace(' ', 'T')).toISOString().slice(0, 19);
      return `${cells[at('case:concept:name')]}|${cells[at('concept:name')]}|${utc}`;
    }).sort();
    expect(csv[0]).toContain('+01:00');
    expect(rows.map((r) => `${r.case_id}|${r.activity}|${r.ts}`).sort()).toEqual(expected);
    expect(rows[0].ts).toBe('2010-12-30T13:32:00'); // 14:32+01:00
  });

  it('10_orders.xes.gz: timestamps stored as strings are parsed (17 cases / 154 events)', async () => {
    const [report] = await load(fixture('eventlogs/10_orders.xes.gz'));
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({ preset: 'xes', rows_loaded: 154, rows_rejected: 0 });
    const rows = await events();
    expect(new Set(rows.map((r) => r.case_id)).size).toBe(17);
    expect(rows.length).toBe(154);
    expect(new Set(rows.map((r) => r.activity)).size).toBe(11);
    expect(rows[0]).toMatchObject({ case_id: '3', activity: 'create_order', ts: '2019-11-03T01:11:19' });
  });
});

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n`;
const trace = (name: string, body: string) => `<trace><string key="concept:name" value="${name}"/>${body}</trace>`;

describe('XES reading', () => {
  it('keeps lifecycle, resource, file order, trace attributes; rejects an event without timestamp by its XML line', async () => {
    const xes = `${HEAD}<log xes.version="1.0">
  <trace>
    <string key="concept:name" value="c1"/>
    <string key="region" value="North &amp; South"/>
    <event>
      <string key="concept:name" value="A"/>
      <string key="lifecycle:transition" value="start"/>
      <string key="org:resource" value="Ann"/>
      <date key="time:timestamp" value="2024-01-01T10:00:00.000+02:00"/>
      <int key="cost" value="5"/>
      <list key="items"><values><string key="x" value="1"/></values></list>
    </event>
    <event>
      <string key="concept:name" value="B, &quot;quoted&quot;"/>
      <string key="lifecycle:transition" value="complete"/>
      <date key="time:timestamp" value="2024-01-01T09:00:00Z"/>
    </event>
    <event>
      <string key="concept:name" value="C"/>
    </event>
  </trace>
</log>
`;
    const [report] = await load(file('small.xes', xes));
    expect(report.error).toBeUndefined();
    expect(report).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(report.rejects).toEqual([expect.objectContaining({ line: 19, column: 'time:timestamp' })]);
    const rows = await events();
    expect(rows.map((r) => [r.activity, r.ts, r.lifecycle, r.resource])).toEqual([
      ['A', '2024-01-01T08:00:00', 'start', 'Ann'],
      ['B, "quoted"', '2024-01-01T09:00:00', 'complete', null],
    ]);
    expect(rows[0].event_index).toBeLessThan(rows[1].event_index);
    expect(JSON.parse(rows[0].attributes!)).toEqual({ cost: '5', 'case:region': 'North & South' });
  });

  it('refuses what is not an XES log', async () => {
    const [report] = await load(file('bad.xes', `${HEAD}<html><body/></html>`));
    expect(report.error).toMatch(/not an XES log/);
    const [truncated] = await load(file('cut.xes', `${HEAD}<log><trace><event><string key="concept:name" value="A"/>`));
    expect(truncated.error).toMatch(/ends inside/);
  });

  it('never reads an external entity', async () => {
    const xes = `${HEAD}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<log>${trace('c&e;', '<event><string key="concept:name" value="&e;"/><string key="note" value="x&e;y"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event>')}</log>`;
    const [report] = await load(file('xxe.xes', xes));
    expect(report.error).toBeUndefined();
    const rows = await events();
    expect(rows).toHaveLength(1);
    const all = JSON.stringify(rows);
    expect(all).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
    expect(rows[0].activity).toBe('&e;');
    expect(report.notes?.join(' ')).toMatch(/DOCTYPE was skipped/);
  });

  it('never expands entities (billion laughs)', async () => {
    const decl = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) =>
      `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('\n');
    const xes = `${HEAD}<!DOCTYPE lolz [\n${decl}\n]>
<log>${trace('c1', '<event><string key="concept:name" value="&lol9;"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event>')}</log>`;
    const [report] = await load(file('lol.xes', xes));
    expect(report.error).toBeUndefined();
    const rows = await events();
    expect(rows.map((r) => r.activity)).toEqual(['&lol9;']);
    expect(JSON.stringify(rows).length).toBeLessThan(1000);
  });

  it('decodes only predefined entities and character references', () => {
    expect(decodeText('a&amp;b&lt;&#65;&#x42;&foo;&')).toBe('a&b<AB&foo;&');
  });

  it('normalizes year-first string timestamps only', () => {
    expect(normalizeTimestamp('2019/11/03 01:11:19.000')).toBe('2019-11-03 01:11:19.000');
    expect(normalizeTimestamp('2019/1/3')).toBe('2019-01-03');
    expect(normalizeTimestamp('2010-12-30T14:32:00.000+01:00')).toBe('2010-12-30T14:32:00.000+01:00');
  });
});
