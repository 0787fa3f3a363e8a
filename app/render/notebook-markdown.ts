/**
 * A notebook's prose as HTML, with each `{{block.column}}` filled in from the block's first row.
 * Raw HTML in the Markdown is shown as text and every filled-in value is escaped, so nothing from
 * the notebook or the data can add markup; links to `javascript:` and the like are refused by
 * markdown-it. The same function serves the dashboard page and the HTML file.
 */
import { CELL_REF_TOKEN, notebookMarkdown, refKey, type CellRef } from '../../models/notebook/refs.ts';
import type { MarkdownResult, ResultCell, SqlResult } from '../../models/notebook/run.ts';
import { escapeHtml, formatValue } from './value-format.ts';

const md = notebookMarkdown();
md.renderer.rules[CELL_REF_TOKEN] = (tokens, index, _options, env: RefValues) => {
  const token = tokens[index];
  const ref = token.meta as CellRef;
  const value = env.values?.[refKey(ref) + (ref.format ? `:${ref.format}` : '')];
  const problem = env.problems?.[token.content];
  if (problem !== undefined || value === undefined) {
    return `<span class="nb-ref-error" title="${escapeHtml(problem ?? 'no value')}">${escapeHtml(token.content)}</span>`;
  }
  return `<span class="nb-ref" data-ref="${escapeHtml(refKey(ref))}">${escapeHtml(value)}</span>`;
};

interface RefValues {
  /** "block.column[:format]" → the formatted value */
  values?: Record<string, string>;
  /** reference text → why it cannot be filled in */
  problems?: Readonly<Record<string, string>>;
}

/** The prose of a markdown cell as HTML, its references filled in from the notebook's blocks. */
export function renderProse(cell: MarkdownResult, cells: readonly ResultCell[]): string {
  const blocks = new Map(cells.filter((c): c is SqlResult => c.kind === 'sql' && !c.error).map((c) => [c.name, c]));
  const values: Record<string, string> = {};
  for (const ref of cell.refs) {
    const block = blocks.get(ref.block);
    const column = block?.columns.find((c) => c.name === ref.column);
    if (!block || !column || block.rows.length === 0) continue;
    const format = ref.format ?? block.formats[ref.column];
    values[refKey(ref) + (ref.format ? `:${ref.format}` : '')] = formatValue(block.rows[0][ref.column], column.type, format);
  }
  return md.render(cell.text, { values, problems: cell.problems } satisfies RefValues);
}
