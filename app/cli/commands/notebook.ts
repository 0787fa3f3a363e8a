/**
 * `ltc notebook FILE.md --out FILE.html`: renders a Markdown + SQL notebook against the workspace
 * into one self-contained HTML file (docs/api.md). `--cutover D` sets the cut-over of the notebook's
 * `workspace` block; without it the workspace's default (the suggested change point, else the middle
 * of the data) is used. The file is written even when a block fails; the
 * command then names each failure on stderr and exits 1, so that CI catches a broken notebook.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { assertDate } from '../../../models/period.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { withDb, type Command } from '../command.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';
import { EXPORT_ERRORS } from '../../../models/messages/workspace-errors.ts';

export const commands: Record<string, Command> = {
  notebook: {
    args: 'FILE.md --out FILE.html [--cutover D]',
    summary: 'renders a Markdown + SQL notebook (notebooks/*.md) against the database into one HTML file',
    options: { out: { type: 'string' }, cutover: { type: 'string' } },
    async run(context) {
      const [path, ...extra] = context.positionals;
      if (!path) throw new UsageError(sayAll(CLI_ERRORS, 'nameNotebook'));
      if (extra.length) throw new UsageError(sayAll(CLI_ERRORS, 'oneNotebook', { others: extra.join(' ') }));
      if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(sayAll(CLI_ERRORS, 'noNotebookFile', { path }));
      const out = context.values.out as string | undefined;
      if (!out) throw new UsageError(sayAll(CLI_ERRORS, 'outHtmlRequired'));
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(sayAll(EXPORT_ERRORS, 'outFolderMissing', { folder: dirname(out) }));
      const cutover = context.values.cutover as string | undefined;
      if (cutover !== undefined) assertDate(cutover, '--cutover');

      // Plot and its DOM, the notebook's reader and runner (markdown-it) are loaded for this command
      // only, not for every `ltc` start.
      const [{ notebookHtml }, { parseNotebook }, { describeProblem, runNotebook }] = await Promise.all([
        import('../../render/notebook-html.ts'), import('../../../models/notebook/parse.ts'), import('../../../models/notebook/run.ts')]);
      const notebook = parseNotebook(readFileSync(path, 'utf8'), basename(path));
      const run = await withDb(context, (db) => runNotebook(db, notebook, { cutover }));
      const html = notebookHtml(run, { source: path, renderedAt: new Date().toISOString() });
      // Written next to the target and moved into place: a crash leaves no half file.
      const partial = `${out}.partial`;
      try {
        writeFileSync(partial, html);
        renameSync(partial, out);
      } finally {
        rmSync(partial, { force: true });
      }

      for (const problem of run.errors) context.err(`ltc notebook: ${describeProblem(problem, path)}`);
      const blocks = run.cells.flatMap((c) => (c.kind === 'sql' && c.line > 0
        ? [{ name: c.name, line: c.line, rows: c.total, ...(c.error ? { error: c.error } : {}) }] : []));
      if (context.json) {
        context.out(JSON.stringify({ out, title: run.meta.title, data_end: run.data_end, workspace: run.workspace, blocks, errors: run.errors }));
      } else {
        const failed = run.errors.length ? `, ${run.errors.length} problem${run.errors.length === 1 ? '' : 's'}` : '';
        context.out(`wrote ${out}: ${run.meta.title}, ${blocks.length} sql block${blocks.length === 1 ? '' : 's'}${failed}`);
      }
      return run.errors.length ? 1 : 0;
    },
  },
};
