/**
 * Issue 19, "Done when" 1, through the command line: `ltc ingest` takes a Jiandaoyun-style workbook
 * unedited (seven sheets, merged title rows, date cells, ¥-formatted numbers, 回款 by contract) and
 * the workspace answers `ltc kpis`, `ltc funnel` and `ltc compare` exactly as the workspace of the
 * same world's GB18030 CSV export does. A second `ltc ingest` of the workbook loads nothing again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltcJson } from '../helpers/cli.ts';
import { writeChineseCrmBundle } from '../helpers/twins/chinese-crm-style.ts';
import { WORKBOOK_NAME, writeChineseWorkbook } from '../helpers/twins/chinese-workbook-style.ts';
import { removeBundle, twinWorld, type Bundle } from '../helpers/twins/world.ts';

interface IngestReport {
  files: { path: string; kind: string | null; rows_loaded: number; rows_rejected: number; already_imported_as?: number; error?: string }[];
}

describe('ltc ingest of a Chinese multi-sheet workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-cli-workbook-'));
  const fromBook = join(dir, 'book.duckdb');
  const fromCsv = join(dir, 'csv.duckdb');
  const { world } = twinWorld();
  let book: Bundle, csv: Bundle, report: IngestReport;

  beforeAll(async () => {
    book = await writeChineseWorkbook(world);
    csv = writeChineseCrmBundle(world);
    report = ltcJson<IngestReport>(['ingest', '--db', fromBook, book.files[0].path]);
    ltcJson(['ingest', '--db', fromCsv, ...csv.files.map((f) => f.path)]);
  });

  afterAll(() => {
    removeBundle(book);
    removeBundle(csv);
  });

  // the command line names a file by the path it was given, a sheet after it
  const shown = (name: string) => name.replace(WORKBOOK_NAME, book.files[0].path);

  it('imports each sheet as a file of its own, named after the workbook and the sheet', () => {
    expect(report.files.map((f) => [f.path, f.kind, f.rows_loaded, f.rows_rejected, f.error])).toEqual(
      book.files.map((f) => [shown(f.name), f.table, world[f.table].length, f.name.endsWith('回款') ? 1 : 0, undefined]));
  });

  it('answers kpis, funnel and compare exactly as its CSV twin', () => {
    for (const args of [['kpis'], ['kpis', '--from', '2025-01-01', '--to', '2025-06-30'], ['funnel'], ['compare', '--cutover', '2025-01-01']]) {
      const expected = ltcJson(args.concat('--db', fromCsv));
      expect(ltcJson(args.concat('--db', fromBook)), args.join(' ')).toEqual(expected);
    }
  });

  it('loads nothing a second time: every sheet was already imported', () => {
    const again = ltcJson<IngestReport>(['ingest', '--db', fromBook, book.files[0].path]);
    expect(again.files.map((f) => [f.path, f.rows_loaded, typeof f.already_imported_as])).toEqual(
      book.files.map((f) => [shown(f.name), 0, 'number']));
  });
});
