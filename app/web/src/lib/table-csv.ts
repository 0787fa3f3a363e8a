/**
 * A table on the page as CSV: header and body rows as shown (a cell's data-value, the exact
 * number, when it has one), RFC 4180 quoting, and cells a spreadsheet would run as a formula
 * (= + - @, tab, CR first) prefixed with an apostrophe (SPEC §9) — plain numbers excepted.
 */

const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

export function csvCell(text: string): string {
  let cell = text;
  if (/^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell)) cell = `'${cell}`;
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The text of a cell as shown, one line, without the screen-reader-only or hidden parts. */
function cellText(cell: HTMLTableCellElement): string {
  if (cell.dataset.value !== undefined) return cell.dataset.value;
  return (cell.innerText ?? cell.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The rows of a table (head and body, each cell once; a colspan repeats nothing). */
export function tableRows(table: HTMLTableElement): string[][] {
  return [...table.rows].map((row) => [...row.cells].map(cellText));
}
