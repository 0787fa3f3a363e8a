/**
 * One CSV cell (RFC 4180 quoting) made safe from formula injection (docs/safety.md, OWASP "CSV
 * injection"): a cell a spreadsheet would run as a formula — starting with = + - @, tab or
 * carriage return — is prefixed with an apostrophe; a plain number (-12.5, +7, 1e-3) stays a
 * number. The one rule for every CSV the product writes: the server's downloads and exports, and
 * the dashboard's table export (no Node imports: the browser bundle reads this file).
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number written plainly (-12.5, +7, 1e-3): what a spreadsheet reads as a number, never as a formula. */
export const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

export function csvCell(text: string): string {
  const cell = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
