/**
 * Exports read by readers that are not ours (issue 15): a bug shared by our writer and our importer
 * passes the re-import tests of export.test.ts, not these. The OCEL 2.0 JSON is validated against
 * the standard's JSON Schema (ajv), the XES against the IEEE 1849-2016 XML Schema and read back by
 * xmllint, the CSV read back by papaparse and compared cell by cell with the rows the database
 * holds. Schemas and their origins: tests/fixtures/schemas/SOURCES.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { exportEventLog, type ExportFormat } from '../../models/export/export-log.ts';
import { workspace } from '../helpers/workspace.ts';

const SCHEMAS = fileURLToPath(new URL('../fixtures/schemas/', import.meta.url));
const XES_XSD = join(SCHEMAS, 'xes-ieee-1849-2016.xsd');
const OCEL_SCHEMA = join(SCHEMAS, 'ocel20-schema-json.json');

/**
 * An imported event log with names that break naive writers (quotes, commas, line breaks, XML
 * markup, non-ASCII, text a spreadsheet would run), start/complete lifecycles, resources, records
 * it happened to, and extra attributes of several types (number, boolean, date, text).
 */
const EVENT_LOG = `case_id,activity,timestamp,lifecycle,resource,object_type,object_id,cost,urgent,due,note
C-1,"Ship ""fast"", then bill",2025-03-01 09:00:00,start,Zoë Ø,order,"SO,1",120.5,true,2025-03-10,plain
C-1,"Ship ""fast"", then bill",2025-03-01 10:30:00,complete,Zoë Ø,order,"SO,1",-12.5,false,2025-03-10,"two
lines"
C-1,"Review
second line",2025-03-02 08:00:00,complete,王芳,,,0,true,,
"C,2",审批 ✓ Genehmigung,2025-03-01 11:00:00,start,-42,invoice,I-1,3,false,2025-04-01,
"C,2",=SUM(A1:A2),2025-03-01 12:00:00,complete,@ops,,,1e3,,,
"C,2",+1 follow-up,2025-03-03 12:00:00,complete,'quoted',,,7,,,
"=cmd|' /C calc'!A0",-5% discount,2025-03-04 12:00:00,,-2+3,,,,,,
"=cmd|' /C calc'!A0",<Approve & Sign>,2025-03-05 12:00:00,complete,R&D <lab>,,,,,,
-7,🚀 launch,2025-03-06 00:00:00,complete,,,,,,,
`;

/** A small CRM world whose LTC log and OCEL objects carry the same kinds of names and typed fields. */
const CRM_WORLD = {
  'leads.csv': `lead_id,created_at,source,status,owner,region,segment
"L&1 <""x"">",2025-01-02 09:00:00,Web,Converted,"=HYPERLINK(""http://evil"")",华东 East,SMB
L-2,2025-01-03 10:00:00,"Trade fair, Köln",Open,Zoë Ø,DACH,Enterprise
-3,2025-01-04 11:00:00,@partner,Disqualified,+1 owner,,
`,
  'opportunities.csv': `opportunity_id,created_at,lead_id,stage,amount,currency,owner,is_won,is_closed,closed_at
O-1,2025-01-05 09:00:00,"L&1 <""x"">",Closed Won,12500.75,EUR,王芳,true,true,2025-01-20 09:00:00
O-2,2025-01-06 09:00:00,L-2,Negotiation,-250.5,USD,Zoë Ø,false,false,
`,
  'quotes.csv': `quote_id,opportunity_id,created_at,amount
Q-1,O-1,2025-01-10 09:00:00,12500.75
`,
  'orders.csv': `order_id,created_at,opportunity_id,amount,currency
"SO,1",2025-01-21 09:00:00,O-1,12500.75,EUR
`,
  'deliveries.csv': `delivery_id,order_id,delivered_at
D-1,"SO,1",2025-01-25 09:00:00
`,
  'invoices.csv': `invoice_id,order_id,issued_at,due_at,amount,currency
I-1,"SO,1",2025-01-26 09:00:00,2025-02-25 00:00:00,12500.75,EUR
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id
P-1,2025-02-20 09:00:00,12500.75,I-1
`,
};

const LOGS = ['events', 'ltc'] as const;

interface SourceEvent {
  case_id: string;
  activity: string;
  ms: number;
  lifecycle: string | null;
  resource: string | null;
  object_type: string | null;
  object_id: string | null;
}

/** The events of a log as the database holds them, in the export's documented order. */
async function sourceEvents(db: Database, log: (typeof LOGS)[number]): Promise<SourceEvent[]> {
  const [table, lifecycle, order] = log === 'events'
    ? ['events', 'lifecycle', 'batch_id, event_index']
    : ['model.ltc_events', 'NULL::VARCHAR', 'event_index'];
  return db.query<SourceEvent>(`
    SELECT case_id, activity, epoch_ms(timestamp)::DOUBLE AS ms, ${lifecycle} AS lifecycle, resource, object_type, object_id
    FROM ${table} ORDER BY case_id, timestamp, ${order}`);
}

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'ltc-export-standards-'));
const exported = (log: string, format: ExportFormat) => join(dir, `${log}.${format}`);

