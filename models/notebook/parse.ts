/**
 * A notebook (notebooks/*.md) read into its cells: Markdown prose, named ```sql blocks and ```chart
 * directives, with the front matter (title, title_zh, description, description_zh) for the list. Markdown itself is
 * read by markdown-it; this module only finds the fenced blocks at the top level of the document
 * and the `{{block.column}}` references in the prose. Problems (a block without a name, an unknown
 * chart key) are kept on the cell, so that the rest of the notebook still renders.
 */
import { CELL_REF_TOKEN, VALUE_FORMATS, notebookMarkdown, type CellRef, type ValueFormat } from './refs.ts';

export interface NotebookMeta {
  readonly title: string;
  readonly title_zh?: string;
  readonly description?: string;
  /** the description in Chinese, for the Chinese page (the notebook's prose stays as written) */
  readonly description_zh?: string;
}

export const CHART_TYPES = ['line', 'bar', 'dot', 'area'] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export const CHART_FORMATS = ['percent', 'days', 'number'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

export interface ChartSpec {
  readonly type: ChartType;
  /** the name of the sql block whose rows are drawn */
  readonly data: string;
  readonly x: string;
  readonly y: string;
  readonly color?: string;
  readonly title?: string;
  readonly y_format?: ChartFormat;
}

/** A reference in the prose and the line of the paragraph it is in. */
export interface ProseRef extends CellRef {
  readonly line: number;
  readonly text: string;
}

export interface MarkdownCell {
  readonly kind: 'markdown';
  /** 1-based line of the file where the prose starts */
  readonly line: number;
  readonly text: string;
  readonly refs: readonly ProseRef[];
}

export interface SqlCell {
  readonly kind: 'sql';
  readonly line: number;
  readonly name: string;
  readonly sql: string;
  /** run (for charts and references) but not shown as a table */
  readonly hidden: boolean;
  /** column → how its values are written (`percent=rate,share days=mean`) */
  readonly formats: Readonly<Record<string, ValueFormat>>;
  readonly error?: string;
}

export interface ChartCell {
  readonly kind: 'chart';
  readonly line: number;
  readonly spec: ChartSpec | null;
  readonly error?: string;
}

export type NotebookCell = MarkdownCell | SqlCell | ChartCell;

export interface ParsedNotebook {
  /** the file name, e.g. "bottleneck-review.md" */
  readonly file: string;
  readonly meta: NotebookMeta;
  readonly cells: readonly NotebookCell[];
}

/** A block name: usable as a SQL table name and in `{{name.column}}`; `ltc_` is reserved. */
const BLOCK_NAME = /^[A-Za-z_]\w*$/;

const md = notebookMarkdown();

export function parseNotebook(text: string, file: string): ParsedNotebook {
  const source = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { fields, bodyStart } = frontMatter(source);
  const lines = source.split('\n');
  const body = lines.slice(bodyStart).join('\n');
  const tokens = md.parse(body, {});

  const cells: NotebookCell[] = [];
  const names = new Set<string>();
  let proseFrom = 0;
  const flushProse = (until: number) => {
    const slice = lines.slice(bodyStart + proseFrom, bodyStart + until);
    const first = slice.findIndex((l) => l.trim() !== '');
    if (first >= 0) {
      const prose = slice.slice(first).join('\n').trimEnd();
      const line = bodyStart + proseFrom + first + 1;
      cells.push({ kind: 'markdown', line, text: prose, refs: proseRefs(prose, line) });
    }
  };
  for (const token of tokens) {
    if (token.type !== 'fence' || token.level !== 0 || !token.map) continue;
    const [info, ...options] = token.info.trim().split(/\s+/);
    const language = info.toLowerCase();
    if (language !== 'sql' && language !== 'chart') continue;
    flushProse(token.map[0]);
    proseFrom = token.map[1];
    const line = bodyStart + token.map[0] + 1;
    cells.push(language === 'sql' ? sqlCell(token.content, options, line, names) : chartCell(token.content, options, line));
  }
  flushProse(lines.length - bodyStart);

  const heading = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  const title = fields.title || (heading >= 0 ? tokens[heading + 1].content : '') || file.replace(/\.md$/, '');
  return {
    file,
    meta: {
      title,
      ...(fields.title_zh ? { title_zh: fields.title_zh } : {}),
      ...(fields.description ? { description: fields.description } : {}),
      ...(fields.description_zh ? { description_zh: fields.description_zh } : {}),
    },
    cells,
  };
}

/** `--- title: … ---` at the very top: simple `key: value` lines. */
function frontMatter(source: string): { fields: Record<string, string>; bodyStart: number } {
  const lines = source.split('\n');
  if (lines[0]?.trim() !== '---') return { fields: {}, bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { fields: {}, bodyStart: 0 };
  return { fields: keyValues(lines.slice(1, end)).values, bodyStart: end + 1 };
}

/** `key: value` lines (blank lines and `#` comments skipped); values may be quoted. */
export function keyValues(lines: readonly string[]): { values: Record<string, string>; bad: string[] } {
  const values: Record<string, string> = {};
  const bad: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) {
      bad.push(line);
      continue;
    }
    values[match[1]] = unquote(match[2].trim());
  }
  return { values, bad };
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  return quoted ? quoted[1] : value;
}

