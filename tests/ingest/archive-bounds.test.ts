/**
 * Unpacking is bounded (issue 14): archive bombs built here — a zip of zeros, a zip whose headers
 * declare less than its data, a gzip of zeros, zips of zips of zeros — are refused with one line
 * naming the entry, leave nothing in the temp folder, and change no table, in expandArchive, in
 * importAndRebuild and through the HTTP server's /api/import and /api/import/preview. Ordinary bundles
 * (the Odoo fixtures, a few MB of generated leads) still unpack and import as their plain files do.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DASHBOARD_HEADERS } from '../../app/server/dashboard-request.ts';
import { expandArchive } from '../../ingest/archive.ts';
import type { FileReport } from '../../ingest/import-files.ts';
import { MAX_ENTRIES, MAX_RATIO } from '../../ingest/unpack-budget.ts';
import { apiServer } from '../helpers/api-server.ts';
import { deflated, gzipOf, zeros, zipOf, zipOfZips } from '../helpers/archive-bombs.ts';
import { tableChecksums } from '../helpers/checksums.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-archive-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ODOO = join(import.meta.dirname, '../fixtures/odoo');
const odooFiles = readdirSync(ODOO).filter((f) => f.endsWith('.csv')).sort();

const savedLimit = process.env.LTC_MAX_UNPACKED_MB;
afterEach(() => {
  if (savedLimit === undefined) delete process.env.LTC_MAX_UNPACKED_MB;
  else process.env.LTC_MAX_UNPACKED_MB = savedLimit;
});

let made = 0;
function file(name: string, bytes: Buffer | Uint8Array): string {
  const path = join(dir, `${made++}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

/** expandArchive into a temp folder of its own: the error's message (or null) and what is left there. */
async function expand(name: string, bytes: Buffer | Uint8Array) {
  const work = join(dir, `work-${made++}`);
  mkdirSync(work);
  try {
    const entries = await expandArchive(file(name, bytes), name, work);
    return { error: null, entries, left: readdirSync(work, { recursive: true }) };
  } catch (error) {
    return { error: (error as Error).message, entries: [], left: readdirSync(work, { recursive: true }) };
  }
}

/** `n` leads as CSV, about 60 bytes a row: data that zips like an export (ratio ~4). */
function leadsCsv(n: number, from = 0): Buffer<ArrayBuffer> {
  const rows = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return `L${i},2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${['Web', 'Fair', 'Referral'][i % 3]},owner${(i * 7919) % 997}`;
  });
  return Buffer.from(`lead_id,created_at,source,owner\n${rows.join('\n')}\n`);
}

const LIMIT_LINE = (mb: number) => `expands past the ${mb} MB limit for unpacked archives (LTC_MAX_UNPACKED_MB)`;
const RATIO_LINE = `expands to more than ${MAX_RATIO} times its compressed size: refused as an archive bomb`;