beforeAll(async () => {
  ({ db } = await workspace({ 'events.csv': EVENT_LOG, ...CRM_WORLD }));
  for (const log of LOGS) {
    for (const format of ['xes', 'ocel', 'csv'] as const) await exportEventLog(db, format, exported(log, format), { log });
  }
});
afterAll(() => db?.close());

describe('OCEL 2.0 JSON export against the standard JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(OCEL_SCHEMA, 'utf8')) as object);

  interface Ocel {
    objectTypes: { name: string; attributes: { name: string; type: string }[] }[];
    eventTypes: { name: string; attributes: { name: string; type: string }[] }[];
    objects: { id: string; type: string; attributes: { name: string; value: string; time: string }[]; relationships: { objectId: string }[] }[];
    events: { id: string; type: string; time: string; attributes: { name: string; value: string }[]; relationships: { objectId: string }[] }[];
  }

  for (const log of LOGS) {
    it(`${log} log: valid against ocel20-schema-json.json`, () => {
      const ocel = JSON.parse(readFileSync(exported(log, 'ocel'), 'utf8')) as unknown;
      expect(validate(ocel) ? [] : validate.errors).toEqual([]);
    });

    it(`${log} log: what the schema leaves to the specification (§8) holds too`, async () => {
      const ocel = JSON.parse(readFileSync(exported(log, 'ocel'), 'utf8')) as Ocel;
      // "Valid types are string, time, integer, float, and boolean", and each value reads as its type.
      const reads: Record<string, (value: string) => boolean> = {
        string: () => true,
        time: (value) => !Number.isNaN(Date.parse(value)),
        integer: (value) => /^-?\d+$/.test(value),
        float: (value) => value.trim() !== '' && Number.isFinite(Number(value)),
        boolean: (value) => value === 'true' || value === 'false',
      };
      const objectTypes = new Map(ocel.objectTypes.map((t) => [t.name, new Map(t.attributes.map((a) => [a.name, a.type]))]));
      for (const o of ocel.objects) {
        for (const a of o.attributes) {
          const type = objectTypes.get(o.type)?.get(a.name);
          expect({ object: o.id, attribute: a.name, type, reads: type ? reads[type]?.(a.value) : false })
            .toEqual({ object: o.id, attribute: a.name, type, reads: true });
        }
      }
      const eventTypes = new Set(ocel.eventTypes.map((t) => t.name));
      expect(ocel.events.filter((e) => !eventTypes.has(e.type))).toEqual([]);
      // Ids are unique, and every relationship names an object of the log.
      const ids = new Set(ocel.objects.map((o) => o.id));
      expect(ids.size).toBe(ocel.objects.length);
      expect(new Set(ocel.events.map((e) => e.id)).size).toBe(ocel.events.length);
      const dangling = [...ocel.objects, ...ocel.events].flatMap((x) => x.relationships.filter((r) => !ids.has(r.objectId)));
      expect(dangling).toEqual([]);
      // Every event of the log, at its time.
      const source = await sourceEvents(db, log);
      expect(ocel.events.map((e) => [e.type, Date.parse(e.time)]).sort())
        .toEqual(source.map((e) => [e.activity, e.ms]).sort());
    });
  }

  it('LTC log: record attributes keep their values and declare their types', () => {
    const ocel = JSON.parse(readFileSync(exported('ltc', 'ocel'), 'utf8')) as Ocel;
    const attributes = (id: string) => Object.fromEntries(ocel.objects.find((o) => o.id === id)!.attributes.map((a) => [a.name, a.value]));
    const types = (name: string) => Object.fromEntries(ocel.objectTypes.find((t) => t.name === name)!.attributes.map((a) => [a.name, a.type]));
    expect(attributes('opportunity:O-2')).toEqual({ stage: 'Negotiation', amount: '-250.5', currency: 'USD', owner: 'Zoë Ø', is_won: 'false' });
    expect(attributes('lead:L&1 <"x">')).toMatchObject({ owner: '=HYPERLINK("http://evil")', region: '华东 East' });
    expect(attributes('invoice:I-1')).toEqual({ amount: '12500.75', currency: 'EUR', due_at: '2025-02-25T00:00:00Z' });
    expect(types('opportunity')).toMatchObject({ amount: 'float', is_won: 'boolean', stage: 'string' });
    expect(types('invoice')).toMatchObject({ due_at: 'time', amount: 'float' });
  });
});

