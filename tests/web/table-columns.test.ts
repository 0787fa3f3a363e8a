import { describe, expect, it } from 'vitest';
import { exactValue, inDays, nextSort, rowCells, sortRows, type Column } from '../../app/web/src/lib/table-columns.ts';

interface Row { name: string; days: number | null }

const rows: Row[] = [
  { name: 'Lead 10', days: 3 },
  { name: 'Lead 9', days: null },
  { name: 'lead 2', days: 12 },
  { name: 'Lead 1', days: 3 },
];
const columns: Column<Row>[] = [
  { label: 'Case', value: (r) => r.name },
  { label: 'Days', value: (r) => r.days, numeric: true },
];

describe('data table sorting', () => {
  it('cycles a header from ascending to descending to the given order', () => {
    expect(nextSort(undefined, 1)).toEqual({ column: 1, direction: 'ascending' });
    expect(nextSort({ column: 1, direction: 'ascending' }, 1)).toEqual({ column: 1, direction: 'descending' });
    expect(nextSort({ column: 1, direction: 'descending' }, 1)).toBeUndefined();
    expect(nextSort({ column: 1, direction: 'descending' }, 0)).toEqual({ column: 0, direction: 'ascending' });
  });

  it('sorts numbers by value, stably, with empty values last either way', () => {
    const names = (sorted: Row[]) => sorted.map((r) => r.name);
    expect(names(sortRows(rows, columns, { column: 1, direction: 'ascending' }))).toEqual(['Lead 10', 'Lead 1', 'lead 2', 'Lead 9']);
    expect(names(sortRows(rows, columns, { column: 1, direction: 'descending' }))).toEqual(['lead 2', 'Lead 10', 'Lead 1', 'Lead 9']);
  });

  it('sorts text with numbers in it as people read them, and keeps the given order without a sort', () => {
    expect(sortRows(rows, columns, { column: 0, direction: 'ascending' }).map((r) => r.name)).toEqual(['Lead 1', 'lead 2', 'Lead 9', 'Lead 10']);
    expect(sortRows(rows, columns, undefined)).toEqual(rows);
  });
});

describe('data table cells', () => {
  interface Outcome { name: string; error?: string; read?: number; status: string }
  const outcomeColumns: Column<Outcome>[] = [
    { label: 'File', value: (r) => r.name },
    { label: 'Read', value: (r) => r.read, span: (r) => (r.error ? 2 : undefined) },
    { label: 'Inserted', value: (r) => r.read },
    { label: 'Status', value: (r) => r.status },
  ];
  const shape = (row: Outcome) => rowCells(outcomeColumns, row).map((c) => `${c.column.label}×${c.span}`);

  it('gives a cell a column when none spans', () => {
    expect(shape({ name: 'a.csv', read: 3, status: 'ok' })).toEqual(['File×1', 'Read×1', 'Inserted×1', 'Status×1']);
  });

  it('lets a spanning cell take the place of the columns it covers, never past the last', () => {
    expect(shape({ name: 'b.csv', error: 'bad', status: 'failed' })).toEqual(['File×1', 'Read×2', 'Status×1']);
    const wide: Column<Outcome>[] = [{ label: 'File', value: (r) => r.name, span: () => 9 }, ...outcomeColumns.slice(1)];
    expect(rowCells(wide, { name: 'c.csv', status: '' }).map((c) => c.span)).toEqual([4]);
  });
});

describe('the number a cell downloads (data-value)', () => {
  interface Stage { name: string; count: number; share: number | null; seconds: number }
  const stage: Stage = { name: '3985 leads', count: 3985, share: 0.32, seconds: 273_600 };
  const shown: Column<Stage>[] = [
    { label: 'Stage', value: (s) => s.name },
    { label: 'Leads', value: (s) => s.count, format: (s) => s.count.toLocaleString('en'), numeric: true },
    { label: 'Share', value: (s) => s.share, format: (s) => `${((s.share ?? 0) * 100).toFixed(1)}%`, numeric: true },
    { label: 'Duration', value: (s) => s.seconds, format: () => '3 d 4 h', numeric: true, exact: (s) => inDays(s.seconds) },
  ];

  it('is a numeric column\'s own number where the page shows it formatted, a column\'s exact where it has one', () => {
    expect(shown.map((c) => exactValue(c, stage))).toEqual([undefined, '3985', '0.32', '3.1666666666666665']);
  });

  it('is none for a numeric column without a number (no share yet), and for text that looks like a number', () => {
    expect(exactValue(shown[2], { ...stage, share: null })).toBeUndefined();
    expect(exactValue(shown[0], stage)).toBeUndefined();
  });
});
