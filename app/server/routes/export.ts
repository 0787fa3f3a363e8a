/** GET /api/export?format=xes|ocel|csv (+ ?log= and the filters): the event log as a download, as `ltc export`. */
import { fromQuery, periodOf, readParams } from '../../../models/analysis/params.ts';
import { EXPORT_FORMATS, EXPORT_PARAMS, exportEventLog, exportFormat } from '../../../models/export/export-log.ts';
import { writtenDownload } from '../download-file.ts';
import type { RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/export': async (db, _req, url) => {
    const p = readParams(EXPORT_PARAMS, fromQuery(EXPORT_PARAMS, url.searchParams), 'query');
    const format = exportFormat(p.format);
    const { file, result } = await writtenDownload('export', (path) => exportEventLog(db, format, path, { ...periodOf(p), log: p.log }));
    const name = `ltc-${result.log.replace(/[^\w.-]+/g, '-')}.${EXPORT_FORMATS[format].extension}`;
    return { kind: 'file', file, filename: name, contentType: EXPORT_FORMATS[format].contentType };
  },
};
