/**
 * A table on the page as an Excel workbook: the rows table-csv.ts reads from the page (a cell's
 * data-value when it has one, else its text), each cell typed. A plain number (1234.5, -3, 1e-3)
 * is a number cell; an ISO date or date and time (2025-01-31, 2025-01-31 09:30[:15], also with a
 * T) is a date cell shown the same way; everything else is text, as shown. Text the page has
 * formatted — "3,985", "32.0%", "12 d", "−4" with the minus sign U+2212 — stays text: read back it
 * could be the wrong number in another locale, and a cell whose number matters gives its exact
 * value as data-value. Text that looks like a formula (=1+1) is a text cell, never run. The header
 * rows are text, bold and frozen; columns are as wide as their longest cell (within bounds).
 *
 * The writer (write-excel-file) is loaded with this module, which the dashboard imports only when
 * an Excel button is pressed.
 */
import writeExcelFile, { type CellObject, type SheetData } from 'write-excel-file/universal';
import { PLAIN_NUMBER } from '../../../../models/export/csv-cell.ts';

/** An identifier written with leading zeros (007, 00123) is text: as a number it would lose them. */
const LEADING_ZERO = /^[-+]?0\d/;
/**
 * A whole number of more digits than Excel keeps (15) is an identifier (an order number): as a
 * number it would show rounded. A decimal keeps its digits: the shortest text of a double
 * (String(0.1 + 0.2)) reads back as that double.
 */
const LONG_INTEGER = /^[-+]?\d{16,}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** 1900-03-01: Excel counts the days before it off by one (its 29 February 1900), so earlier dates stay text. */
const FIRST_EXCEL_DATE = Date.UTC(1900, 2, 1);

export const DATE_FORMAT = 'yyyy-mm-dd';
export const MINUTE_FORMAT = 'yyyy-mm-dd hh:mm';
export const SECOND_FORMAT = 'yyyy-mm-dd hh:mm:ss';

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

/** The number a cell's text is, when it is written as a plain number; undefined otherwise. */
export function plainNumber(text: string): number | undefined {
  if (!PLAIN_NUMBER.test(text) || LEADING_ZERO.test(text) || LONG_INTEGER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The date an ISO date or date-time text names, as a Date whose UTC fields are the wall-clock
 * ones (the workbook has no time zone: 2025-01-31 is 2025-01-31 wherever it is opened), with the
 * number format that shows it as written; undefined when the text is no such date.
 */
export function isoDate(text: string): { value: Date; format: string } | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const value = new Date(time);
  // Date.UTC rolls 2025-02-30 over into March: such a text is not a date.
  if (value.getUTCMonth() !== month - 1 || value.getUTCDate() !== day || time < FIRST_EXCEL_DATE) return undefined;
  const format = match[4] === undefined ? DATE_FORMAT : match[6] === undefined ? MINUTE_FORMAT : SECOND_FORMAT;
  return { value, format };
}

/** A body cell of the workbook for the text (or exact value) the page shows; null when empty. */
export function xlsxCell(text: string): CellObject | null {
  if (text === '') return null;
  const number = plainNumber(text);
  if (number !== undefined) return { type: Number, value: number };
  const date = isoDate(text);
  if (date) return { type: Date, value: date.value, format: date.format };
  return { type: String, value: text };
}

/** How many characters wide a text shows: a CJK character is about two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

export interface XlsxSheet {
  data: SheetData;
  columns: { width: number }[];
  headerRows: number;
}

/** The sheet of a table's rows: the first `headerRows` rows bold text, the others typed. */
export function xlsxSheet(rows: readonly (readonly string[])[], headerRows = 1): XlsxSheet {
  const data: SheetData = rows.map((row, r) => row.map((text): CellObject | null =>
    r < headerRows ? { type: String, value: text, fontWeight: 'bold' } : xlsxCell(text)));
  const columnCount = Math.max(0, ...rows.map((row) => row.length));
  const columns = Array.from({ length: columnCount }, (_, c) => {
    const widest = Math.max(0, ...rows.map((row) => displayWidth(row[c] ?? '')));
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2)) };
  });
  return { data, columns, headerRows };
}

/** A sheet's name from the file's: Excel allows 31 characters and none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet1';
}

/** The workbook of a table's rows, one sheet named after the file. */
export function xlsxBlob(rows: readonly (readonly string[])[], options: { name: string; headerRows?: number }): Promise<Blob> {
  const { data, columns, headerRows } = xlsxSheet(rows, options.headerRows);
  return writeExcelFile(data, { sheet: sheetName(options.name), columns, stickyRowsCount: headerRows || undefined }).toBlob();
}
