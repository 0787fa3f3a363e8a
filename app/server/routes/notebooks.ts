/**
 * The notebooks of notebooks/ for the dashboard: the list, one notebook run against the workspace
 * (cells with their rows or errors, as JSON), and the same HTML file `ltc notebook` writes, as a
 * download. Notebooks are named by file only (`?name=bottleneck-review.md`); see models/notebook/library.ts.
 * `cutover=YYYY-MM-DD` sets the cut-over of the notebook's `workspace` block (else the workspace's default).
 */
import { writeFileSync } from 'node:fs';
import { listNotebooks, loadNotebook } from '../../../models/notebook/library.ts';
import { runNotebook } from '../../../models/notebook/run.ts';
import { assertDate } from '../../../models/period.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { notebookHtml } from '../../render/notebook-html.ts';
import { writtenDownload } from '../download-file.ts';
import { json, type RouteHandler } from '../routes.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { PARAM_ERRORS } from '../../../models/messages/errors.ts';

function notebookName(url: URL): string {
  const name = url.searchParams.get('name');
  if (!name) throw new UsageError(sayAll(PARAM_ERRORS, 'required', { name: 'name', example: 'name=bottleneck-review.md' }));
  return name;
}

function runOptions(url: URL): { cutover?: string } {
  const cutover = url.searchParams.get('cutover') || undefined;
  if (cutover) assertDate(cutover, 'cutover');
  return { cutover };
}

export const routes: Record<string, RouteHandler> = {
  /** every notebook: file, title, title_zh, description, description_zh */
  '/api/notebooks': async () => json({ notebooks: listNotebooks() }),
  /** ?name=<file>: the notebook run against the workspace */
  '/api/notebook': async (db, _req, url) => json(await runNotebook(db, loadNotebook(notebookName(url)), runOptions(url))),
  /** ?name=<file>: the notebook as one self-contained HTML file */
  '/api/notebook.html': async (db, _req, url) => {
    const notebook = loadNotebook(notebookName(url));
    const run = await runNotebook(db, notebook, runOptions(url));
    const { file } = await writtenDownload('notebook', (path) =>
      writeFileSync(path, notebookHtml(run, { source: `notebooks/${notebook.file}`, renderedAt: new Date().toISOString() })));
    return { kind: 'file', file, filename: notebook.file.replace(/\.md$/, '.html'), contentType: 'text/html; charset=utf-8' };
  },
};
