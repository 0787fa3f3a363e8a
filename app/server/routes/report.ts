/** GET /api/report.html?cutover=D (or before/after ranges, exclude_days, by, lang, filters): the report as a download. */
import { writeFileSync } from 'node:fs';
import { evaluationReport } from '../../../models/report.ts';
import { UsageError } from '../../../models/period.ts';
import { reportHtml } from '../../render/report-html.ts';
import { writtenDownload } from '../download-file.ts';
import { period } from '../params.ts';
import type { RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/report.html': async (db, _req, url) => {
    const q = url.searchParams;
    const lang = q.get('lang') || 'en';
    if (lang !== 'en' && lang !== 'zh') throw new UsageError(`lang must be en or zh, not "${lang}"`);
    const report = await evaluationReport(db, {
      ...period(q), cutover: q.get('cutover') || undefined, before: q.get('before') || undefined, after: q.get('after') || undefined,
      excludeDays: q.get('exclude_days') ?? undefined, by: q.get('by') || undefined,
    });
    const name = `ltc-evaluation-${report.compare.cutover ?? 'ranges'}${lang === 'zh' ? '-zh' : ''}.html`;
    const { file } = await writtenDownload('report', (path) => writeFileSync(path, reportHtml(report, lang)));
    return { kind: 'file', file, filename: name, contentType: 'text/html; charset=utf-8' };
  },
};
