/** `ltc report`: the evaluation report as one self-contained, printable HTML file (docs/statistics.md, docs/api.md). */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { periodOf } from '../../../models/analysis/params.ts';
import { evaluationReport, REPORT_PARAMS } from '../../../models/report.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { cliOptions, readCliParams, withDb, type Command } from '../command.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';
import { EXPORT_ERRORS } from '../../../models/messages/workspace-errors.ts';

export const commands: Record<string, Command> = {
  report: {
    args: '(--cutover D [--exclude-days N] | --before FROM..TO --after FROM..TO) --out FILE.html [--lang zh] [--by source|owner|region|segment]',
    summary: 'writes the evaluation report: the before/after table with its evidence, charts, methods and data quality',
    options: { ...cliOptions(REPORT_PARAMS), out: { type: 'string' } },
    async run(context) {
      const p = readCliParams(REPORT_PARAMS, context);
      const lang = p.lang ?? 'en';
      const out = context.values.out as string | undefined;
      if (!out) throw new UsageError(sayAll(CLI_ERRORS, 'outHtmlRequired'));
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(sayAll(EXPORT_ERRORS, 'outFolderMissing', { folder: dirname(out) }));
      const report = await withDb(context, (db) => evaluationReport(db, {
        ...periodOf(p), cutover: p.cutover, before: p.before, after: p.after, excludeDays: p.excludeDays, by: p.by,
      }));
      // The renderer (Observable Plot, linkedom) loads for the report only, not at every start of ltc.
      const { reportHtml } = await import('../../render/report-html.ts');
      const partial = `${out}.partial`;
      try {
        writeFileSync(partial, reportHtml(report, lang));
        renameSync(partial, out);
      } finally {
        rmSync(partial, { force: true });
      }
      const summary = { out, cutover: report.compare.cutover, data_end: report.compare.data_end, kpis: report.compare.kpis.length };
      context.out(context.json ? JSON.stringify(summary) : `wrote ${out}`);
      return 0;
    },
  },
};
