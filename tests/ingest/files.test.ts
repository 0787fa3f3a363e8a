import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { detectEncoding } from '../../ingest/decode.ts';
import { sniffDialect } from '../../ingest/sniff.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

let db: Database | undefined;
afterEach(() => db?.close());

const dir = mkdtempSync(join(tmpdir(), 'ltc-files-'));
function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function load(path: string, name = path.split('/').pop()!) {
  db = await openWorkspace(':memory:');
  return (await importAndRebuild(db, [{ path, name }])).files;
}

async function leads() {
  return db!.query<{ lead_id: string; created_at: string; source: string | null }>(
    `SELECT lead_id, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at, source FROM leads ORDER BY lead_id`);
}

const TEXT = 'lead_id,created_at,source\nL1,2025-03-07 09:30,Büro Süd\nL2,2025-03-08,展会\n';
const EXPECTED = [
  { lead_id: 'L1', created_at: '2025-03-07 09:30', source: 'Büro Süd' },
  { lead_id: 'L2', created_at: '2025-03-08 00:00', source: '展会' },
];

describe('encodings are detected, not asked', () => {
  it.each([
    ['utf-8', Buffer.from(TEXT, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT.replaceAll(',', '\t'), 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT.replaceAll(',', '\t'), 'utf-16be')])],
    ['gb18030', iconv.encode(TEXT.replace('Büro Süd', '华东区'), 'gb18030')],
  ] as const)('%s', async (encoding, bytes) => {
    const files = await load(file(`leads-${encoding}.csv`, bytes));
    expect(files[0]).toMatchObject({ encoding, kind: 'leads', rows_loaded: 2, rows_rejected: 0 });
    const expected = encoding === 'gb18030' ? [{ ...EXPECTED[0], source: '华东区' }, EXPECTED[1]] : EXPECTED;
    expect(await leads()).toEqual(expected);
  });

  it('windows-1252', async () => {
    const files = await load(file('leads-1252.csv', iconv.encode(TEXT.replace(',展会', ',Café'), 'windows-1252')));
    expect(files[0]).toMatchObject({ encoding: 'windows-1252', rows_loaded: 2 });
    expect((await leads()).map((l) => l.source)).toEqual(['Büro Süd', 'Café']);
  });

  it('tells GB18030 from Windows-1252 by the shape of their high bytes', () => {
    expect(detectEncoding(iconv.encode('线索编号,创建时间\nA1,2025年3月7日\n', 'gb18030'))).toBe('gb18030');
    expect(detectEncoding(iconv.encode('name,city\nRenée,Zürich\nJosé,Málaga\n', 'windows-1252'))).toBe('windows-1252');
  });
});

describe('dialects', () => {
  it.each([[';'], ['\t'], ['|']])('reads the delimiter %j', async (delimiter) => {
    const files = await load(file(`leads-${delimiter.charCodeAt(0)}.csv`, TEXT.replaceAll(',', delimiter)));
    expect(files[0]).toMatchObject({ delimiter, rows_loaded: 2 });
    expect(await leads()).toEqual(EXPECTED);
  });

  it('skips title rows above the header, keeps CRLF, quoted newlines and trailing blank lines, and names lines truly', async () => {
    const text = [
      '线索列表', '导出时间: 2025-03-09 10:00', '',
      'lead_id,created_at,source,note', 'L1,2025-03-07 09:30,Web,"two', 'lines"', 'L2,not a date,Web,', 'L3,2025-03-08,Fair,', '', '',
    ].join('\r\n');
    const files = await load(file('title-rows.csv', text));
    expect(files[0]).toMatchObject({ header_line: 4, rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(files[0].rejects).toEqual([{
      line: 7, column: 'created_at', reason: expect.stringMatching(/"not a date" is not/), reason_zh: expect.stringMatching(/"not a date" 不是/),
    }]);
    expect(sniffDialect(text)).toEqual({ delimiter: ',', headerLine: 3 });
  });

  it('keeps repeated header names apart (DuckDB numbers the second one)', async () => {
    const files = await load(file('dup-headers.csv', 'lead_id,created_at,合同编号,合同编号\nL1,2025-01-01,C1,C2\n'));
    expect(files[0]).toMatchObject({ rows_loaded: 1 });
    const [row] = await db!.query<{ a: string; b: string }>(`SELECT attributes->>'合同编号' AS a, attributes->>'合同编号_1' AS b FROM leads`);
    expect(row).toEqual({ a: 'C1', b: 'C2' });
  });
});

describe('bundles', () => {
  it('unpacks a zip (by content, whatever its entries are named) and imports each entry', async () => {
    const inner = zipSync({ 'VBFA.zip': Buffer.from('order_id,created_at,amount\nSO1,2025-01-02,10\n') });
    const zip = zipSync({
      'export/leads.csv': Buffer.from(TEXT),
      'export/nested.zip': inner,
      '__MACOSX/._leads.csv': Buffer.from('junk'),
    });
    const files = await load(file('bundle.zip', Buffer.from(zip)));
    expect(files.map((f) => [f.path, f.kind, f.rows_loaded])).toEqual([
      ['bundle.zip › export/leads.csv', 'leads', 2],
      ['bundle.zip › export/nested.zip › VBFA.zip', 'orders', 1],
    ]);
  });

  it('unpacks gzip', async () => {
    const files = await load(file('leads.csv.gz', gzipSync(Buffer.from(TEXT))));
    expect(files[0]).toMatchObject({ path: 'leads.csv.gz › leads.csv', kind: 'leads', rows_loaded: 2 });
  });

  it('refuses a broken archive with its name and leaves the database empty', async () => {
    const good = Buffer.from(zipSync({ 'leads.csv': Buffer.from(TEXT) }));
    const files = await load(file('broken.zip', good.subarray(0, good.length - 30)));
    expect(files[0].error).toMatch(/^broken\.zip: broken zip file/);
    expect(await db!.query('SELECT count(*)::INTEGER AS n FROM leads')).toEqual([{ n: 0 }]);
  });
});

describe('line ends', () => {
  it('reads a file that mixes CRLF and LF line ends (DuckDB alone refuses it)', async () => {
    const files = await load(file('mixed-newlines.csv', 'lead_id,created_at,source\r\nL1,2025-03-07 09:30,"Büro\r\nSüd"\r\nL2,2025-03-08,展会\n'));
    expect(files[0]).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
    expect(await leads()).toEqual([{ ...EXPECTED[0], source: 'Büro\nSüd' }, EXPECTED[1]]);
  });
});
