/** GET /api/report.html?cutover=D (or before/after ranges, exclude_days, by, lang, filters): the report as a download. */
import { writeFileSync } from 'node:fs';
import { fromQuery, periodOf, readParams } from '../../../models/analysis/params.ts';
import { evaluationReport, REPORT_PARAMS } from '../../../models/report.ts';
import { reportHtml } from '../../render/report-html.ts';
import { writtenDownload } from '../download-file.ts';
import type { RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/report.html': async (db, _req, url) => {
    const p = readParams(REPORT_PARAMS, fromQuery(REPORT_PARAMS, url.searchParams), 'query');
    const lang = p.lang ?? 'en';
    const report = await evaluationReport(db, { ...periodOf(p), cutover: p.cutover, before: p.before, after: p.after, excludeDays: p.excludeDays, by: p.by });
    const name = `ltc-evaluation-${report.compare.cutover ?? 'ranges'}${lang === 'zh' ? '-zh' : ''}.html`;
    const { file } = await writtenDownload('report', (path) => writeFileSync(path, reportHtml(report, lang)));
    return { kind: 'file', file, filename: name, contentType: 'text/html; charset=utf-8' };
  },
};
