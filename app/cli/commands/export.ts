/** `ltc export`: the event log for other process-mining tools (docs/process-mining.md, Exports) — XES, OCEL 2.0 JSON or CSV. */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { periodOf } from '../../../models/analysis/params.ts';
import { EXPORT_PARAMS, exportEventLog, exportFormat } from '../../../models/export/export-log.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { cliOptions, readCliParams, withDb, type Command } from '../command.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';
import { EXPORT_ERRORS } from '../../../models/messages/workspace-errors.ts';

export const commands: Record<string, Command> = {
  export: {
    args: '--format xes|ocel|csv --out FILE [--log events|ltc|ocel:TYPE] [--from D] [--to D]',
    summary: 'writes the event log for other process-mining tools (pm4py, ProM, Disco, OCEL tools)',
    options: { ...cliOptions(EXPORT_PARAMS), out: { type: 'string' } },
    async run(context) {
      const p = readCliParams(EXPORT_PARAMS, context);
      const format = exportFormat(p.format);
      const out = context.values.out as string | undefined;
      if (!out) throw new UsageError(sayAll(CLI_ERRORS, 'outFileRequired'));
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(sayAll(EXPORT_ERRORS, 'outFolderMissing', { folder: dirname(out) }));
      const options = { ...periodOf(p), log: p.log };
      // Written next to the target and moved into place at the end: a failed export leaves no half file.
      const partial = `${out}.partial`;
      try {
        const result = await withDb(context, (db) => exportEventLog(db, format, partial, options));
        if (result.filters_ignored.length) context.err(`note: ${result.filters_ignored.join(', ')} filter only LTC cases (--log ltc); not applied to this log`);
        renameSync(partial, out);
        context.out(context.json ? JSON.stringify({ format, out, ...result })
          : `wrote ${out}: ${format.toUpperCase()} of log ${result.log}, ${result.cases} cases, ${result.events} events`);
        return 0;
      } finally {
        rmSync(partial, { force: true });
      }
    },
  },
};
