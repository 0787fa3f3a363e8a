/**
 * The evaluation report (`ltc report`, GET /api/report.html): one self-contained, printable HTML file —
 * the classic before/after table with its evidence, charts as inline SVG, the methods and the data's
 * quality. No scripts, nothing fetched from elsewhere; every value from the data is escaped.
 */
import type { Comparison } from '../../models/compare.ts';
import type { EvaluationReport } from '../../models/report.ts';
import { distributionChart, survivalChart, trendChart } from './report-charts.ts';
import { REPORT_CSS } from './report-css.ts';
import type { Lang } from '../../models/messages/catalogue.ts';
import { change, count, intervalWithUnit, measureWithUnit, percent, pPhrase, wholePercent } from '../../models/messages/format.ts';
import { REPORT_TEXT, type ReportText } from './report-text.ts';
import { escapeHtml } from './value-format.ts';

const e = escapeHtml;

function verdict(k: Comparison, t: ReportText): string {
  if (k.p_value === null || k.improved === null) return t.verdict.unknown;
  if (k.p_value >= 0.05) return t.verdict.notSignificant;
  return k.improved ? t.verdict.improved : t.verdict.worse;
}

function label(k: { label: string; label_zh: string }, lang: Lang): string {
  return lang === 'zh' ? k.label_zh : k.label;
}

