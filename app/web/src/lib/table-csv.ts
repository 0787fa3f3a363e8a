/**
 * A table on the page as CSV: header and body rows as shown (a cell's data-value, the exact
 * number, when it has one), each cell quoted and formula-safe by the rule the server's CSV
 * downloads use too (models/export/csv-cell.ts).
 */
import { csvCell } from '../../../../models/export/csv-cell.ts';

export { csvCell };

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
