/** `ltc export-parquet`: every loaded table as Parquet files, partitioned by year or month, for other engines. */
import { exportParquet, parquetPartition, PARQUET_PARTITIONS, type ParquetExport } from '../../../models/export/parquet.ts';
import { UsageError } from '../../../models/analysis/errors.ts';
import { count, fileSize } from '../../../models/messages/format.ts';
import { withDb, type Command } from '../command.ts';
import { sayAll } from '../../../models/messages/catalogue.ts';
import { CLI_ERRORS } from '../../../models/messages/cli-errors.ts';

export const commands: Record<string, Command> = {
  'export-parquet': {
    args: `--out DIR [--partition ${PARQUET_PARTITIONS.join('|')}]`,
    summary: 'writes every loaded table as Parquet (Hive-style partitions by the year of its date) for DuckDB, Spark, Polars …',
    options: { out: { type: 'string' }, partition: { type: 'string' } },
    async run(context) {
      const out = context.values.out as string | undefined;
      if (!out) throw new UsageError(sayAll(CLI_ERRORS, 'outFolderRequired'));
      const partition = parquetPartition(context.values.partition as string | undefined);
      const result = await withDb(context, (db) => exportParquet(db, out, { partition }));
      context.out(context.json ? JSON.stringify(result) : summary(result));
      return 0;
    },
  },
};

function summary(result: ParquetExport): string {
  const split = result.partition === 'none' ? 'one file a table'
    : `partitioned by ${result.partition === 'year' ? 'year' : 'year and month'} of each table's date`;
  const filled = result.tables.filter((t) => t.rows > 0).length;
  return `wrote ${result.out}: ${result.tables.length} tables (${filled} with rows), ${count(result.rows)} rows in `
    + `${count(result.files)} Parquet files, ${fileSize(result.bytes)}, ${split}`;
}
