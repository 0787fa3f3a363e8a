/**
 * The workspace's own dates for a notebook (notebooks/README.md): a built-in one-row block named
 * `workspace` that every notebook can read as a table (`FROM workspace`) and in its prose
 * (`{{workspace.cutover}}`). The cut-over is the one asked for (`ltc notebook --cutover`, the page's
 * link), else the workspace's default (models/cutover-default.ts); the range is the data's.
 * Only values checked to be dates or timestamps, or one of a fixed set of words, are written into
 * the block's SQL — nothing a user typed reaches it unchecked.
 */
import type { Database } from '../db/database.ts';
import { dataRange, defaultCutover, type CutoverSource } from '../cutover-default.ts';
import { assertDate } from '../period.ts';
import type { SqlCell } from './parse.ts';

export const WORKSPACE_BLOCK = 'workspace';

export interface WorkspaceParams {
  /** YYYY-MM-DD; null when nothing is dated and none was asked for */
  readonly cutover: string | null;
  readonly cutover_source: CutoverSource | null;
  /** 'YYYY-MM-DDTHH:MM:SS' */
  readonly data_start: string | null;
  readonly data_end: string | null;
}

/** How the cut-over's source is written (the block's `cutover_basis`). */
export const CUTOVER_BASIS: Record<CutoverSource, string> = {
  chosen: 'chosen',
  'change-point': 'suggested by change-point',
  middle: 'the middle of the data',
};

export async function workspaceParams(db: Database, cutover?: string): Promise<WorkspaceParams> {
  if (cutover) {
    assertDate(cutover, '--cutover');
    const range = await dataRange(db);
    return { cutover, cutover_source: 'chosen', ...range };
  }
  const found = await defaultCutover(db);
  return { cutover: found.cutover, cutover_source: found.source, data_start: found.data_start, data_end: found.data_end };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function literal(value: string | null, type: 'DATE' | 'TIMESTAMP' | 'VARCHAR'): string {
  if (value === null) return `NULL::${type}`;
  const valid = type === 'DATE' ? DAY.test(value) : type === 'TIMESTAMP' ? MOMENT.test(value) : /^[a-z -]+$/.test(value);
  if (!valid) throw new Error(`not a ${type} to put in the workspace block: ${JSON.stringify(value)}`);
  return `${type} '${type === 'TIMESTAMP' ? value.replace('T', ' ') : value}'`;
}

/** The built-in block as a hidden sql cell (line 0: it stands before the notebook's first line). */
export function workspaceCell(params: WorkspaceParams): SqlCell {
  const sql = [
    `SELECT ${literal(params.cutover, 'DATE')} AS cutover,`,
    `  ${literal(params.cutover_source, 'VARCHAR')} AS cutover_source,`,
    `  ${literal(params.cutover_source && CUTOVER_BASIS[params.cutover_source], 'VARCHAR')} AS cutover_basis,`,
    `  ${literal(params.data_start, 'TIMESTAMP')} AS data_start,`,
    `  ${literal(params.data_end, 'TIMESTAMP')} AS data_end`,
  ].join('\n');
  return { kind: 'sql', line: 0, name: WORKSPACE_BLOCK, sql, hidden: true, formats: {} };
}
