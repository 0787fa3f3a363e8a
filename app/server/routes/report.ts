/** GET /api/report.html?cutover=D (or before/after ranges, exclude_days, by, lang, filters): the report as a download. */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluationReport } from '../../../models/report.ts';
import { UsageError } from '../../../models/period.ts';
import { reportHtml } from '../../render/report-html.ts';
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
    const path = join(tmpdir(), `ltc-report-${randomUUID()}.html`);
    try {
      writeFileSync(path, reportHtml(report, lang));
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
    return { kind: 'file', path, filename: name, contentType: 'text/html; charset=utf-8' };
  },
};
