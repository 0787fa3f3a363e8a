/**
 * Malformed input never crashes, hangs or half-changes the workspace (docs/safety.md). Each property
 * imports generated files (tests/hardening/fuzz-files.ts) into one in-memory workspace, several
 * files a call, and checks every call: importAndRebuild returns within a bound and never throws; each
 * file ends in success or in a one-line error that names it and shows no stack; the tables
 * (checksums of every table of the main schema) equal their state before the call once the
 * successful files' batches are taken out (the rows they replaced counted back), so a failed file
 * changed nothing; and each batch holds exactly the rows its report counts. When a check fails,
 * fast-check shrinks the call to the one file that breaks it. Seeds are fixed, so CI replays the
 * same files; a failure prints the seed and path to replay it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TABLE_KINDS } from '../../models/db/contract.ts';
import type { Database } from '../../models/db/database.ts';
import type { FileReport, ImportSource } from '../../ingest/import-files.ts';
import { changedTables, tableChecksums, workspaceTables, type Checksums } from '../helpers/checksums.ts';
import {
  archiveFile, canonicalFile, deepJsonFile, hugeFieldFile, idOf, nulFile, randomBytesFile, unterminatedQuoteFile,
  wideFile, wrongEncodingFile, xmlEntityFile, type FuzzFile,
} from './fuzz-files.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const SEED = 90_210;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ltc-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What an external entity would bring in: a marker file of ours, and /etc/passwd where there is one.
const MARKER = 'ltc-fuzz-secret-3f9c1d';
const markerPath = join(dir, 'secret.txt');
writeFileSync(markerPath, `${MARKER}\n`);
const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0] : '';
const secretPaths = passwd ? [markerPath, '/etc/passwd'] : [markerPath];
const secrets = passwd ? [MARKER, passwd] : [MARKER];

/** Files imported per generator, and how they ended (the last test checks the total). */
const made = new Map<string, { files: number; loaded: number; refused: number; seen: number }>();

interface Workspace {
  readonly db: Database;
  /** the main schema's tables and columns (a call that adds or drops one fails) */
  readonly tables: Map<string, string[]>;
  /** checksums after the last call */
  state: Checksums;
  calls: number;
  files: number;
  importMs: number;
}

