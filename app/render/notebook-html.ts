/**
 * A rendered notebook as one self-contained HTML file (`ltc notebook … --out`, the dashboard's
 * "Download HTML"): prose, tables and charts as inline SVG, styles inline (with print styles), no
 * scripts and nothing fetched from elsewhere. Every value from the data is escaped.
 */
import { count } from '../../models/messages/format.ts';
import { isNumberType, isTemporalType } from '../../models/notebook/column-types.ts';
import type { ChartCell } from '../../models/notebook/parse.ts';
import { TABLE_ROWS, describeProblem, type NotebookRun, type ResultCell, type SqlResult } from '../../models/notebook/run.ts';
import { CUTOVER_BASIS } from '../../models/notebook/workspace-params.ts';
import { chartPlotOptions } from './notebook-chart.ts';
import { renderProse } from './notebook-markdown.ts';
import { NOTEBOOK_CSS } from './notebook-css.ts';
import { plotSvg, svgDocument } from './plot-svg.ts';
import { escapeHtml, formatValue } from './value-format.ts';

export interface HtmlOptions {
  /** where the notebook was read from, as shown in the header ("notebooks/bottleneck-review.md") */
  readonly source?: string;
  /** when it was rendered (ISO); left out when not given */
  readonly renderedAt?: string;
}

const CHART_WIDTH = 760;

export function notebookHtml(run: NotebookRun, options: HtmlOptions = {}): string {
  const { meta } = run;
  const facts = [
    options.source ?? run.file,
    run.data_end ? `data through ${run.data_end.slice(0, 10)}` : 'no data loaded',
    options.renderedAt ? `rendered ${options.renderedAt.slice(0, 16).replace('T', ' ')}` : '',
    run.workspace.cutover ? `cut-over ${run.workspace.cutover} (${CUTOVER_BASIS[run.workspace.cutover_source ?? 'chosen']})` : '',
  ].filter(Boolean);
  const document = svgDocument();
  const body = run.cells.map((cell) => renderCell(cell, run, document)).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)} · LTC Lens</title>
<style>
${NOTEBOOK_CSS}
</style>
</head>
<body>
<main class="notebook">
<header class="nb-header">
<p class="nb-eyebrow">LTC Lens notebook</p>
<h1>${escapeHtml(meta.title)}</h1>
${meta.title_zh ? `<p class="nb-title-zh" lang="zh-CN">${escapeHtml(meta.title_zh)}</p>\n` : ''}${meta.description ? `<p class="nb-description">${escapeHtml(meta.description)}</p>\n` : ''}<p class="nb-facts">${facts.map(escapeHtml).join(' · ')}</p>
</header>
${problemList(run)}${body}
</main>
</body>
</html>
`;
}

function problemList(run: NotebookRun): string {
  if (run.errors.length === 0) return '';
  const items = run.errors.map((p) => `<li>${escapeHtml(describeProblem(p))}</li>`).join('\n');
  return `<aside class="nb-problems" role="alert"><strong>${run.errors.length === 1 ? '1 problem' : `${run.errors.length} problems`} in this notebook</strong>\n<ul>\n${items}\n</ul></aside>\n`;
}

function renderCell(cell: ResultCell, run: NotebookRun, document: Document): string {
  if (cell.kind === 'markdown') return `<div class="nb-prose">\n${renderProse(cell, run.cells)}</div>`;
  if (cell.kind === 'sql') return renderBlock(cell);
  return renderChartCell(cell, run, document);
}

function renderBlock(block: SqlResult): string {
  const sql = `<details class="nb-sql"><summary>SQL · ${escapeHtml(block.name)}</summary><pre><code>${escapeHtml(block.sql)}</code></pre></details>`;
  if (block.error) return errorBox(`Block ${block.name} (line ${block.line}) failed`, block.error, sql);
  if (block.hidden) return '';
  const shown = block.rows.slice(0, TABLE_ROWS);
  const classes = block.columns.map((c) => (isNumberType(c.type) ? ' class="num"' : isTemporalType(c.type) ? ' class="when"' : ''));
  const head = block.columns.map((c, i) => `<th scope="col"${classes[i]}>${escapeHtml(c.name)}</th>`).join('');
  const rows = shown.map((row) => `<tr>${block.columns.map((c, i) =>
    `<td${classes[i]}>${escapeHtml(formatValue(row[c.name], c.type, block.formats[c.name]))}</td>`).join('')}</tr>`).join('\n');
  const rowCount = block.total > shown.length
    ? `First ${count(shown.length)} of ${count(block.total)} rows`
    : `${count(block.total)} ${block.total === 1 ? 'row' : 'rows'}`;
  if (block.total === 0) return `<section class="nb-block" id="block-${escapeHtml(block.name)}">\n<p class="nb-empty">No rows.</p>\n${sql}\n</section>`;
  return `<section class="nb-block" id="block-${escapeHtml(block.name)}">
<div class="nb-table-wrap"><table class="nb-table">
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
<p class="nb-rows">${rowCount}</p>
${sql}
</section>`;
}

function renderChartCell(cell: ChartCell, run: NotebookRun, document: Document): string {
  if (cell.error || !cell.spec) return errorBox(`Chart (line ${cell.line}) cannot be drawn`, cell.error ?? 'no chart settings');
  const { spec } = cell;
  const block = run.cells.find((c): c is SqlResult => c.kind === 'sql' && c.name === spec.data)!;
  const svg = plotSvg(chartPlotOptions(spec, block, { width: CHART_WIDTH, document }));
  const caption = spec.title ? `<figcaption>${escapeHtml(spec.title)}</figcaption>\n` : '';
  return `<figure class="nb-chart">\n${caption}${svg}\n</figure>`;
}

function errorBox(title: string, message: string, detail = ''): string {
  return `<div class="nb-error" role="alert"><strong>${escapeHtml(title)}</strong><p>${escapeHtml(message)}</p>${detail}</div>`;
}
