/**
 * The columns of a data table (components/DataTable.svelte) and how its rows sort when a header is
 * clicked: numbers by value, text in the page's collation, empty values last either way.
 */
import type { Snippet } from 'svelte';

/** A sortable value of a cell; null and undefined are "no value". */
export type CellValue = string | number | null | undefined;

export interface Column<R> {
  label: string;
  /** which of several like columns this is (a measure's id): the cell snippet's second argument */
  id?: string;
  /** what the column sorts by and, without `format` or `cell`, shows */
  value: (row: R) => CellValue;
  /** the text shown; the value as text by default */
  format?: (row: R) => string;
  /** the cell's content when text is not enough (badges, bars, buttons) */
  cell?: Snippet<[R, string]>;
  /** right-aligned with tabular digits */
  numeric?: boolean;
  /** the row's header cell (`<th scope="row">`) */
  rowHeader?: boolean;
  /** extra classes of the body cells, e.g. 'muted', or a row's own */
  class?: string | ((row: R) => string | undefined);
  /** data-* hooks of a body cell (data-metric, …); `exact` gives its data-value */
  attributes?: (row: R) => Record<string, string | undefined>;
  /** a tooltip on the header */
  title?: string;
  /**
   * the exact number the downloads take instead of the text shown (data-value); a numeric column's
   * own number by default (exactValue)
   */
  exact?: (row: R) => string | undefined;
  /** false: the header does not sort */
  sortable?: boolean;
  /** the header's label is for screen readers only (a column of buttons); it does not sort */
  hideLabel?: boolean;
  /** how many columns this cell of `row` spans (a failed row's reason); the cells it covers are left out */
  span?: (row: R) => number | undefined;
}

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: number;
  direction: SortDirection;
}

/** The next sort after a click on `column`: ascending first, then descending, then as given. */
export function nextSort(current: SortState | undefined, column: number): SortState | undefined {
  if (current?.column !== column) return { column, direction: 'ascending' };
  return current.direction === 'ascending' ? { column, direction: 'descending' } : undefined;
}

function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

const empty = (value: CellValue) => value == null || value === '' || (typeof value === 'number' && Number.isNaN(value));

/** `rows` in the order of `sort` (a stable sort; the given order without one). */
export function sortRows<R>(rows: readonly R[], columns: readonly Column<R>[], sort: SortState | undefined): R[] {
  const column = sort ? columns[sort.column] : undefined;
  if (!sort || !column) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row) => ({ row, value: column.value(row) }))
    .sort((a, b) => {
      if (empty(a.value) || empty(b.value)) return Number(empty(a.value)) - Number(empty(b.value));
      return sign * compareValues(a.value, b.value);
    })
    .map(({ row }) => row);
}

/**
 * The data-value of a cell: the column's `exact`, else a numeric column's own number, so that the
 * CSV and Excel downloads hold 3985 and 0.32 where the page shows "3,985" and "32.0%".
 */
export function exactValue<R>(column: Column<R>, row: R): string | undefined {
  if (column.exact) return column.exact(row);
  const value = column.numeric ? column.value(row) : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** A duration in seconds as the downloads give it: in days (the page shows 3 d 4 h). */
export const inDays = (seconds: number | null | undefined) => (seconds == null ? undefined : String(seconds / 86_400));

/** The classes of a body cell of `column` in `row`. */
export function cellClasses<R>(column: Column<R>, row: R): string | undefined {
  const own = typeof column.class === 'function' ? column.class(row) : column.class;
  return [column.numeric ? 'right num' : '', own ?? ''].join(' ').trim() || undefined;
}

/** The text a cell shows when its column gives no `format` or `cell`. */
export const cellText = (value: CellValue) => (value == null ? '' : String(value));

/** A body cell of a row: its column, the column's index, and how many columns it spans. */
export interface RowCell<R> {
  column: Column<R>;
  index: number;
  span: number;
}

/** The cells of `row`: one a column, but a cell that spans several takes the place of those it covers. */
export function rowCells<R>(columns: readonly Column<R>[], row: R): RowCell<R>[] {
  const cells: RowCell<R>[] = [];
  for (let index = 0; index < columns.length; ) {
    const column = columns[index];
    const span = Math.max(1, Math.min(column.span?.(row) ?? 1, columns.length - index));
    cells.push({ column, index, span });
    index += span;
  }
  return cells;
}