/** ```sql name=conv [hidden] [percent=col,…] [days=col,…] [number=col,…] [int=col,…] */
function sqlCell(content: string, options: readonly string[], line: number, names: Set<string>): SqlCell {
  let name = '';
  let hidden = false;
  const formats: Record<string, ValueFormat> = {};
  const problems: string[] = [];
  for (const option of options) {
    const [key, value = ''] = option.split('=', 2).map((part) => unquote(part));
    if (option === 'hidden') hidden = true;
    else if (key === 'name') name = value;
    else if ((VALUE_FORMATS as readonly string[]).includes(key) && value) {
      for (const column of value.split(',').filter(Boolean)) formats[column] = key as ValueFormat;
    } else problems.push(`unknown option "${option}" (options: name=…, hidden, ${VALUE_FORMATS.map((f) => `${f}=column,…`).join(', ')})`);
  }
  const sql = content.replace(/\s+$/, '');
  if (!name) problems.unshift('a sql block needs a name: ```sql name=<id>');
  else if (!BLOCK_NAME.test(name)) problems.unshift(`block name "${name}" must be letters, digits and _ (not starting with a digit)`);
  else if (name.toLowerCase().startsWith('ltc_')) problems.unshift(`block name "${name}": names starting with ltc_ are reserved`);
  else if (names.has(name)) problems.unshift(`another block above is already named "${name}"`);
  if (name) names.add(name);
  if (!sql.trim()) problems.push('the block has no SQL');
  return { kind: 'sql', line, name: name || `line ${line}`, sql, hidden, formats, ...(problems.length ? { error: problems.join('; ') } : {}) };
}

const CHART_KEYS = ['type', 'data', 'x', 'y', 'color', 'title', 'y_format'] as const;

/** ```chart with `type:`, `data:`, `x:`, `y:` and optional `color:`, `title:`, `y_format:` lines. */
function chartCell(content: string, options: readonly string[], line: number): ChartCell {
  const { values, bad } = keyValues(content.split('\n'));
  const problems = bad.map((l) => `"${l}" is not a key: value line`);
  if (options.length) problems.push(`a chart takes its settings as key: value lines, not "${options.join(' ')}"`);
  for (const key of Object.keys(values)) {
    if (!(CHART_KEYS as readonly string[]).includes(key)) problems.push(`unknown chart key "${key}" (keys: ${CHART_KEYS.join(', ')})`);
  }
  for (const key of ['type', 'data', 'x', 'y'] as const) if (!values[key]) problems.push(`a chart needs "${key}:"`);
  if (values.type && !(CHART_TYPES as readonly string[]).includes(values.type)) {
    problems.push(`chart type "${values.type}" is not one of ${CHART_TYPES.join(', ')}`);
  }
  if (values.y_format && !(CHART_FORMATS as readonly string[]).includes(values.y_format)) {
    problems.push(`y_format "${values.y_format}" is not one of ${CHART_FORMATS.join(', ')}`);
  }
  if (problems.length) return { kind: 'chart', line, spec: null, error: problems.join('; ') };
  const spec: ChartSpec = {
    type: values.type as ChartType, data: values.data, x: values.x, y: values.y,
    ...(values.color ? { color: values.color } : {}),
    ...(values.title ? { title: values.title } : {}),
    ...(values.y_format ? { y_format: values.y_format as ChartFormat } : {}),
  };
  return { kind: 'chart', line, spec };
}

/** The `{{block.column}}` references of some prose, read as the renderer reads them. */
function proseRefs(prose: string, firstLine: number): ProseRef[] {
  const refs: ProseRef[] = [];
  for (const token of md.parse(prose, {})) {
    if (token.type !== 'inline' || !token.children) continue;
    const line = firstLine + (token.map?.[0] ?? 0);
    for (const child of token.children) {
      if (child.type === CELL_REF_TOKEN) refs.push({ ...(child.meta as CellRef), line, text: child.content });
    }
  }
  return refs;
}
