/**
 * Reads a delimited file with DuckDB's own CSV reader into the temp table `ltc_raw` (every column
 * VARCHAR, the record's position in the file in ltc_rec). Rows the reader cannot split are returned as rejects with the
 * line DuckDB reports.
 */
import type { Database } from '../models/db/database.ts';
import { ImportError, type Reject } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { quoteLiteral } from './quote.ts';
import { rejectReason } from '../models/messages/reject-reasons.ts';

/** A record the reader could not split; its line is resolved from the byte position later. */
export interface StructuralReject extends Reject {
  readonly bytePosition: number;
}

export interface RawCsv {
  readonly headers: string[];
  readonly rows: number;
  readonly structuralRejects: StructuralReject[];
}

export interface ReadOptions {
  readonly delimiter: string;
  /** physical lines above the header row */
  readonly skip: number;
}

export async function readCsvIntoRaw(db: Database, path: string, name: string, dialect: ReadOptions): Promise<RawCsv> {
  await db.exec('DROP TABLE IF EXISTS ltc_raw');
  await db.exec('DROP TABLE IF EXISTS ltc_reject_errors');
  await db.exec('DROP TABLE IF EXISTS ltc_reject_scans');
  try {
    // WITH ORDINALITY numbers records in file order (rowid is not stable inside a transaction).
    await db.exec(`CREATE TEMP TABLE ltc_raw AS
      SELECT ordinality - 1 AS ltc_rec, * EXCLUDE (ordinality) FROM read_csv(${quoteLiteral(path)},
        all_varchar = true, header = true, parallel = false, delim = ${quoteLiteral(dialect.delimiter)},
        quote = '"', escape = '"', skip = ${Number(dialect.skip)}, null_padding = false,
        -- archives are unpacked by their bytes (archive.ts); a name ending .gz or .zst says nothing
        compression = 'none',
        store_rejects = true, rejects_table = 'ltc_reject_errors', rejects_scan = 'ltc_reject_scans') WITH ORDINALITY`);
  } catch (error) {
    throw readError(name, error);
  }
  const headers = (await db.query<{ column_name: string }>(
    "SELECT column_name FROM (DESCRIBE ltc_raw) WHERE column_name <> 'ltc_rec'")).map((r) => r.column_name);
  const [{ rows }] = await db.query<{ rows: number }>('SELECT count(*)::INTEGER AS rows FROM ltc_raw');
  // DuckDB's `line` counts records, not physical lines; the byte position of the line is exact.
  const errors = await db.query<{ position: number; column_name: string | null; error_type: string; error_message: string }>(
    `SELECT line_byte_position::DOUBLE AS position, column_name, error_type::VARCHAR AS error_type, error_message
     FROM ltc_reject_errors ORDER BY line_byte_position`);
  const seen = new Set<number>();
  const structuralRejects: StructuralReject[] = [];
  for (const e of errors) {
    if (seen.has(e.position)) continue;
    seen.add(e.position);
    structuralRejects.push({
      line: null, bytePosition: e.position, column: e.column_name,
      reason: rejectReason('unreadable_record', { type: e.error_type.toLowerCase(), detail: e.error_message }),
    });
  }
  return { headers, rows, structuralRejects };
}

/**
 * DuckDB's reader errors span many lines: the kind of error, the offending line's text (megabytes,
 * line breaks included, where a quote never closes), the message, possible fixes, the dialect and
 * the SQL. Only the message is kept: the line before "Possible Solution" when the text is quoted,
 * else the first line that is not one of the others.
 */
const READER_NOISE = /^(?:CSV Error on Line|Error when sniffing file|Original Line|Possible (?:Solution|fixes)|LINE \d+:|[*^]|[a-z_]+ = )/i;

function readError(name: string, error: unknown): ImportError {
  const text = error instanceof Error ? error.message : String(error);
  const line = /line[: ]+(\d+)/i.exec(text)?.[1];
  const lines = text.split('\n').map((l) => l.trim().replace(/^(?:Invalid Input Error|Conversion Error|Error):\s*/, '')).filter(Boolean);
  const solution = lines.findIndex((l) => /^Possible Solution/i.test(l));
  const detail = /\nOriginal Line:/.test(text) && solution > 0 ? lines[solution - 1] : lines.find((l) => !READER_NOISE.test(l));
  const reason = detail === undefined ? importReason('csv_unsplittable') : importReason('csv_unreadable', { detail });
  return new ImportError(name, reason, line ? Number(line) : undefined);
}
