/**
 * The cut-over a page or notebook offers when none was chosen (docs/statistics.md): the change point
 * the monthly series suggest (models/change-point.ts), else the middle of the data's dated range,
 * rounded to the nearest first of a month. Computed on the whole workspace with the default window,
 * so that it does not move with the filters of a view; an explicit cut-over always wins.
 */
import type { Database } from './db/database.ts';
import { changePoints } from './change-point.ts';
import { sqlFile } from './sql-files.ts';

/** Where the cut-over in use came from. */
export type CutoverSource = 'chosen' | 'change-point' | 'middle';

export interface DataRange {
  /** the earliest dated moment, 'YYYY-MM-DDTHH:MM:SS'; null when nothing is dated */
  readonly data_start: string | null;
  readonly data_end: string | null;
}

export interface CutoverDefault extends DataRange {
  /** YYYY-MM-DD; null when nothing is dated */
  readonly cutover: string | null;
  /** null with the cut-over */
  readonly source: Exclude<CutoverSource, 'chosen'> | null;
}

export async function dataRange(db: Database): Promise<DataRange> {
  const [range] = await db.query<{ data_start: string | null; data_end: string | null }>(sqlFile('data-range.sql'));
  return { data_start: range?.data_start ?? null, data_end: range?.data_end ?? null };
}

export async function defaultCutover(db: Database): Promise<CutoverDefault> {
  const range = await dataRange(db);
  if (!range.data_start || !range.data_end) return { ...range, cutover: null, source: null };
  const { suggested_cutover } = await changePoints(db);
  if (suggested_cutover) return { ...range, cutover: suggested_cutover, source: 'change-point' };
  return { ...range, cutover: middleMonth(range.data_start, range.data_end), source: 'middle' };
}

/**
 * The first of the month nearest to the midpoint of two moments ('YYYY-MM-DD…', read as UTC):
 * 2018-01-01 … 2019-12-31 gives 2019-01-01.
 */
export function middleMonth(start: string, end: string): string {
  const ms = (moment: string) => Date.parse(`${moment.slice(0, 19).replace(' ', 'T')}${moment.length <= 10 ? 'T00:00:00' : ''}Z`);
  const middle = new Date((ms(start) + ms(end)) / 2);
  const first = Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth(), 1);
  const next = Date.UTC(middle.getUTCFullYear(), middle.getUTCMonth() + 1, 1);
  const nearest = middle.getTime() - first < next - middle.getTime() ? first : next;
  return new Date(nearest).toISOString().slice(0, 10);
}
