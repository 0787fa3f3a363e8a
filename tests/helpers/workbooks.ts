/**
 * Excel workbooks (.xlsx) written with exceljs for import tests: sheets given row by row (typed cells,
 * number formats, merged ranges, hidden sheets, the 1904 date system), and a folder of CSV exports
 * (the sample bundle, a world's files) turned into one workbook of a sheet per file, its cells typed
 * as Excel would hold them: numbers as numbers, ISO dates as date cells — in memory, or streamed row
 * by row for a sheet of a million rows (csvAsWorkbook, the bench's workbook).
 */
import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type Cell = ExcelJS.CellValue;

export interface SheetSpec {
  readonly name: string;
  /** rows from row 1, cells from column A; null or undefined leaves a cell empty */
  readonly rows: readonly (readonly Cell[])[];
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
  /** ranges to merge, e.g. "A1:F1" (the value stays in the top-left cell) */
  readonly merges?: readonly string[];
  /** number formats by column letter ("C") or cell ("C3"), e.g. '"¥"#,##0.00' or 'yyyy-mm-dd' */
  readonly numFmts?: Readonly<Record<string, string>>;
}

export interface WorkbookOptions {
  /** the workbook's 1904 date system (Excel for Mac before 2011) */
  readonly date1904?: boolean;
}

/** Date formats given to date cells by default: a date, or a date with its time. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** The workbook's bytes. */
export async function workbookBytes(sheets: readonly SheetSpec[], options: WorkbookOptions = {}): Promise<Buffer<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = options.date1904 === true;
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, { state: spec.state ?? 'visible' });
    spec.rows.forEach((cells, r) => {
      cells.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = hasTime(value) ? DATE_TIME_FORMAT : DATE_FORMAT;
      });
    });
    for (const [where, numFmt] of Object.entries(spec.numFmts ?? {})) {
      if (/^[A-Z]+$/.test(where)) {
        sheet.getColumn(where).eachCell({ includeEmpty: false }, (cell) => { cell.numFmt = numFmt; });
      } else {
        sheet.getCell(where).numFmt = numFmt;
      }
    }
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(new Uint8Array(await book.xlsx.writeBuffer() as ArrayBuffer));
}

/** Writes the workbook to `path`; returns `path`. */
export async function writeWorkbook(path: string, sheets: readonly SheetSpec[], options: WorkbookOptions = {}): Promise<string> {
  writeFileSync(path, await workbookBytes(sheets, options));
  return path;
}

export interface BundleOptions extends WorkbookOptions {
  /** a sheet's name for a file ("leads.csv" → "线索"); else the file's name without .csv */
  readonly sheetNames?: Readonly<Record<string, string>>;
  /** numbers and ISO dates as typed cells (the default), or every cell as text as in the CSV */
  readonly typed?: boolean;
}

/** The sample bundle's files named as a Chinese export would name its sheets. */
export const CHINESE_SHEET_NAMES: Readonly<Record<string, string>> = {
  'accounts.csv': '客户', 'leads.csv': '线索', 'opportunities.csv': '商机', 'quotes.csv': '报价单', 'orders.csv': '合同',
  'deliveries.csv': '发货单', 'invoices.csv': '发票', 'payments.csv': '回款',
};

/**
 * The CSV files of `dir` (in name order) as the sheets of one workbook written to `path`: the twin
 * of a CSV bundle. With `typed` (the default) a plain number (no leading zero: "04410231" is an id)
 * becomes a number cell and an ISO date or date-time a date cell, as Excel would hold them.
 */
export async function bundleAsWorkbook(dir: string, path: string, options: BundleOptions = {}): Promise<string> {
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
  const sheets = files.map((file): SheetSpec => {
    const { data } = Papa.parse<string[]>(readFileSync(join(dir, file), 'utf8').replace(/^\ufeff/, ''), { skipEmptyLines: true });
    const rows = options.typed === false ? data : data.map((row, i) => (i === 0 ? row : row.map(typedCell)));
    return { name: options.sheetNames?.[file] ?? file.replace(/\.csv$/i, ''), rows };
  });
  return writeWorkbook(path, sheets, options);
}

/**
 * CSV files as the sheets of one workbook, streamed (exceljs's WorkbookWriter): a sheet of a million
 * rows never sits in memory. Cells typed as typedCell says, dates in DATE_FORMAT or DATE_TIME_FORMAT,
 * decimals in `amountFormat` (a CRM's currency format; default `"¥"#,##0.00`).
 */
export async function csvAsWorkbook(
  path: string, sheets: readonly { readonly name: string; readonly csv: string }[], amountFormat = '"¥"#,##0.00',
): Promise<string> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  for (const { name, csv } of sheets) {
    const sheet = book.addWorksheet(name);
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: true });
    createReadStream(csv, 'utf8').pipe(parser);
    let header = true;
    for await (const record of parser as AsyncIterable<string[]>) {
      const cells = header ? record : record.map(typedCell);
      const row = sheet.addRow(cells);
      cells.forEach((value, c) => {
        if (value instanceof Date) row.getCell(c + 1).numFmt = hasTime(value) ? DATE_TIME_FORMAT : DATE_FORMAT;
        else if (typeof value === 'number' && !Number.isInteger(value)) row.getCell(c + 1).numFmt = amountFormat;
      });
      row.commit();
      header = false;
    }
    sheet.commit();
  }
  await book.commit();
  return path;
}

const NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A CSV value as the cell Excel would hold: a number, a date (its wall-clock time as UTC, as exceljs writes it) or text. */
export function typedCell(text: string): Cell {
  if (text === '') return null;
  if (NUMBER.test(text)) return Number(text);
  const iso = ISO.exec(text);
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1).map((p) => Number(p ?? 0));
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  }
  return text;
}

function hasTime(date: Date): boolean {
  return date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
}
