/** The evaluation report's styles: the dashboard's look on screen, clean pages on paper. */
export const REPORT_CSS = `
:root { --text: #101828; --text-2: #344054; --muted: #667085; --border: #e4e7ec; --soft: #f9fafb; --accent: #4f46e5;
  --good: #067647; --bad: #b42318; --warn: #fffaeb; --warn-border: #fedf89;
  --font: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB',
    'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; }
* { box-sizing: border-box; }
html, body { margin: 0; background: #f6f7f9; color: var(--text); font: 14px/1.55 var(--font); }
.report { max-width: 960px; margin: 32px auto; padding: 32px 40px 48px; background: #fff; border: 1px solid var(--border); border-radius: 10px; }
header { border-bottom: 1px solid var(--border); padding-bottom: 16px; margin-bottom: 8px; }
.eyebrow { margin: 0; color: var(--muted); font-size: 12px; letter-spacing: .04em; text-transform: uppercase; }
h1 { margin: 4px 0 0; font-size: 26px; letter-spacing: -.015em; }
h2 { margin: 28px 0 8px; font-size: 18px; }
h3 { margin: 16px 0 6px; font-size: 14px; color: var(--text-2); }
.facts, .note { color: var(--muted); font-size: 12px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-weight: 600; font-size: 12px; background: var(--soft); }
td.num { text-align: right; white-space: nowrap; }
td.good { color: var(--good); font-weight: 600; }
td.bad { color: var(--bad); font-weight: 600; }
td.note { color: var(--muted); font-size: 12px; }
table.classic th[scope=row] { font-weight: 600; }
table.strata { font-size: 12px; }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px 24px; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
figure { margin: 8px 0; break-inside: avoid; }
figure.wide { margin: 12px 0; }
figcaption { font-size: 12px; font-weight: 600; color: var(--text-2); margin-bottom: 4px; }
svg.ltc-plot, figure svg { max-width: 100%; height: auto; }
.warning { background: var(--warn); border: 1px solid var(--warn-border); border-radius: 6px; padding: 8px 12px; }
.methods p { margin: 6px 0; color: var(--text-2); }
@media print {
  html, body { background: #fff; font-size: 11px; }
  .report { margin: 0; padding: 0; border: 0; max-width: none; }
  section { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  @page { size: A4; margin: 16mm 14mm; }
}
`;