describe('XES export against the IEEE 1849-2016 XML Schema', () => {
  const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
  // CI installs libxml2-utils: there a missing xmllint fails the test instead of skipping it.
  const skip = !hasXmllint && !process.env.CI;
  if (skip) console.warn('export-standards: xmllint not found (apt-get install libxml2-utils); XES schema checks skipped');

  const xmllint = (...args: string[]) => spawnSync('xmllint', args, { encoding: 'utf8' });
  /** XPath 1.0 strings read by libxml2 in one run, joined by concat() with a separator no value holds. */
  const SEPARATOR = '␞';
  const xpathStrings = (file: string, paths: readonly string[]): string[] => {
    const answer = xmllint('--xpath', `concat(${paths.map((p) => `string(${p})`).join(`,'${SEPARATOR}',`)},'')`, file);
    expect({ error: answer.error, status: answer.status, stderr: answer.stderr }).toEqual({ error: undefined, status: 0, stderr: '' });
    return answer.stdout.replace(/\n$/, '').split(SEPARATOR); // xmllint ends the result with a line break
  };
  const EVENT_KEYS = ['concept:name', 'time:timestamp', 'lifecycle:transition', 'org:resource', 'ltc:object_type', 'ltc:object_id'];

  for (const log of LOGS) {
    it.skipIf(skip)(`${log} log: xmllint --schema xes-ieee-1849-2016.xsd accepts it`, () => {
      const answer = xmllint('--noout', '--schema', XES_XSD, exported(log, 'xes'));
      expect(answer.error).toBeUndefined();
      expect({ status: answer.status, stderr: answer.stderr.trim() }).toEqual({ status: 0, stderr: `${exported(log, 'xes')} validates` });
    });

    it.skipIf(skip)(`${log} log: libxml2 reads back every case and event the database holds`, async () => {
      const source = await sourceEvents(db, log);
      const cases = [...new Set(source.map((e) => e.case_id))];
      const eventsOf = (caseId: string) => source.filter((e) => e.case_id === caseId);
      // One XPath a value, cases and events in the export's documented order.
      const values = xpathStrings(exported(log, 'xes'), ['count(/log/trace)', 'count(/log/trace/event)',
        ...cases.flatMap((caseId, t) => [`/log/trace[${t + 1}]/string[@key="concept:name"]/@value`,
          ...eventsOf(caseId).flatMap((_, i) => EVENT_KEYS.map((key) => `/log/trace[${t + 1}]/event[${i + 1}]/*[@key="${key}"]/@value`))])]);
      expect(values.splice(0, 2).map(Number)).toEqual([cases.length, source.length]);
      const read: SourceEvent[] = [];
      for (const caseId of cases) {
        const traceName = values.shift()!;
        for (const _ of eventsOf(caseId)) {
          const [activity, time, lifecycle, resource, objectType, objectId] = values.splice(0, EVENT_KEYS.length);
          read.push({
            case_id: traceName, activity, ms: Date.parse(time), lifecycle: lifecycle || null, resource: resource || null,
            object_type: objectType || null, object_id: objectId || null,
          });
        }
      }
      expect(read).toEqual(source);
    });
  }
});

describe('CSV export read by papaparse', () => {
  const HEADER = ['case_id', 'activity', 'timestamp', 'lifecycle', 'resource', 'object_type', 'object_id'];
  /**
   * docs/safety.md: a cell a spreadsheet would run as a formula (first character = + - @, tab or
   * carriage return) is written with a leading apostrophe; a plain number (-42, -7) is not. These
   * are the world's formula-looking values and the cells the export must hold for them.
   */
  const DEFUSED: Record<string, string> = {
    '=SUM(A1:A2)': "'=SUM(A1:A2)",
    '+1 follow-up': "'+1 follow-up",
    '@ops': "'@ops",
    "=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
    '-5% discount': "'-5% discount",
    '-2+3': "'-2+3",
    '=HYPERLINK("http://evil")': '\'=HYPERLINK("http://evil")',
    '+1 owner': "'+1 owner",
  };
  const cell = (value: string | null) => (value === null ? '' : DEFUSED[value] ?? value);

  for (const log of LOGS) {
    it(`${log} log: every row and cell equals the database's, formulas defused`, async () => {
      const text = readFileSync(exported(log, 'csv'), 'utf8');
      const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(HEADER);
      const source = await sourceEvents(db, log);
      for (const row of rows) expect(row[2]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(rows.map(([caseId, activity, timestamp, ...rest]) => [caseId, activity, Date.parse(timestamp), ...rest]))
        .toEqual(source.map((e) => [cell(e.case_id), cell(e.activity), e.ms,
          ...[e.lifecycle, e.resource, e.object_type, e.object_id].map(cell)]));
    });
  }

  it('the world holds every formula-looking value, negative numbers and the tricky names', async () => {
    const values = new Set((await Promise.all(LOGS.map((log) => sourceEvents(db, log))))
      .flat().flatMap((e) => [e.case_id, e.activity, e.resource, e.object_id]));
    for (const value of [...Object.keys(DEFUSED), '-42', '-7', 'Ship "fast", then bill', 'Review\nsecond line',
      '审批 ✓ Genehmigung', '<Approve & Sign>', '🚀 launch', 'L&1 <"x">', 'SO,1']) {
      expect(values.has(value), value).toBe(true);
    }
    const text = readFileSync(exported('events', 'csv'), 'utf8');
    // Plain negative numbers stay numbers; the multi-line name stays one quoted cell.
    expect(text).toContain('\n-7,🚀 launch,');
    expect(text).toContain(',start,-42,invoice,I-1\n');
    expect(text).toContain('"Review\nsecond line"');
  });
});
