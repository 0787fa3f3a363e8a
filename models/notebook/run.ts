/**
 * Runs a parsed notebook against the workspace: each sql block as a read-only query in a
 * transaction that is rolled back, later blocks seeing earlier ones by name (as common table
 * expressions), then the charts and `{{block.column}}` references checked against the results.
 * Before the notebook's own blocks comes the built-in `workspace` block (models/notebook/workspace-params.ts):
 * the cut-over and the data's dated range, for the SQL and the prose to use.
 * One transaction a block, not one for the notebook: DuckDB aborts a transaction on the first
 * runtime error, which would take every later block down with a failing one.
 * A failing block keeps its error and the rest still runs; every problem is also listed in
 * `errors` with the file, block and line, for the CLI to report and exit on.
 */
import { firstLine, type Database } from '../db/database.ts';
import { dataFacts } from '../measures.ts';
import type { ChartCell, MarkdownCell, NotebookMeta, ParsedNotebook, SqlCell } from './parse.ts';
import { isNumberType } from './column-types.ts';
import { readOnlyQuery } from './read-only.ts';
import { workspaceCell, workspaceParams, type WorkspaceParams } from './workspace-params.ts';

/** Rows a table shows; the total count is given beside them. */
export const TABLE_ROWS = 200;
/** Rows a chart draws at most. */
export const CHART_ROWS = 5000;

export interface ResultColumn {
  readonly name: string;
  /** DuckDB's type name: BIGINT, DOUBLE, DECIMAL(18,3), DATE, TIMESTAMP, VARCHAR … */
  readonly type: string;
}

export type ResultRow = Record<string, unknown>;

export interface SqlResult extends SqlCell {
  readonly columns: readonly ResultColumn[];
  /** the first rows (TABLE_ROWS, or CHART_ROWS for a block a chart draws); numbers as numbers */
  readonly rows: readonly ResultRow[];
  /** how many rows the query returned */
  readonly total: number;
}

export interface MarkdownResult extends MarkdownCell {
  /** references that cannot be filled in, by their text ("{{conv.befor}}") */
  readonly problems: Readonly<Record<string, string>>;
}

export type ResultCell = MarkdownResult | SqlResult | ChartCell;

export interface NotebookProblem {
  readonly file: string;
  readonly line: number;
  /** the sql block's name, "chart" or "text" */
  readonly block: string;
  readonly message: string;
}

export interface NotebookRun {
  readonly file: string;
  readonly meta: NotebookMeta;
  readonly data_end: string | null;
  /** the cut-over and dated range the notebook ran with (its `workspace` block) */
  readonly workspace: WorkspaceParams;
  /** the notebook's cells, then the built-in `workspace` block (hidden, line 0) unless a block of its own has that name */
  readonly cells: readonly ResultCell[];
  readonly errors: readonly NotebookProblem[];
}

export interface RunOptions {
  /** YYYY-MM-DD: the cut-over of the `workspace` block; the workspace's default when absent */
  readonly cutover?: string;
}

export async function runNotebook(db: Database, notebook: ParsedNotebook, options: RunOptions = {}): Promise<NotebookRun> {
  const charted = new Set(notebook.cells.flatMap((c) => (c.kind === 'chart' && c.spec ? [c.spec.data] : [])));
  const done = new Map<string, SqlResult>();
  /** the wrapped query of each block that ran, in order, for later blocks to use */
  const queries = new Map<string, string>();
  const workspace = await workspaceParams(db, options.cutover);
  const builtIn = await runBlock(db, workspaceCell(workspace), queries, TABLE_ROWS, notebook.cells);
  if (builtIn.error) throw new Error(`the workspace block failed: ${builtIn.error}`);
  done.set(builtIn.name, builtIn);
  const cells: ResultCell[] = [];

  for (const cell of notebook.cells) {
    if (cell.kind !== 'sql') {
      cells.push(cell.kind === 'markdown' ? { ...cell, problems: {} } : cell);
      continue;
    }
    const limit = charted.has(cell.name) ? CHART_ROWS : TABLE_ROWS;
    const result = cell.error ? failed(cell, cell.error) : await runBlock(db, cell, queries, limit, notebook.cells);
    if (!result.error) done.set(cell.name, result);
    cells.push(result);
  }

  if (!notebook.cells.some((c) => c.kind === 'sql' && c.name === builtIn.name)) cells.push(builtIn);
  const checked = cells.map((cell): ResultCell => {
    if (cell.kind === 'chart') return checkChart(cell, done, notebook.cells);
    if (cell.kind === 'markdown') return checkRefs(cell, done, notebook.cells);
    return cell;
  });
  const facts = await dataFacts(db);
  return {
    file: notebook.file, meta: notebook.meta, data_end: facts.data_end, workspace, cells: checked, errors: problems(notebook.file, checked),
  };
}

/** The result's row count, carried beside each row under a name no block is likely to use. */
const TOTAL = 'ltc_notebook_total_rows';