const seedBundle: Record<string, string> = {
  'leads.csv': `lead_id,created_at,source,status,account_id\n${Array.from({ length: 10 }, (_, i) =>
    `${idOf('lead_id', i)},2025-01-${String(i + 1).padStart(2, '0')},Web,Open,${idOf('account_id', i % 3)}`).join('\n')}\n`,
  'orders.csv': `order_id,created_at,lead_id,amount\n${Array.from({ length: 5 }, (_, i) =>
    `${idOf('order_id', i)},2025-02-0${i + 1},${idOf('lead_id', i)},${100 * (i + 1)}`).join('\n')}\n`,
  'invoices.csv': `invoice_id,order_id,issued_at,amount\n${idOf('invoice_id', 0)},${idOf('order_id', 0)},2025-02-10,100\n`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id\n${idOf('payment_id', 0)},2025-03-01,100,${idOf('invoice_id', 0)}\n`,
  'events.csv': `case_id,activity,timestamp\n${idOf('case_id', 0)},call,2025-01-02 10:00:00\n${idOf('case_id', 0)},visit,2025-01-03 10:00:00\n`,
  'accounts.csv': `account_id,name,industry\n${idOf('account_id', 0)},Acme,Retail\n`,
  'seed.jsonocel': JSON.stringify({
    objectTypes: [{ name: 'order', attributes: [] }], eventTypes: [{ name: 'place', attributes: [] }],
    objects: [{ id: 'seed-o1', type: 'order' }],
    events: [{ id: 'seed-e1', type: 'place', time: '2024-01-01T00:00:00Z', relationships: [{ objectId: 'seed-o1', qualifier: 'q' }] }],
  }),
};

async function seededWorkspace(): Promise<Workspace> {
  const db = await openWorkspace(':memory:');
  const seedDir = mkdtempSync(join(dir, 'seed-'));
  const sources = Object.entries(seedBundle).map(([name, text]) => {
    writeFileSync(join(seedDir, name), text);
    return { path: join(seedDir, name), name };
  });
  const { files } = await importAndRebuild(db, sources);
  expect(files.filter((f) => f.error).map((f) => f.error)).toEqual([]);
  const tables = await workspaceTables(db);
  return { db, tables, state: await tableChecksums(db, { tables }), calls: 0, files: 0, importMs: 0 };
}

function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One line, naming the file, without a stack, our source paths or our temp paths. */
function expectCleanError(error: string, source: string): void {
  expect(error.length).toBeGreaterThan(0);
  expect(error.length, error.slice(0, 200)).toBeLessThanOrEqual(1200);
  expect(error.startsWith(source), `"${error}" names ${source}`).toBe(true);
  // eslint-disable-next-line no-control-regex
  expect(error, 'one line, no control characters').not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  expect(error, 'no stack frame').not.toMatch(/\bat (?:\S+ \()?(?:file:\/\/|node:|\/)\S*:\d+:\d+/);
  expect(error).not.toMatch(/node:internal|\.(?:ts|js|mjs|cjs):\d+:\d+/);
  expect(error).not.toContain(ROOT);
  expect(error).not.toContain(tmpdir());
}

/** Rows each batch holds: canonical tables and their archives (rows a later batch replaced), or ocel_events. */
async function rowsOfBatches(db: Database, batches: readonly number[]): Promise<Map<number, { canonical: number; ocel: number }>> {
  const canonical = TABLE_KINDS.flatMap((k) => [k, `${k}_replaced`]).map((t) => `SELECT batch_id, 'canonical' AS side FROM ${t}`);
  const rows = await db.query<{ batch_id: number; side: string; n: number }>(
    `SELECT batch_id, side, count(*)::INTEGER AS n FROM (${[...canonical, "SELECT batch_id, 'ocel' FROM ocel_events"].join(' UNION ALL ')})
     WHERE batch_id IN (${batches.join(', ')}) GROUP BY ALL`);
  const out = new Map(batches.map((b) => [b, { canonical: 0, ocel: 0 }]));
  for (const r of rows) out.get(r.batch_id)![r.side as 'canonical' | 'ocel'] = r.n;
  return out;
}

/** Tables of a schema with a row that holds one of the secrets. */
async function tablesHoldingSecrets(db: Database, schema: string): Promise<string[]> {
  const tables = [...(await workspaceTables(db, schema)).keys()];
  const rows = tables.map((t) => `SELECT '${t}' AS name, t::VARCHAR AS row FROM "${schema}"."${t}" t`).join(' UNION ALL ');
  const found = await db.query<{ name: string }>(`SELECT DISTINCT name FROM (${rows})
    WHERE ${secrets.map((_, i) => `contains(row, $${i + 1})`).join(' OR ')} ORDER BY name`, secrets);
  return found.map((f) => `${schema}.${f.name}`);
}

interface CallOptions {
  /** bound of one importAndRebuild call */
  readonly limitMs: number;
}

/** Imports `files` in one call and checks the reports and the tables (see the module comment). */
async function importChecked(ws: Workspace, files: readonly FuzzFile[], options: CallOptions): Promise<void> {
  ws.calls++;
  const callDir = mkdtempSync(join(dir, 'call-'));
  const sources: ImportSource[] = files.map((file, i) => {
    const path = join(callDir, `${i}-${file.name.replace(/[^\w.-]/g, '_')}`);
    writeFileSync(path, file.bytes);
    return { path, name: `${i}-${file.name}` };
  });
  ws.files += files.length;
  const before = ws.state;
  let reports: FileReport[] = [];
  const started = performance.now();
  try {
    reports = (await within(options.limitMs, `importing ${sources.map((s) => s.name).join(', ')}`,
      importAndRebuild(ws.db, sources, { materialize: false }))).files;
  } finally {
    // Whatever happens, the next call compares with what is there now.
    ws.importMs += performance.now() - started;
    ws.state = await tableChecksums(ws.db, { tables: ws.tables });
    rmSync(callDir, { recursive: true, force: true });
  }

  for (const [i, source] of sources.entries()) {
    const own = reports.filter((r) => r.path === source.name || r.path.startsWith(`${source.name} › `));
    expect(own.length, `a report for ${source.name}`).toBeGreaterThan(0);
    const tally = made.get(files[i].generator) ?? { files: 0, loaded: 0, refused: 0, seen: 0 };
    tally.files++;
    if (own.some((r) => r.batch_id !== null)) tally.loaded++;
    else if (own.some((r) => r.error !== undefined)) tally.refused++;
    else tally.seen++;
    made.set(files[i].generator, tally);
    for (const report of own) {
      if (report.error !== undefined) {
        expectCleanError(report.error, source.name);
        expect(report.batch_id).toBeNull();
      } else {
        expect(report.batch_id !== null || report.already_imported_as !== undefined, `${report.path} has a batch`).toBe(true);
      }
    }
  }
  expect(reports.length).toBeGreaterThanOrEqual(sources.length);

  const [{ n: tableCount }] = await ws.db.query<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'");
  expect(tableCount, 'the main schema has the same tables').toBe(ws.tables.size);
  const [settings] = await ws.db.query<{ optimizers: string; external: boolean }>(
    "SELECT current_setting('disabled_optimizers') AS optimizers, current_setting('enable_external_access') AS external");
  expect(settings, 'the workspace settings are as opened').toEqual({ optimizers: 'common_subexpressions', external: false });
  const loaded = reports.filter((r) => r.error === undefined && r.batch_id !== null);
  const batches = loaded.map((r) => r.batch_id!);
  const without = batches.length ? await tableChecksums(ws.db, { withoutBatches: batches, tables: ws.tables }) : ws.state;
  expect(changedTables(before, without), `nothing but batches [${batches.join(', ')}] changed the tables`).toEqual({});
  if (batches.length) {
    const held = await rowsOfBatches(ws.db, batches);
    const recorded = await ws.db.query<{ batch_id: number }>(
      `SELECT batch_id FROM import_batches WHERE undone_at IS NULL AND batch_id IN (${batches.join(', ')}) ORDER BY batch_id`);
    expect(recorded.map((r) => r.batch_id)).toEqual([...batches].sort((a, b) => a - b));
    for (const report of loaded) {
      const rows = held.get(report.batch_id!)!;
      expect(rows, `rows of batch ${report.batch_id} (${report.path})`).toEqual(report.kind === 'ocel'
        ? { canonical: 0, ocel: report.rows_loaded }
        : { canonical: report.rows_inserted + report.rows_updated, ocel: 0 });
    }
  }
}

interface Property {
  readonly files: fc.Arbitrary<FuzzFile>;
  readonly runs: number;
  /** files per importAndRebuild call, from and to */
  readonly perCall: readonly [number, number];
  readonly limitMs?: number;
}

/** Runs a property on a fresh seeded workspace; at the end the model must build from what was loaded. */
async function fuzz(property: Property): Promise<void> {
  const ws = await seededWorkspace();
  const started = performance.now();
  try {
    await fc.assert(fc.asyncProperty(fc.array(property.files, { minLength: property.perCall[0], maxLength: property.perCall[1], size: 'max' }),
      (files) => importChecked(ws, files, { limitMs: property.limitMs ?? 20_000 })),
    { numRuns: property.runs, seed: SEED });
    // Nothing the fuzz loaded is ever deleted (replaced rows are archived), so one look at the end
    // finds any secret an external entity brought in. A plain import with the default options then
    // rebuilds the case model over whatever was loaded, and the model is searched too.
    const last = join(dir, `last-${ws.calls}.csv`);
    writeFileSync(last, `lead_id,created_at\nlast-${ws.calls},2025-06-01\n`);
    expect(await tablesHoldingSecrets(ws.db, 'main')).toEqual([]);
    const { files } = await within(60_000, 'the model rebuild', importAndRebuild(ws.db, [{ path: last, name: 'last.csv' }]));
    expect(files[0].error).toBeUndefined();
    expect(await tablesHoldingSecrets(ws.db, 'model')).toEqual([]);
  } finally {
    if (process.env.LTC_FUZZ_SUMMARY) {
      const total = performance.now() - started;
      console.info(`${ws.files} files in ${ws.calls} calls, ${(total / 1000).toFixed(1)} s: ${(ws.importMs / ws.files).toFixed(1)} ms import + ${((total - ws.importMs) / ws.files).toFixed(1)} ms checks a file`);
    }
    ws.db.close();
  }
}

/** LTC_FUZZ_RUNS=N runs every property N times, for a quick local look (the total check then fails). */
const n = (runs: number) => Number(process.env.LTC_FUZZ_RUNS ?? runs);

// Runs × files a call: about 5,150 files. A file on the CSV path costs 60–130 ms (it is loaded
// through DuckDB), one refused early 10–25 ms: the cheap generators carry the count. Each property
// has its own workspace, so two run side by side (DuckDB works off the main thread).
vi.setConfig({ maxConcurrency: 2 });
describe.concurrent('import fuzz: every file ends in success or a clean one-line error, and a failed file changes nothing', () => {
  it('CSV of the canonical tables, whole or cut at any byte', () => fuzz({ files: canonicalFile, runs: n(16), perCall: [6, 16] }), 170_000);

  it('text in the wrong encoding (Latin-1, UTF-16 without BOM, GB18030, invalid UTF-8)', () =>
    fuzz({ files: wrongEncodingFile, runs: n(9), perCall: [6, 16] }), 170_000);

  it('quotes that never close', () => fuzz({ files: unterminatedQuoteFile, runs: n(10), perCall: [6, 16] }), 170_000);

  it('NUL bytes anywhere', () => fuzz({ files: nulFile, runs: n(10), perCall: [6, 16] }), 170_000);

  it('random bytes under any name', () => fuzz({ files: randomBytesFile, runs: n(38), perCall: [24, 48] }), 170_000);

  it('broken, lying and real zip and gzip files', () => fuzz({ files: archiveFile, runs: n(34), perCall: [24, 48] }), 170_000);

  it('XML and XES with entity declarations: nothing expanded, no external file read', () =>
    fuzz({ files: xmlEntityFile(secretPaths), runs: n(28), perCall: [24, 48] }), 170_000);

  it('JSON nested thousands deep, named .jsonocel', () => fuzz({ files: deepJsonFile, runs: n(40), perCall: [24, 48] }), 170_000);

  it('thousands of columns', () => fuzz({ files: wideFile, runs: n(3), perCall: [1, 1], limitMs: 60_000 }), 170_000);

  it('a field of several MB', () => fuzz({ files: hugeFieldFile, runs: n(4), perCall: [1, 1], limitMs: 60_000 }), 170_000);
});

describe('import fuzz, in all', () => {
  it('imported at least 5,000 generated files, from every generator', () => {
    const total = [...made.values()].reduce((sum, tally) => sum + tally.files, 0);
    if (process.env.LTC_FUZZ_SUMMARY) console.table(Object.fromEntries([...made].sort()));
    expect(total).toBeGreaterThanOrEqual(5000);
  });
});