describe('archive bombs are refused with one line naming the entry, leaving nothing behind', () => {
  it('a zip of 300 MB of zeros, by its declared size before a byte is inflated', async () => {
    const bomb = zipOf([{ name: 'leads.csv', content: deflated(leadsCsv(10)) }, { name: 'big.csv', content: zeros(300) }]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const { error, left } = await expand('bundle.zip', bomb);
    expect(error).toBe(`bundle.zip › big.csv: ${RATIO_LINE}`);
    expect(left).toEqual([]);
  });

  it('a zip past LTC_MAX_UNPACKED_MB, counting every entry (sizes declared truly)', async () => {
    process.env.LTC_MAX_UNPACKED_MB = '4';
    const bundle = zipOf([
      { name: 'a.csv', content: deflated(leadsCsv(70_000)) },
      { name: 'b.csv', content: deflated(leadsCsv(70_000, 70_000)) },
    ]);
    expect(leadsCsv(70_000).length).toBeGreaterThan(2 * 1024 * 1024);
    expect(leadsCsv(70_000).length).toBeLessThan(4 * 1024 * 1024);
    const { error, left } = await expand('bundle.zip', bundle);
    expect(error).toBe(`bundle.zip › b.csv: ${LIMIT_LINE(4)}`);
    expect(left).toEqual([]);
  });

  it('a zip of more than 10,000 tiny entries, counted before the first import', async () => {
    const names = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => `part-${String(i).padStart(5, '0')}.csv`);
    const many = zipOf(names.map((name) => ({ name, content: deflated(Buffer.from('lead_id,created_at\n')) })));
    const { error, left } = await expand('many.zip', many);
    expect(error).toBe('many.zip: holds more than 10,000 entries: refused (an export bundle has a few dozen files)');
    expect(left).toEqual([]);
    // The limit itself still unpacks.
    const { error: none } = await expand('enough.zip', zipOf(names.slice(0, 3).map((name) => ({ name, content: deflated(Buffer.from('lead_id,created_at\n')) }))));
    expect(none).toBeNull();
  });

  it('a zip whose headers declare 1,000 bytes for 64 MB of zeros: stopped as its bytes stream', async () => {
    const liar = zipOf([{ name: 'small.csv', content: zeros(64), declaredSize: 1000 }]);
    const { error, left } = await expand('liar.zip', liar);
    expect(error).toBe('liar.zip › small.csv: expands past the 1000 bytes its zip header declares: refused as a broken or crafted archive');
    expect(left).toEqual([]);
  });

  it('a gzip of zeros: the limit, counted while it streams', async () => {
    process.env.LTC_MAX_UNPACKED_MB = '16';
    const { error, left } = await expand('bomb.csv.gz', gzipOf(zeros(64)));
    expect(error).toBe(`bomb.csv.gz › bomb.csv: ${LIMIT_LINE(16)}`);
    expect(left).toEqual([]);
  });

  it('a gzip of zeros: the ratio, counted while it streams (gzip declares no size)', async () => {
    const { error, left } = await expand('bomb.gz', gzipOf(zeros(64)));
    expect(error).toBe(`bomb.gz › bomb: ${RATIO_LINE}`);
    expect(left).toEqual([]);
  });

  it('zips of zips of zeros share the budget of the outermost (each entry alone is small)', async () => {
    process.env.LTC_MAX_UNPACKED_MB = '64';
    // 10 × 10 leaves of 6 MB (under the ratio's free 8 MB): 600 MB from a few KB.
    const leaf = zipOf([{ name: 'zeros.csv', content: zeros(6) }]);
    const middle = zipOfZips(Array.from({ length: 10 }, (_, i) => `i${i}.zip`), leaf);
    const outer = zipOfZips(Array.from({ length: 10 }, (_, i) => `m${i}.zip`), middle);
    expect(outer.length).toBeLessThan(64 * 1024);
    const { error, left } = await expand('nested.zip', outer);
    // m0's ten leaves take 60 MB; the first of m1's passes 64.
    expect(error).toBe(`nested.zip › m1.zip › i0.zip › zeros.csv: ${LIMIT_LINE(64)}`);
    expect(left).toEqual([]);
  });

  it('and leave the workspace as it was when imported', async () => {
    const db = await openWorkspace(':memory:');
    try {
      await importAndRebuild(db, [{ path: file('leads.csv', leadsCsv(100)), name: 'leads.csv' }]);
      const before = await tableChecksums(db);
      process.env.LTC_MAX_UNPACKED_MB = '8';
      const sources = [
        { path: file('bundle.zip', zipOf([{ name: 'leads.csv', content: deflated(leadsCsv(50, 100)) }, { name: 'big.csv', content: zeros(300) }])), name: 'bundle.zip' },
        { path: file('bomb.csv.gz', gzipOf(zeros(64))), name: 'bomb.csv.gz' },
      ];
      const { files } = await importAndRebuild(db, sources);
      expect(files.map((f) => f.error)).toEqual([`bundle.zip › big.csv: ${LIMIT_LINE(8)}`, `bomb.csv.gz › bomb.csv: ${LIMIT_LINE(8)}`]);
      expect(await tableChecksums(db)).toEqual(before);
    } finally {
      db.close();
    }
  });
});