/** One block: checked, then run with the earlier blocks it names, in a transaction rolled back. */
async function runBlock(
  db: Database, cell: SqlCell, earlier: Map<string, string>, limit: number, cells: ParsedNotebook['cells'],
): Promise<SqlResult> {
  let query: string;
  try {
    query = await readOnlyQuery(db, cell.sql);
  } catch (error) {
    return failed(cell, firstLine(error));
  }
  const sql = withEarlierBlocks(query, cell.sql, earlier);
  try {
    const result = await rolledBack(db, async () => {
      // No CREATE TABLE … AS: DuckDB changes a setting for a PIVOT inside one, and the workspace's
      // configuration is locked (models/db/instance.ts). The total comes with the first rows.
      const block = `SELECT * FROM (\n${sql}\n)`;
      const columns = (await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${block}`))
        .map((c) => ({ name: c.column_name, type: c.column_type }));
      const counted = await db.query<ResultRow>(`SELECT *, count(*) OVER () AS ${TOTAL} FROM (\n${block}\n) LIMIT ${limit}`);
      const total = Number(counted[0]?.[TOTAL] ?? 0);
      const rows = counted.map(({ [TOTAL]: _, ...row }) => typedRow(row, columns));
      return { columns, rows, total };
    });
    earlier.set(cell.name, query);
    return { ...cell, ...result };
  } catch (error) {
    const missing = /Table with name (\w+) does not exist/.exec(firstLine(error))?.[1];
    const failedAbove = missing && cells.some((c) => c.kind === 'sql' && c.name === missing && c.line < cell.line);
    return failed(cell, firstLine(error) + (failedAbove ? ` (block ${missing} above failed)` : ''));
  }
}

function failed(cell: SqlCell, message: string): SqlResult {
  return { ...cell, columns: [], rows: [], total: 0, error: message };
}

/**
 * `WITH a AS (…), b AS (…) <query>` for the earlier blocks the SQL names (and those they name),
 * in notebook order. A name that only looks like a block (a column called the same) adds an
 * unused expression, which costs nothing.
 */
export function withEarlierBlocks(query: string, sql: string, earlier: ReadonlyMap<string, string>): string {
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const name of earlier.keys()) {
      if (!needed.has(name) && new RegExp(`\\b${name}\\b`, 'i').test(text)) {
        needed.add(name);
        visit(earlier.get(name)!);
      }
    }
  };
  visit(sql);
  if (needed.size === 0) return query;
  const ctes = [...earlier.keys()].filter((name) => needed.has(name)).map((name) => `"${name}" AS (\n${earlier.get(name)}\n)`);
  return `WITH ${ctes.join(',\n')}\n${query}`;
}

class RollBack<T> {
  constructor(readonly value: T) {}
}

/** Runs `work` in a transaction that is always rolled back, and returns what it returned. */
async function rolledBack<T>(db: Database, work: () => Promise<T>): Promise<T> {
  try {
    await db.transaction(async () => {
      throw new RollBack(await work());
    });
  } catch (outcome) {
    if (outcome instanceof RollBack) return outcome.value as T;
    throw outcome;
  }
  throw new Error('unreachable: the notebook transaction was not rolled back');
}

/** Numbers that DuckDB hands over as text (BIGINT, DECIMAL) become numbers. */
function typedRow(row: ResultRow, columns: readonly ResultColumn[]): ResultRow {
  for (const { name, type } of columns) {
    const value = row[name];
    if (typeof value === 'string' && isNumberType(type)) row[name] = Number(value);
  }
  return row;
}

function checkChart(cell: ChartCell, done: ReadonlyMap<string, SqlResult>, cells: ParsedNotebook['cells']): ChartCell {
  if (!cell.spec || cell.error) return cell;
  const { spec } = cell;
  const block = done.get(spec.data);
  if (!block) {
    const exists = cells.some((c) => c.kind === 'sql' && c.name === spec.data);
    return { ...cell, error: exists ? `block ${spec.data} failed, so there is nothing to draw` : `no sql block is named "${spec.data}"` };
  }
  const names = block.columns.map((c) => c.name);
  const missing = [spec.x, spec.y, spec.color].filter((c): c is string => c !== undefined && !names.includes(c));
  if (missing.length) return { ...cell, error: `block ${spec.data} has no column ${missing.join(', ')} (columns: ${names.join(', ')})` };
  const y = block.columns.find((c) => c.name === spec.y)!;
  if (!isNumberType(y.type)) return { ...cell, error: `y column ${spec.y} is ${y.type}, not a number` };
  return cell;
}

function checkRefs(cell: MarkdownResult, done: ReadonlyMap<string, SqlResult>, cells: ParsedNotebook['cells']): MarkdownResult {
  const problems: Record<string, string> = {};
  for (const ref of cell.refs) {
    const block = done.get(ref.block);
    if (!block) {
      const exists = cells.some((c) => c.kind === 'sql' && c.name === ref.block);
      problems[ref.text] = exists ? `block ${ref.block} failed` : `no sql block is named "${ref.block}"`;
    } else if (!block.columns.some((c) => c.name === ref.column)) {
      problems[ref.text] = `block ${ref.block} has no column ${ref.column} (columns: ${block.columns.map((c) => c.name).join(', ')})`;
    } else if (block.rows.length === 0) {
      problems[ref.text] = `block ${ref.block} returned no rows`;
    }
  }
  return { ...cell, problems };
}

function problems(file: string, cells: readonly ResultCell[]): NotebookProblem[] {
  const out: NotebookProblem[] = [];
  for (const cell of cells) {
    if (cell.kind === 'sql' && cell.error) out.push({ file, line: cell.line, block: cell.name, message: cell.error });
    if (cell.kind === 'chart' && cell.error) out.push({ file, line: cell.line, block: 'chart', message: cell.error });
    if (cell.kind === 'markdown') {
      for (const ref of cell.refs) {
        const message = cell.problems[ref.text];
        if (message) out.push({ file, line: ref.line, block: 'text', message: `${ref.text}: ${message}` });
      }
    }
  }
  return out;
}

/** "notebooks/x.md, block conv (line 12): …" — how a problem is reported on one line. */
export function describeProblem(problem: NotebookProblem, path = problem.file): string {
  const what = problem.block === 'text' ? 'text' : problem.block === 'chart' ? 'chart' : `block ${problem.block}`;
  return `${path}, ${what} (line ${problem.line}): ${problem.message}`;
}
