/** `ltc report`: the evaluation report as one self-contained, printable HTML file (docs/statistics.md, docs/api.md). */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { evaluationReport } from '../../../models/report.ts';
import { UsageError } from '../../../models/period.ts';
import { reportHtml } from '../../render/report-html.ts';
import { PERIOD_OPTIONS, periodOptions, withDb, type Command } from '../command.ts';

export const commands: Record<string, Command> = {
  report: {
    args: '(--cutover D [--exclude-days N] | --before FROM..TO --after FROM..TO) --out FILE.html [--lang zh] [--by source|owner|region|segment]',
    summary: 'writes the evaluation report: the before/after table with its evidence, charts, methods and data quality',
    options: {
      ...PERIOD_OPTIONS, cutover: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' },
      'exclude-days': { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, by: { type: 'string' },
    },
    async run(context) {
      const lang = (context.values.lang as string | undefined) ?? 'en';
      if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang must be en or zh, not "${lang}"`);
      const out = context.values.out as string | undefined;
      if (!out) throw new UsageError('--out FILE.html is required');
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(`the folder of --out does not exist: ${dirname(out)}`);
      const report = await withDb(context, (db) => evaluationReport(db, {
        ...periodOptions(context.values),
        cutover: context.values.cutover as string | undefined,
        before: context.values.before as string | undefined,
        after: context.values.after as string | undefined,
        excludeDays: context.values['exclude-days'] as string | undefined,
        by: context.values.by as string | undefined,
      }));
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
