/**
 * `{{block.column}}` (or `{{block.column:percent}}`) in a notebook's prose: the first row's value of
 * that block's column. One markdown-it inline rule reads them, so that the notebook parser (which
 * checks them) and the renderers (which fill them in) agree on what is a reference — and a
 * `{{…}}` inside a code span stays code.
 */
import MarkdownIt, { type StateInline } from 'markdown-it';

/** How a value is written: a rate as a percentage, a duration in days, a plain number. */
export type ValueFormat = 'percent' | 'days' | 'number' | 'int';
export const VALUE_FORMATS: readonly ValueFormat[] = ['percent', 'days', 'number', 'int'];

export interface CellRef {
  readonly block: string;
  readonly column: string;
  readonly format?: ValueFormat;
}

/** The token type the rule emits; its `meta` is the CellRef. */
export const CELL_REF_TOKEN = 'cell_ref';

const REF = /^\{\{\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*(?::\s*(percent|days|number|int)\s*)?\}\}/;

/** The reference at the start of `text`, with its length, or null. */
export function matchRef(text: string): { ref: CellRef; length: number } | null {
  const match = REF.exec(text);
  if (!match) return null;
  const [whole, block, column, format] = match;
  return { ref: { block, column, ...(format ? { format: format as ValueFormat } : {}) }, length: whole.length };
}

/** The markdown-it plugin: `{{a.b}}` becomes a `cell_ref` token (rendering is the renderer's). */
export function cellRefs(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', CELL_REF_TOKEN, (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
    const found = matchRef(state.src.slice(state.pos, state.posMax));
    if (!found) return false;
    if (!silent) {
      const token = state.push(CELL_REF_TOKEN, '', 0);
      token.meta = found.ref;
      token.content = state.src.slice(state.pos, state.pos + found.length);
    }
    state.pos += found.length;
    return true;
  });
}

/** "conv.before" — the key under which a block's first-row value is looked up. */
export function refKey(ref: CellRef): string {
  return `${ref.block}.${ref.column}`;
}

/**
 * The Markdown a notebook is written in: CommonMark with tables and strikethrough, raw HTML shown
 * as text (never passed through), and the references above.
 */
export function notebookMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cellRefs);
}
