/** GET /api/export?format=xes|ocel|csv (+ ?log= and the filters): the event log as a download, as `ltc export`. */
import { EXPORT_FORMATS, exportEventLog, exportFormat } from '../../../models/export/export-log.ts';
import { writtenDownload } from '../download-file.ts';
import { period } from '../params.ts';
import type { RouteHandler } from '../routes.ts';

export const routes: Record<string, RouteHandler> = {
  '/api/export': async (db, _req, url) => {
    const format = exportFormat(url.searchParams.get('format'));
    const { file, result } = await writtenDownload('export', (path) =>
      exportEventLog(db, format, path, { ...period(url.searchParams), log: url.searchParams.get('log') || undefined }));
    const name = `ltc-${result.log.replace(/[^\w.-]+/g, '-')}.${EXPORT_FORMATS[format].extension}`;
    return { kind: 'file', file, filename: name, contentType: EXPORT_FORMATS[format].contentType };
  },
};
