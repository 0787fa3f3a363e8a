/**
 * Event-log exports (`ltc export`, docs/process-mining.md): XES and CSV of the LTC log re-import as an event log with
 * the same process map, variants and case durations; the XES is well-formed with escaped text; the
 * OCEL 2.0 JSON holds the CRM/ERP objects, their links and every event with its objects.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { exportEventLog, type ExportFormat } from '../../models/export/export-log.ts';
import { caseDurations, processMap } from '../../models/process-map.ts';
import { variants } from '../../models/variants.ts';
import { workspace } from '../helpers/workspace.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const BUNDLE_DIR = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));

async function reimport(path: string, name: string): Promise<Database> {
  const db = await openWorkspace(':memory:');
  const { files } = await importAndRebuild(db, [{ path, name }]);
  expect(files[0].error).toBeUndefined();
  expect(files[0].rows_rejected).toBe(0);
  return db;
}

/** The model figures of a log, without the name of the log they were read from. */
async function figures(db: Database, log: string) {
  const { log: _map, ...map } = await processMap(db, { log });
  const { log: _variants, ...rest } = await variants(db, { log });
  return { map, variants: rest, durations: (await caseDurations(db, { log })).map((d) => d.seconds) };
}

describe('exports of the sample data re-import to the same process map', () => {
  let db: Database;
  const dir = mkdtempSync(join(tmpdir(), 'ltc-export-'));
  beforeAll(async () => {
    db = await openWorkspace(':memory:');
    const names = readdirSync(BUNDLE_DIR).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(db, names.map((name) => ({ path: join(BUNDLE_DIR, name), name })));
  });
  afterAll(() => db?.close());

  // The OCEL export flattened on its object type `case` is the LTC log's case view again.
  for (const [format, file, log] of [['xes', 'ltc.xes', 'events'], ['csv', 'ltc-events.csv', 'events'],
    ['ocel', 'ltc.jsonocel', 'ocel:case']] as [ExportFormat, string, string][]) {
    it(`${format.toUpperCase()}: process map, variants and case durations equal the LTC log's`, async () => {
      const path = join(dir, file);
      const written = await exportEventLog(db, format, path, { log: 'ltc' });
      const original = await figures(db, 'ltc');
      expect([written.cases, written.events]).toEqual([original.map.cases, original.map.events]);
      const again = await reimport(path, file);
      try {
        expect(await figures(again, log)).toEqual(original);
      } finally {
        again.close();
      }
    });
  }
});

describe('export text', () => {
  let db: Database;
  const dir = mkdtempSync(join(tmpdir(), 'ltc-export-text-'));
  beforeAll(async () => {
    ({ db } = await workspace({
      'leads.csv': `
lead_id,created_at,owner
"L&1 <""x"">",2025-01-01 09:00:00,=HYPERLINK("http://evil")
L2,2025-01-02 09:00:00,Wang Fang 王芳
`,
      'orders.csv': `
order_id,created_at,lead_id,amount
S1,2025-01-03 09:00:00,"L&1 <""x"">",100
`,
    }));
  });
  afterAll(() => db?.close());

  it('XES: well-formed, escaped, one trace per case and one event per event, times in UTC', async () => {
    const path = join(dir, 'log.xes');
    await exportEventLog(db, 'xes', path);
    const xml = readFileSync(path, 'utf8');
    expect(xml.match(/<trace>/g)).toHaveLength(2);
    expect(xml.match(/<event>/g)).toHaveLength(3);
    expect(xml).toContain('<string key="concept:name" value="L&amp;1 &lt;&quot;x&quot;&gt;"/>');
    expect(xml).toContain('<date key="time:timestamp" value="2025-01-03T09:00:00.000+00:00"/>');
    expect(xml).toContain('value="Wang Fang 王芳"');
    // Every attribute value is quoted text without a raw < or &.
    for (const value of xml.matchAll(/value="([^"]*)"/g)) expect(value[1]).not.toMatch(/[<]|&(?!amp;|lt;|gt;|quot;|#\d+;)/);
    const again = await reimport(path, 'log.xes');
    try {
      const cases = await again.query<{ case_id: string }>('SELECT DISTINCT case_id FROM events ORDER BY case_id');
      expect(cases.map((c) => c.case_id)).toEqual(['L&1 <"x">', 'L2']);
      // Segments belong to LTC cases: on an imported log they are reported as not applied.
      const filtered = await processMap(again, { segments: { owner: 'Bob', attributes: { industry: 'Retail' } } });
      expect([filtered.log, filtered.cases, filtered.filters_ignored]).toEqual(['events', 2, ['owner', 'attr.industry']]);
    } finally {
      again.close();
    }
  });

  it('CSV: formula-looking cells are defused', async () => {
    const path = join(dir, 'log.csv');
    await exportEventLog(db, 'csv', path);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('case_id,activity,timestamp,lifecycle,resource,object_type,object_id');
    expect(lines).toContain(`"L&1 <""x"">",Lead created,2025-01-01T09:00:00.000Z,,"'=HYPERLINK(""http://evil"")",lead,"L&1 <""x"">"`);
  });

  it('OCEL 2.0 JSON: objects of every record with their links; each event relates to its object and its case', async () => {
    const path = join(dir, 'log.jsonocel');
    const result = await exportEventLog(db, 'ocel', path);
    const ocel = JSON.parse(readFileSync(path, 'utf8')) as {
      objectTypes: { name: string }[]; eventTypes: { name: string }[];
      objects: { id: string; type: string; relationships: { objectId: string; qualifier: string }[] }[];
      events: { id: string; type: string; time: string; relationships: { objectId: string; qualifier: string }[] }[];
    };
    expect(ocel.objectTypes.map((t) => t.name).sort()).toEqual(['case', 'lead', 'order']);
    expect(ocel.events).toHaveLength(result.events);
    expect(new Set(ocel.events.map((e) => e.id)).size).toBe(ocel.events.length);
    const order = ocel.objects.find((o) => o.id === 'order:S1')!;
    expect(order.relationships).toEqual([
      { objectId: 'lead:L&1 <"x">', qualifier: 'ordered by' },
      { objectId: 'case:L&1 <"x">', qualifier: 'case' },
    ]);
    const created = ocel.events.find((e) => e.type === 'Order created')!;
    expect(created.time).toBe('2025-01-03T09:00:00.000Z');
    expect(created.relationships).toEqual([
      { objectId: 'order:S1', qualifier: 'order' },
      { objectId: 'case:L&1 <"x">', qualifier: 'case' },
    ]);
    const ids = new Set(ocel.objects.map((o) => o.id));
    for (const e of ocel.events) for (const r of e.relationships) expect(ids.has(r.objectId)).toBe(true);
  });

  it('refuses an empty log and an unknown format', async () => {
    const empty = await openWorkspace(':memory:');
    try {
      await expect(exportEventLog(empty, 'xes', join(dir, 'empty.xes'))).rejects.toThrow(/empty/);
    } finally {
      empty.close();
    }
    const { exportFormat } = await import('../../models/export/export-log.ts');
    expect(() => exportFormat('bpmn')).toThrow(/xes, ocel or csv/);
  });
});
