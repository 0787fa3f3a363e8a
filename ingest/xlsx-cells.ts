/**
 * A workbook cell as the text a CSV export would hold, so a sheet goes through the same reading as
 * a CSV file: a date as ISO (`YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` when it has a time), a number
 * plainly (point as decimal separator, no grouping, whatever its display format: `"¥"#,##0.00`,
 * percent …), a formula by its cached result, TRUE/FALSE, rich text as its plain text, an error
 * (#N/A) as nothing. Text is left as it is for the CSV path's value parsing.
 */
import type { CellValue } from 'exceljs';

/** Excel's day 0 in each date system: 1899-12-30 (1900 system, after its leap-year bug) and 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** The text of a cell with `value` and number format `numFmt`, in a workbook of the 1904 date system or not. */
export function cellText(value: CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'number') return isDateFormat(numFmt) ? serialDate(value, date1904) : plainNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return unescapeOoxml(value.richText.map((run) => run.text ?? '').join(''));
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) {
    // The cached result: the stream reader gives numbers as numbers (a date too), text as text.
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null || typeof result === 'object' && !(result instanceof Date)) return '';
    return cellText(result as CellValue, numFmt, date1904);
  }
  if ('text' in value) return cellText(value.text as CellValue, numFmt, date1904);
  return '';
}

/**
 * A number as Excel shows it at most: 15 significant digits (what it stores past that is binary
 * noise, 0.1 + 0.2 = 0.30000000000000004), point as decimal separator, no grouping.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(Number(n.toPrecision(15)));
}

/** A date or date-time, written in ISO, to the second. */
export function isoDate(date: Date): string {
  const ms = Math.round(date.getTime() / 1000) * 1000;
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** Day `serial` of the workbook's date system as an ISO date. */
export function serialDate(serial: number, date1904: boolean): string {
  return isoDate(new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * DAY_MS));
}

/**
 * True when a number format shows a date or time: it holds y, m, d, h or s outside quoted text,
 * [brackets] (colours, locales, elapsed-time bounds) and escaped characters.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/[\\_*]./g, '');
  return /[ymdhs]/i.test(bare.replace(/general/gi, ''));
}

/** OOXML writes characters XML cannot hold (a carriage return) as _xHHHH_, and a literal "_x" as _x005F_x. */
function unescapeOoxml(text: string): string {
  const unescaped = text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
  return unescaped.includes('\r') ? unescaped.replace(/\r\n?/g, '\n') : unescaped;
}
