/** The styles of a notebook's HTML file: the dashboard's colours and fonts, on paper and screen. */
export const NOTEBOOK_CSS = `
:root {
  --text: #101828; --text-2: #344054; --muted: #667085; --border: #e4e7ec; --surface-muted: #f9fafb;
  --accent: #4f46e5; --accent-soft: #eef2ff; --bad: #b42318; --bad-soft: #fef3f2; --warn-soft: #fffaeb;
  --font: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC',
    'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;
}
* { box-sizing: border-box; }
html, body { margin: 0; background: #f6f7f9; color: var(--text); font-family: var(--font); font-size: 14px; line-height: 1.55; }
.notebook { max-width: 860px; margin: 32px auto; padding: 32px 40px 48px; background: #fff; border: 1px solid var(--border); border-radius: 10px; }
.nb-header { margin-bottom: 24px; padding-bottom: 16px; border-bottom: 1px solid var(--border); }
.nb-eyebrow { margin: 0; color: var(--muted); font-size: 12px; letter-spacing: 0.04em; text-transform: uppercase; }
.nb-header h1 { margin: 4px 0 0; font-size: 24px; font-weight: 650; letter-spacing: -0.015em; }
.nb-title-zh { margin: 2px 0 0; color: var(--text-2); font-size: 16px; }
.nb-description { margin: 8px 0 0; color: var(--text-2); }
.nb-facts { margin: 8px 0 0; color: var(--muted); font-size: 12px; }
.nb-prose h1, .nb-prose h2, .nb-prose h3 { margin: 28px 0 8px; line-height: 1.3; }
.nb-prose h1 { font-size: 20px; }
.nb-prose h2 { font-size: 17px; }
.nb-prose h3 { font-size: 15px; }
.nb-prose p, .nb-prose ul, .nb-prose ol { margin: 8px 0; }
.nb-prose code, .nb-sql code { font-family: var(--mono); font-size: 12.5px; }
.nb-prose :not(pre) > code { padding: 1px 4px; border-radius: 4px; background: var(--surface-muted); }
.nb-prose pre { overflow-x: auto; padding: 10px 12px; border-radius: 6px; background: var(--surface-muted); }
.nb-prose blockquote { margin: 12px 0; padding: 4px 14px; border-left: 3px solid var(--border); color: var(--text-2); }
.nb-prose table { border-collapse: collapse; margin: 12px 0; }
.nb-prose th, .nb-prose td { padding: 6px 10px; border-bottom: 1px solid var(--border); text-align: left; }
.nb-prose a { color: var(--accent); }
.nb-ref { font-weight: 600; font-variant-numeric: tabular-nums; }
.nb-ref-error { padding: 0 3px; border-radius: 3px; background: var(--bad-soft); color: var(--bad); font-family: var(--mono); }
.nb-block { margin: 16px 0; }
.nb-table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; }
.nb-table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 13px; }
.nb-table th { padding: 7px 10px; border-bottom: 1px solid var(--border); background: var(--surface-muted); color: var(--muted); font-size: 12px; font-weight: 500; text-align: left; white-space: nowrap; }
.nb-table td { padding: 7px 10px; border-bottom: 1px solid var(--border); vertical-align: top; }
.nb-table tbody tr:last-child > td { border-bottom: 0; }
.nb-table .num { text-align: right; white-space: nowrap; }
.nb-table .when { white-space: nowrap; }
.nb-empty { margin: 0; padding: 10px 12px; border: 1px dashed var(--border); border-radius: 8px; color: var(--muted); }
.nb-rows { margin: 4px 0 0; color: var(--muted); font-size: 12px; }
.nb-sql { margin-top: 4px; font-size: 12px; color: var(--muted); }
.nb-sql summary { cursor: pointer; }
.nb-sql pre { overflow-x: auto; margin: 6px 0 0; padding: 10px 12px; border-radius: 6px; background: var(--surface-muted); color: var(--text-2); white-space: pre; }
.nb-chart { margin: 20px 0; }
.nb-chart figcaption { margin-bottom: 6px; font-weight: 600; }
.nb-chart svg { display: block; max-width: 100%; height: auto; overflow: visible; }
.nb-error, .nb-problems { margin: 16px 0; padding: 12px 14px; border: 1px solid #fecdca; border-radius: 8px; background: var(--bad-soft); color: var(--bad); }
.nb-error p { margin: 4px 0 0; white-space: pre-wrap; }
.nb-problems ul { margin: 6px 0 0; padding-left: 20px; }
@page { margin: 16mm 14mm; }
@media print {
  html, body { background: #fff; font-size: 11pt; }
  .notebook { max-width: none; margin: 0; padding: 0; border: 0; }
  .nb-table-wrap { overflow: visible; border: 0; }
  .nb-table th { background: none; }
  .nb-chart, .nb-block, .nb-error, tr { break-inside: avoid; }
  .nb-prose h1, .nb-prose h2, .nb-prose h3 { break-after: avoid; }
  .nb-sql { display: none; }
}
`.trim();
