import { describe, expect, it } from 'vitest';
import { nextSort, sortRows, type Column } from '../../app/web/src/lib/table-columns.ts';

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
