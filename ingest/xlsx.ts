/**
 * Excel workbooks (.xlsx): each sheet with a table becomes a UTF-8 CSV in the temp folder, written
 * as its rows stream (a sheet of a million rows is never held in memory), and is imported as an
 * entry named "book.xlsx › 线索" exactly as a CSV file would be. Hidden sheets and sheets without a
 * table are entries that say why they were not imported.
 *
 * Cells are read by exceljs's stream reader, but its parts are handed over from the central
 * directory (xlsx-zip.ts) instead of by its own single pass over the zip, which loses the last
 * entry on Node ≥ 18 (https://github.com/exceljs/exceljs/issues/3064; Excel and exceljs store
 * xl/workbook.xml last): relationships, workbook, styles and shared strings first, then each sheet
 * in tab order. The CSVs written count against the UnpackBudget as the parts do.
 */
import { statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Entry } from './archive.ts';
import { ImportError } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { importNote } from '../models/messages/import-notes.ts';
import type { UnpackBudget } from './unpack-budget.ts';
import { cellText } from './xlsx-cells.ts';
import { SheetWriter } from './xlsx-sheet.ts';
import { WorkbookZip, type MergedRange } from './xlsx-zip.ts';

interface Relationship {
  readonly Id: string;
  readonly Type: string;
  readonly Target: string;
}

interface SheetModel {
  readonly name: string;
  readonly id: number;
  readonly rId: string;
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

/** The parts of exceljs's WorkbookReader driven here (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
  readonly workbookRels?: readonly Relationship[];
  readonly model?: { readonly sheets?: readonly SheetModel[] };
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
}

/**
 * The sheets of the workbook at `path` (shown as `name`) as entries with CSVs under `dir`, in tab
 * order; null when the zip is no workbook. A workbook past the budget or broken is refused as a whole.
 */
export async function workbookEntries(path: string, name: string, dir: string, budget: UnpackBudget): Promise<Entry[] | null> {
  const zip = await WorkbookZip.open(path, name, budget);
  if (!zip) return null;
  try {
    return await readSheets(zip, path, name, dir, budget);
  } catch (error) {
    throw error instanceof ImportError ? error : new ImportError(name, importReason('xlsx_broken', { detail: (error as Error).message }));
  } finally {
    zip.close();
  }
}

async function readSheets(zip: WorkbookZip, path: string, name: string, dir: string, budget: UnpackBudget): Promise<Entry[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore',
  }) as unknown as ReaderParts;
  await reader._parseRels(await zip.part('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(await zip.part('xl/workbook.xml'));
  const rels = reader.workbookRels ?? [];
  const partOf = (rel: Relationship | undefined) => (rel ? posix.join('xl', rel.Target).replace(/^xl\/+xl\//, 'xl/') : '');
  // By the relationship's type (transitional or strict OOXML), else where Excel puts the part.
  const related = (type: string, usual: string) => partOf(rels.find((r) => r.Type.endsWith(`/${type}`))) || usual;
  const styles = related('styles', 'xl/styles.xml');
  if (zip.has(styles)) await reader._parseStyles(await zip.part(styles));
  const strings = related('sharedStrings', 'xl/sharedStrings.xml');
  if (zip.has(strings)) for await (const _ of reader._parseSharedStrings(await zip.part(strings)));
  const date1904 = reader.properties?.model?.date1904 === true;
  const count = budget.counter(name, statSync(path).size);

  const entries: Entry[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const shown = `${name} › ${sheet.name}`;
    const part = partOf(rels.find((r) => r.Id === sheet.rId));
    const csv = join(dir, `sheet-${entries.length}.csv`);
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
      entries.push({ path: csv, name: shown, skipped: importNote('sheet_hidden') });
    } else if (!zip.has(part)) {
      entries.push({ path: csv, name: shown, skipped: importNote('sheet_unread') });
    } else {
      const merges: MergedRange[] = [];
      const rows = reader._parseWorksheet(await zip.part(part, merges), String(sheet.id)).next().value.value;
      const writer = new SheetWriter(join(dir, `sheet-${entries.length}.rows`), csv, count);
      for await (const row of rows) writer.add(row.number, rowTexts(row, date1904));
      const table = await writer.finish(merges);
      entries.push(table ? { path: csv, name: shown, sheetRows: true } : { path: csv, name: shown, skipped: importNote('sheet_no_table') });
    }
  }
  return entries;
}

/** A row's cells as texts, column A first (a dense array: empty cells are ''). */
function rowTexts(row: ExcelJS.Row, date1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell((cell, column) => {
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = cellText(cell.value, cell.numFmt, date1904);
  });
  return cells;
}
