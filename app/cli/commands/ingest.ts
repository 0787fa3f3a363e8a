/** `ltc ingest`, `ltc imports`, `ltc rejects`, `ltc undo`: exports in, batches and their rejects listed, batches undone. */
import { isTableKind } from '../../../models/db/contract.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { adapterIds } from '../../../ingest/adapters/registry.ts';
import { listBatches, listRejects } from '../../../ingest/batches.ts';
import { readMappingFile } from '../../../ingest/mapping-file.ts';
import { withDb, type Command, type CommandContext } from '../command.ts';
import { table } from '../table.ts';
import { say, type Lang } from '../../../models/messages/catalogue.ts';
import { REJECTS_TEXT } from '../../../models/messages/rejects-text.ts';
import { importReportText } from '../import-report.ts';
import { importAndRebuild, undoAndRebuild } from '../../workspace.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';
import { SERVER_ERRORS } from '../../../models/messages/server-errors.ts';

/** The language of the text output: `--lang zh`, else English (main.ts has checked the value). */
const langOf = (context: CommandContext): Lang => (context.values.lang === 'zh' ? 'zh' : 'en');

export const commands: Record<string, Command> = {

  ingest: {
    args: '[--kind K | --map FILE] [--adapter A] FILE… [--lang zh]',
    summary: 'load exports (source, table and formats detected) and print the import report',
    options: { kind: { type: 'string' }, map: { type: 'string' }, adapter: { type: 'string' } },
    async run(context) {
      const kind = context.values.kind as string | undefined;
      if (kind !== undefined && !isTableKind(kind)) throw new UsageError(sayAll(SERVER_ERRORS, 'tableKind', { name: '--kind', value: kind }));
      if (context.positionals.length === 0) throw new UsageError(sayAll(CLI_ERRORS, 'filesToImport'));
      const mapping = context.values.map ? readMappingFile(context.values.map as string) : undefined;
      const adapter = context.values.adapter as string | undefined;
      if (adapter !== undefined && !(await adapterIds()).includes(adapter)) {
        throw new UsageError(sayAll(CLI_ERRORS, 'adapter', { choices: (await adapterIds()).join(', '), value: adapter }));
      }
      const report = await withDb(context, (db) => importAndRebuild(db,
        context.positionals.map((path) => ({ path, name: path })),
        { kind, mapping, adapter, onFile: (i, n, name) => { if (!context.json && n > 1) context.err(`[${i + 1}/${n}] ${name}`); } }));
      const failed = report.files.filter((f) => f.error);
      const lang = langOf(context);
      for (const f of failed) context.err(`ltc ingest: ${lang === 'zh' ? f.error_zh ?? f.error : f.error}`);
      context.out(context.json ? JSON.stringify(report) : importReportText(report.files, lang));
      return failed.length > 0 ? 1 : 0;
    },
  },


  imports: {
    args: '',
    summary: 'list import batches',
    options: {},
    async run(context) {
      const batches = await withDb(context, (db) => listBatches(db));
      if (context.json) {
        context.out(JSON.stringify({ batches }));
        return 0;
      }
      if (batches.length === 0) {
        context.out('no imports yet: ltc ingest FILE… loads exports');
        return 0;
      }
      context.out(table(['batch', 'file', 'read as', 'new', 'updated', 'unchanged', 'rejected', 'skipped', 'imported', 'undone'], batches.map((b) => [
        String(b.batch_id), b.file_name, b.preset ?? b.kind, String(b.rows_inserted), String(b.rows_updated),
        String(b.rows_unchanged), String(b.rows_rejected), String(b.rows_skipped), b.imported_at, b.undone_at ?? '',
      ])));
      const skipped = batches.filter((b) => b.skipped.length > 0);
      if (skipped.length) {
        context.out('\nskipped rows (left out on purpose):');
        context.out(table(['batch', 'rows', 'reason', 'first line'], skipped.flatMap((b) => b.skipped.map((s) => [
          String(b.batch_id), String(s.rows), s.label, s.first_line === null ? '' : String(s.first_line)]))));
      }
      return 0;
    },
  },


  rejects: {
    args: '[--batch N] [--lang zh]',
    summary: 'list rejected rows with file, line, column and reason (of one batch, or of all; --lang zh says the reasons in Chinese)',
    options: { batch: { type: 'string' } },
    async run(context) {
      const batch = context.values.batch as string | undefined;
      if (batch !== undefined && !/^\d+$/.test(batch)) throw new UsageError(sayAll(CLI_ERRORS, 'batchFlag'));
      const rejects = await withDb(context, (db) => listRejects(db, batch === undefined ? undefined : Number(batch)));
      const lang = langOf(context);
      const words = (id: keyof typeof REJECTS_TEXT) => say(REJECTS_TEXT, id, lang);
      if (context.json) {
        context.out(JSON.stringify({ rejects }));
      } else if (rejects.length === 0) {
        context.out(batch === undefined ? words('none') : say(REJECTS_TEXT, 'none_in_batch', lang, { batch }));
      } else {
        context.out(table([words('batch'), words('file'), words('line'), words('column'), words('reason')], rejects.map((r) => [
          String(r.batch_id), r.file_name, r.line === null ? '?' : String(r.line), r.column ?? '', lang === 'zh' ? r.reason_zh : r.reason])));
      }
      return 0;
    },
  },


  undo: {
    args: 'BATCH',
    summary: 'remove one import batch and restore the rows it replaced',
    options: {},
    async run(context) {
      const id = context.positionals[0];
      if (!id || !/^\d+$/.test(id) || context.positionals.length > 1) throw new UsageError(sayAll(CLI_ERRORS, 'oneBatch'));
      const result = await withDb(context, (db) => undoAndRebuild(db, Number(id)));
      context.out(context.json ? JSON.stringify(result)
        : `batch ${result.batch_id} undone: ${result.rows_removed} rows removed, ${result.rows_restored} earlier rows restored`);
      return 0;
    },
  },
};
