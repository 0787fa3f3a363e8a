/** `ltc export`: the event log for other process-mining tools (SPEC §6) — XES, OCEL 2.0 JSON or CSV. */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { eventLogView } from '../../../models/event-log.ts';
import { writeEventCsv } from '../../../models/export/csv.ts';
import { writeOcel } from '../../../models/export/ocel.ts';
import { writeXes } from '../../../models/export/xes.ts';
import { UsageError } from '../../../models/period.ts';
import { PERIOD_OPTIONS, periodOptions, withDb, type Command } from '../command.ts';

const WRITERS = { xes: writeXes, ocel: writeOcel, csv: writeEventCsv } as const;

export const commands: Record<string, Command> = {
  export: {
    args: '--format xes|ocel|csv --out FILE [--log events|ltc|ocel:TYPE] [--from D] [--to D]',
    summary: 'writes the event log for other process-mining tools (pm4py, ProM, Disco, OCEL tools)',
    options: { ...PERIOD_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, log: { type: 'string' } },
    async run(context) {
      const format = context.values.format as string | undefined;
      const out = context.values.out as string | undefined;
      if (!format || !(format in WRITERS)) throw new UsageError(`--format must be xes, ocel or csv${format ? `, not "${format}"` : ''}`);
      if (!out) throw new UsageError('--out FILE is required');
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(`the folder of --out does not exist: ${dirname(out)}`);
      const options = { ...periodOptions(context.values), log: context.values.log as string | undefined };
      // Written next to the target and moved into place at the end: a failed export leaves no half file.
      const partial = `${out}.partial`;
      try {
        const counts = await withDb(context, async (db) => {
          const view = await eventLogView(db, options);
          if (view.ignored.length) context.err(`note: ${view.ignored.join(', ')} filter only LTC cases (--log ltc); not applied to this log`);
          return { log: view.log, ...(await WRITERS[format as keyof typeof WRITERS](db, view, partial)) };
        });
        if (counts.events === 0) throw new Error('the event log is empty: nothing to export (import data first)');
        renameSync(partial, out);
        const result = { format, out, ...counts };
        context.out(context.json ? JSON.stringify(result)
          : `wrote ${out}: ${format.toUpperCase()} of log ${counts.log}, ${counts.cases} cases, ${counts.events} events`);
        return 0;
      } finally {
        rmSync(partial, { force: true });
      }
    },
  },
};