function classicTable(report: EvaluationReport, t: ReportText, lang: Lang): string {
  const rows = report.compare.kpis.map((k) => `<tr data-kpi="${e(k.id)}">
    <th scope="row">${e(label(k, lang))}</th>
    <td class="num">${e(measureWithUnit(k.unit, k.before.value, lang))}</td>
    <td class="num">${e(measureWithUnit(k.unit, k.after.value, lang))}</td>
    <td class="num ${k.improved === true ? 'good' : k.improved === false ? 'bad' : ''}">${e(change(k.change_pct))}</td>
    <td class="num">${e(intervalWithUnit(k.unit, k.ci95, lang))}</td>
    <td class="num">${e(pPhrase(k.p_value))}</td>
    <td>${e(verdict(k, t))}</td>
  </tr>`).join('\n');
  return `<table class="classic">
  <thead><tr><th>${t.table.measure}</th><th>${t.table.before}</th><th>${t.table.after}</th><th>${t.table.change}</th><th>${t.table.ci}</th><th>${t.table.p}</th><th></th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
}

function itemsTable(report: EvaluationReport, t: ReportText, lang: Lang): string {
  const rows = report.compare.kpis.map((k) => `<tr>
    <th scope="row">${e(label(k, lang))}</th>
    <td class="num">${count(k.before.n, lang)}</td><td class="num">${count(k.before.censored, lang)}</td>
    <td class="num">${count(k.after.n, lang)}</td><td class="num">${count(k.after.censored, lang)}</td>
    <td>${e(k.test)}</td>
    <td class="note">${e((lang === 'zh' ? k.note_zh : k.note) ?? '')}</td>
  </tr>`).join('\n');
  return `<table><thead><tr><th>${t.table.measure}</th><th>n ${t.table.before}</th><th>${t.quality.open} ${t.table.before}</th>
    <th>n ${t.table.after}</th><th>${t.quality.open} ${t.table.after}</th><th>${t.methods.test}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function trendsSection(report: EvaluationReport, t: ReportText, lang: Lang): string {
  const periods = report.trends.periods.map((p) => p.period);
  const cutover = report.compare.cutover;
  const figures = report.trends.measures.map((series) => {
    const chosen = report.change.measures.find((m) => m.id === series.id)?.chosen ?? null;
    const svg = trendChart(series, periods, cutover, chosen ? { before: chosen.before, after: chosen.after } : null);
    return svg ? `<figure><figcaption>${e(label(series, lang))}</figcaption>${svg}</figure>` : '';
  }).join('\n');
  const suggested = report.change.suggested_cutover;
  const note = suggested
    ? t.change.suggested(suggested, cutover, suggested === cutover)
    : t.change.tooShort;
  return `<section><h2>${t.sections.trends}</h2><p>${e(note)}</p><div class="grid">${figures}</div></section>`;
}

function distributionsSection(report: EvaluationReport, t: ReportText, lang: Lang): string {
  const labels = { before: t.table.before, after: t.table.after };
  const figures = report.distributions.map((d) => {
    const k = report.compare.kpis.find((x) => x.id === d.id)!;
    const svg = distributionChart(d.before, d.after, labels);
    return svg ? `<figure><figcaption>${e(label(k, lang))} · ${e(t.distributions.medians(k.before.median, k.after.median))}</figcaption>${svg}</figure>` : '';
  }).join('\n');
  return figures ? `<section><h2>${t.sections.distributions}</h2><p>${t.distributions.intro}</p><div class="grid">${figures}</div></section>` : '';
}

function survivalSection(report: EvaluationReport, t: ReportText, lang: Lang): string {
  if (!report.survival) return '';
  const labels = { before: t.table.before, after: t.table.after };
  const blocks = report.survival.curves.map((c) => {
    const svg = survivalChart(c.before, c.after, labels, lang === 'zh' ? '已发生比例' : 'share reached');
    const within90 = t.survival.within90(percent(c.before.share_by[90]), percent(c.after.share_by[90]));
    return `<figure class="wide"><figcaption>${e(label(c, lang))} · ${e(within90)} · log-rank ${e(pPhrase(c.log_rank?.p_value))}</figcaption>${svg}</figure>`;
  }).join('\n');
  return `<section><h2>${t.sections.survival}</h2><p>${t.survival.why}</p>${blocks}</section>`;
}

function mixSection(report: EvaluationReport, t: ReportText, lang: Lang): string {
  const mix = report.mix;
  if (!mix) return '';
  const warnings = mix.kpis.filter((k) => k.simpson).map((k) => `<p class="warning">⚠ ${e(label(k, lang))}: ${e((lang === 'zh' ? k.note_zh : k.note) ?? '')}</p>`).join('');
  const rows = mix.kpis.map((k) => `<tr><th scope="row">${e(label(k, lang))}</th><td class="num">${change(k.pooled_change_pct)}</td>
    <td class="num">${change(k.adjusted_change_pct)}</td><td class="num">${wholePercent(k.coverage)}</td></tr>`).join('');
  const unitOf = (id: string) => mix.kpis.find((k) => k.id === id)!.unit;
  const shown = (id: string, v: number | null) => measureWithUnit(unitOf(id), v, lang);
  const strata = mix.strata.map((s) => `<tr><th scope="row">${e(s.value)}</th>${s.kpis.map((k) =>
    `<td class="num">${e(shown(k.id, k.before))} → ${e(shown(k.id, k.after))}</td>`).join('')}</tr>`).join('');
  return `<section><h2>${t.sections.mix}</h2><p>${e(t.mix.intro(mix.by))}</p>${warnings}
  <table><thead><tr><th>${t.table.measure}</th><th>${t.mix.pooled}</th><th>${t.mix.adjusted}</th><th>${t.mix.coverage}</th></tr></thead><tbody>${rows}</tbody></table>
  <h3>${e(t.mix.strata(mix.by))}</h3>
  <table class="strata"><thead><tr><th></th>${mix.kpis.map((k) => `<th>${e(label(k, lang))}</th>`).join('')}</tr></thead><tbody>${strata}</tbody></table></section>`;
}

function qualitySection(report: EvaluationReport, t: ReportText, lang: Lang): string {
  const tables = Object.entries(report.facts).filter(([k, v]) => k !== 'data_end' && typeof v === 'number' && v > 0)
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td class="num">${count(v as number, lang)}</td></tr>`).join('');
  const { imports, links } = report;
  const share = links.orders.traced_to_lead_share;
  const orphans = links.orphans.filter((o) => o.count > 0).map((o) => `<li>${count(o.count, lang)} ${e(lang === 'zh' ? o.label_zh : o.label)}</li>`).join('');
  return `<section><h2>${t.sections.quality}</h2>
  <div class="two">
    <div><h3>${t.quality.rows}</h3><table><tbody>${tables}</tbody></table></div>
    <div><h3>${t.quality.imports}</h3>
      <p>${e(t.quality.importLine(imports.files, imports.rows_read, imports.rows_loaded, imports.rows_rejected))}</p>
      <h3>${t.quality.links}</h3>
      <p>${e(t.quality.linkLine(links.orders.traced_to_lead, links.orders.total, share))}</p>
      ${orphans ? `<ul>${orphans}</ul>` : ''}
    </div>
  </div>
  <h3>${t.quality.censoring}</h3>${itemsTable(report, t, lang)}</section>`;
}

export function reportHtml(report: EvaluationReport, lang: Lang = 'en'): string {
  const t = REPORT_TEXT[lang];
  const c = report.compare;
  const period = c.cutover ? t.header.cutover(c.cutover) : t.header.ranges(`${c.periods.before.from ?? '…'} – ${c.periods.before.to ?? '…'}`, `${c.periods.after.from ?? '…'} – ${c.periods.after.to ?? '…'}`);
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} · LTC Lens</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main class="report">
<header>
  <p class="eyebrow">LTC Lens</p>
  <h1>${t.title}</h1>
  <p class="facts">${e(period)} · ${e(t.header.dataEnd(c.data_end))} · ${e(t.header.window(c.window_days))}${c.exclude_days ? ` · ${e(t.header.excluded(c.exclude_days))}` : ''} · ${e(t.header.generated(report.generated_at))}</p>
</header>
<section><h2>${t.sections.summary}</h2>${classicTable(report, t, lang)}<p class="note">${t.table.footnote}</p></section>
${trendsSection(report, t, lang)}
${distributionsSection(report, t, lang)}
${survivalSection(report, t, lang)}
${mixSection(report, t, lang)}
<section class="methods"><h2>${t.sections.methods}</h2>${t.methods.body}</section>
${qualitySection(report, t, lang)}
</main>
</body>
</html>
`;
}