describe('ordinary bundles still unpack', () => {
  it('skips directories, macOS metadata and empty entries, writes entries under generated names, in name order', async () => {
    const csv = leadsCsv(3);
    const zip = zipSync({
      'export/': new Uint8Array(),
      'export/b.csv': csv,
      '__MACOSX/export/._b.csv': Buffer.from('mac'),
      'export/.DS_Store': Buffer.from('ds'),
      'export/empty.csv': new Uint8Array(),
      '../../a.csv': csv,
    });
    const { error, entries } = await expand('bundle.zip', zip);
    expect(error).toBeNull();
    expect(entries.map((e) => e.name)).toEqual(['bundle.zip › ../../a.csv', 'bundle.zip › export/b.csv']);
    for (const entry of entries) {
      expect(entry.path.startsWith(dir)).toBe(true);
      expect(entry.path).toMatch(/\/entry-\d+$/);
      expect(readFileSync(entry.path)).toEqual(csv);
    }
    const nothing = await expand('nothing.zip', zipSync({ 'dir/': new Uint8Array(), '__MACOSX/x': Buffer.from('x') }));
    expect(nothing.error).toBe('nothing.zip: the archive holds no files');
    expect(nothing.left).toEqual([]);
  });

  it('a few MB of leads under a small limit, zipped and gzipped', async () => {
    process.env.LTC_MAX_UNPACKED_MB = '8';
    const csv = leadsCsv(80_000);
    expect(csv.length).toBeGreaterThan(2 * 1024 * 1024);
    for (const [name, bytes] of [['leads.zip', zipSync({ 'leads.csv': csv })], ['leads.csv.gz', gzipSync(csv)]] as const) {
      const { error, entries } = await expand(name, bytes);
      expect(error).toBeNull();
      expect(entries).toHaveLength(1);
      expect(readFileSync(entries[0].path).equals(csv)).toBe(true);
    }
  });

  it('the Odoo fixtures import from a zip, a gzip and a nested zip as from their plain files', async () => {
    process.env.LTC_MAX_UNPACKED_MB = '1';
    const plain = await importOnce(odooFiles.map((f) => ({ path: join(ODOO, f), name: f })));
    const bundle = zipSync(Object.fromEntries(odooFiles.map((f) => [`odoo/${f}`, readFileSync(join(ODOO, f))])));
    const zipped = await importOnce([{ path: file('odoo.zip', bundle), name: 'odoo.zip' }]);
    const nested = await importOnce([{ path: file('outer.zip', zipSync({ 'odoo.zip': bundle })), name: 'outer.zip' }]);
    const gz = await importOnce([{ path: file('crm.lead.csv.gz', gzipSync(readFileSync(join(ODOO, 'crm.lead.csv')))), name: 'crm.lead.csv.gz' }]);
    expect(plain.every((f) => f.error === undefined && f.rows_loaded > 0)).toBe(true);
    const counts = (files: FileReport[]) => files.map((f) => [f.kind, f.rows_loaded, f.rows_rejected, f.error]);
    expect(zipped.map((f) => f.path)).toEqual(odooFiles.map((f) => `odoo.zip › odoo/${f}`));
    expect(nested.map((f) => f.path)).toEqual(odooFiles.map((f) => `outer.zip › odoo.zip › odoo/${f}`));
    expect(counts(zipped)).toEqual(counts(plain));
    expect(counts(nested)).toEqual(counts(plain));
    expect(gz[0].path).toBe('crm.lead.csv.gz › crm.lead.csv');
    expect(counts(gz)).toEqual(counts(plain.filter((f) => f.path === 'crm.lead.csv')));
  });
});

/** The files' reports of one import into a new workspace. */
async function importOnce(sources: { path: string; name: string }[]): Promise<FileReport[]> {
  const db = await openWorkspace(':memory:');
  try {
    return (await importAndRebuild(db, sources, { materialize: false })).files;
  } finally {
    db.close();
  }
}

describe('through the HTTP server', () => {
  it('refuses a zip declaring 1 GB of zeros on /api/import and /api/import/preview, changing nothing', async () => {
    const db = await openWorkspace(':memory:');
    const server = await apiServer(db);
    try {
      const seeded = await fetch(`${server.base}/api/import?name=leads.csv`, { method: 'POST', headers: DASHBOARD_HEADERS, body: leadsCsv(100) });
      expect(seeded.status).toBe(200);
      const before = await tableChecksums(db);
      const batches = await (await fetch(`${server.base}/api/imports`)).json();

      const bomb = zipOf([{ name: 'zeros.csv', content: zeros(1024) }]);
      expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
      const refused = `bomb.zip › zeros.csv: ${RATIO_LINE}`;
      const imported = await fetch(`${server.base}/api/import?name=bomb.zip`, { method: 'POST', headers: DASHBOARD_HEADERS, body: bomb });
      expect(imported.status).toBe(422);
      const answer = await imported.json();
      expect(answer.error).toBe(refused);
      expect(answer.report.files).toHaveLength(1);

      const preview = await fetch(`${server.base}/api/import/preview?name=bomb.zip`, { method: 'POST', headers: DASHBOARD_HEADERS, body: bomb });
      expect(preview.status).toBe(200);
      expect(await preview.json()).toEqual({ files: [{ path: 'bomb.zip', error: refused, error_zh: 'bomb.zip › zeros.csv: 解压后超过压缩大小的 500 倍:视为压缩炸弹,已拒绝' }] });

      // The limit, counted while a gzip streams, on the same doors.
      process.env.LTC_MAX_UNPACKED_MB = '16';
      const gz = gzipOf(zeros(256));
      const gzImport = await fetch(`${server.base}/api/import?name=zeros.csv.gz`, { method: 'POST', headers: DASHBOARD_HEADERS, body: gz });
      expect(gzImport.status).toBe(422);
      expect((await gzImport.json()).error).toBe(`zeros.csv.gz › zeros.csv: ${LIMIT_LINE(16)}`);
      const gzPreview = await (await fetch(`${server.base}/api/import/preview?name=zeros.csv.gz`, { method: 'POST', headers: DASHBOARD_HEADERS, body: gz })).json();
      expect(gzPreview.files).toEqual([{
        path: 'zeros.csv.gz', error: `zeros.csv.gz › zeros.csv: ${LIMIT_LINE(16)}`,
        error_zh: 'zeros.csv.gz › zeros.csv: 解压后超过 16 MB 的解压上限(LTC_MAX_UNPACKED_MB)',
      }]);

      expect(await tableChecksums(db)).toEqual(before);
      expect(await (await fetch(`${server.base}/api/imports`)).json()).toEqual(batches);
    } finally {
      await server.stop(db);
    }
  });
});
