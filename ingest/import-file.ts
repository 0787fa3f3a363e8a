/**
 * One plain export file into the workspace, inside the caller's transaction: decoded, its dialect
 * sniffed, read by DuckDB, read by the adapter that fits it best (or as the user's mapping says),
 * loaded table by table, its rejects kept with their lines.
 */
import type { Database } from '../models/db/database.ts';
import type { TableKind } from '../models/db/contract.ts';
import type { AdapterMatch, SourceFile, TargetPlan } from './adapters/adapter.ts';
import { planForKind } from './adapters/canonical.ts';
import { chooseAdapter } from './adapters/registry.ts';
import { detectEncoding, hasMixedNewlines, normalizeNewlines, readHead, toUtf8, type Encoding } from './decode.ts';
import { ImportError, type Reject } from './errors.ts';
import type { Lang } from '../models/messages/catalogue.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { recordAt, recordStarts } from './line-numbers.ts';
import { loadTarget, type TargetResult } from './load-target.ts';
import { MixedDayMonth, mixedDayMonthMessage } from './day-month.ts';
import { mappedDateFormat, type MappingFile } from './mapping-file.ts';
import { readCsvIntoRaw, type RawCsv, type StructuralReject } from './read-csv.ts';
import { findReportFooter, withoutFooter, type ReportFooter } from './report-footer.ts';
import { skipped, type SkippedRows } from './skip-reasons.ts';
import { removeBlankRecords, unusedRecords, type SkippedRecords } from './skipped-rows.ts';
import { fields as splitLine, sniffDialect } from './sniff.ts';

export interface FileLoad {
  readonly encoding: Encoding;
  readonly delimiter: string;
  readonly headerLine: number;
  readonly rowsRead: number;
  readonly match: AdapterMatch;
  readonly targets: TargetResult[];
  readonly rejects: Reject[];
  readonly rowsRejected: number;
  /** rows left out on purpose: records no table took (deleted or draft records …), blank rows, report footers */
  readonly rowsSkipped: number;
  /** the same, per reason */
  readonly skipped: SkippedRows[];
}

export interface FileOptions {
  readonly kind?: TableKind;
  readonly adapter?: string;
  readonly mapping?: MappingFile;
}

const SAMPLE_ROWS = 200;

/** A file read into ltc_raw, with what was detected about it. */
export interface ReadSource {
  readonly encoding: Encoding;
  readonly delimiter: string;
  /** 0-based line of the header row */
  readonly headerLine: number;
  readonly utf8: string;
  readonly raw: RawCsv;
  readonly file: SourceFile;
  /** the footer block cut off the end of the file (report exports), if any */
  readonly footer: ReportFooter | null;
  /** rows without a value in any column, removed from ltc_raw */
  readonly blank: SkippedRecords | null;
  /** a workbook's sheet: a record's line is its row (cells may hold line breaks), not its physical line */
  readonly sheetRows: boolean;
}

/** The file read into ltc_raw; `sheetRows` when it is a workbook's sheet written one record a row (xlsx.ts). */
export async function readSource(db: Database, path: string, name: string, tmpDir: string, options: FileOptions, sheetRows = false): Promise<ReadSource> {
  const encoding = options.mapping?.encoding ?? detectEncoding(readHead(path));
  let utf8 = await toUtf8(path, encoding, tmpDir);
  if (hasMixedNewlines(readHead(utf8))) utf8 = await normalizeNewlines(utf8, tmpDir);
  const head = readHead(utf8, 256 * 1024).toString('utf8');
  const sniffed = sniffDialect(head);
  const delimiter = options.mapping?.delimiter ?? sniffed.delimiter;
  const headerLine = options.mapping?.header_line !== undefined ? options.mapping.header_line - 1 : sniffed.headerLine;
  const width = splitLine(head.replace(/^\ufeff/, '').split(/\r\n|\n|\r/)[headerLine] ?? '', delimiter).length;
  const footer = findReportFooter(utf8, delimiter, width);
  const data = footer ? await withoutFooter(utf8, footer.byte, tmpDir) : utf8;
  const raw = await readCsvIntoRaw(db, data, name, { delimiter, skip: headerLine });
  const blank = await removeBlankRecords(db, raw.headers);
  const sample = await db.query<Record<string, string | null>>(`SELECT * EXCLUDE (ltc_rec) FROM ltc_raw ORDER BY ltc_rec LIMIT ${SAMPLE_ROWS}`);
  return { encoding, delimiter, headerLine, utf8, raw, file: { name, headers: raw.headers, sample }, footer, blank, sheetRows };
}

/**
 * Loads a delimited file as batch `batchId`. `read` is the file already read by readSource: read before
 * the import's transaction began, its temp table is scanned in parallel (DuckDB scans a table created
 * in the running transaction more slowly: 1.6 s against 0.9 s for a million rows).
 */
export async function loadFile(
  db: Database, path: string, name: string, tmpDir: string, batchId: number, options: FileOptions, read?: ReadSource,
): Promise<FileLoad> {
  const { encoding, delimiter, headerLine, utf8, raw, file, footer, blank, sheetRows } = read ?? await readSource(db, path, name, tmpDir, options);
  const match = await readAs(file, options);

  // Records some target read; the rest were left out by the plans (their notes say why).
  await db.exec('CREATE OR REPLACE TEMP TABLE ltc_used (ltc_rec BIGINT)');
  const targets: TargetResult[] = [];
  for (const plan of match.targets) {
    try {
      targets.push(await loadTarget(db, plan, batchId, {
        timezone: options.mapping?.timezone, dateOrder: options.mapping?.date_order, decimal: options.mapping?.decimal,
        dateFormat: options.mapping?.date_format ? (field) => mappedDateFormat(options.mapping, field) : undefined,
      }));
    } catch (error) {
      if (error instanceof MixedDayMonth) {
        const lines = resolveLines(utf8, headerLine + 1, raw.structuralRejects, true, sheetRows);
        throw new ImportError(name, mixedDayMonthMessage(error, lines.ofRecord), undefined, error.open.column);
      }
      if (error instanceof ImportError) {
        const notes = match.notes ?? [];
        const reasons = notes.length
          ? importReason('with_notes', (lang) => ({ reason: error.reasons[lang], notes: notes.map((n) => n[lang]).join(lang === 'zh' ? ';' : '; ') }))
          : error.reasons;
        throw new ImportError(name, reasons, error.line, error.column);
      }
      throw error;
    }
  }
  const everyRecordUsed = targets.some((t) => t.readsEveryRecord);
  const skippedRecords = [...(blank ? [blank] : []), ...await unusedRecords(db, match.skips ?? [], everyRecordUsed)];
  const recordRejects = targets.flatMap((t) => t.rejects);
  const lines = resolveLines(utf8, headerLine + 1, raw.structuralRejects, recordRejects.length > 0 || skippedRecords.length > 0, sheetRows);
  const skippedRows = [
    ...skippedRecords.map((s) => skipped(s.reason, s.rows, lines.ofRecord(s.firstRec))),
    ...(footer?.rows ?? []).map((f) => skipped(f.reason, f.rows, f.first_line)),
  ];
  const footerRows = (footer?.rows ?? []).reduce((sum, f) => sum + f.rows, 0);
  const rejects: Reject[] = [
    ...raw.structuralRejects.map((r, i) => ({ line: lines.structural[i], column: r.column, reason: r.reason })),
    ...recordRejects.map((r) => ({ line: lines.ofRecord(r.rec), column: r.column, reason: r.reason })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    encoding, delimiter, headerLine: headerLine + 1, rowsRead: raw.rows + raw.structuralRejects.length + footerRows, match, targets, rejects,
    rowsSkipped: skippedRows.reduce((sum, s) => sum + s.rows, 0), skipped: skippedRows,
    rowsRejected: raw.structuralRejects.length + new Set(recordRejects.map((r) => r.rec)).size,
  };
}

/** The user's mapping, the kind they named, or the adapter that reads the file best. */
export async function readAs(file: SourceFile, options: FileOptions): Promise<AdapterMatch> {
  if (options.mapping) {
    const generic = planForKind(options.mapping.kind, file.headers);
    const fields = options.mapping.complete ? { ...options.mapping.fields } : { ...generic.fields, ...options.mapping.fields };
    for (const [field, column] of Object.entries(options.mapping.fields ?? {})) {
      if (!file.headers.includes(column)) {
        throw new ImportError(file.name, importReason('mapping_column_missing', { column, field, header: headerList(file.headers, 20) }), 1);
      }
    }
    const used = new Set(Object.values(fields));
    const plan: TargetPlan = { kind: options.mapping.kind, fields, attributes: file.headers.filter((h) => !used.has(h)) };
    return { adapter: 'mapping', preset: `mapping/${options.mapping.kind}`, confidence: 1, targets: [plan] };
  }
  if (options.kind) {
    const plan = planForKind(options.kind, file.headers);
    return { adapter: 'canonical', preset: `kind/${options.kind}`, confidence: 1, targets: [plan] };
  }
  const choice = await chooseAdapter(file, options.adapter);
  if ('match' in choice) return choice.match;
  const header = headerList(file.headers, 8);
  if ('ambiguous' in choice) {
    const readings = choice.ambiguous.map((m) => `${m.preset} (${m.targets.map((t) => `${t.kind}: ${Object.entries(t.fields)
      .slice(0, 3).map(([f, s]) => `${f} ← ${typeof s === 'string' ? s : s.label ?? 'expression'}`).join(', ')}`).join('; ')})`);
    const joined = (lang: Lang) => ({ header, readings: readings.join(lang === 'en' ? ' or as ' : ' 也可读作 ') });
    throw new ImportError(file.name, importReason('header_ambiguous', joined), 1);
  }
  throw new ImportError(file.name, importReason('header_unknown', { header }), 1);
}

/** The first `count` column names for a message, each cut short (a header cell can hold megabytes). */
function headerList(headers: readonly string[], count: number): string {
  const shown = headers.slice(0, count).map((h) => (h.length > 40 ? `${h.slice(0, 39)}…` : h));
  return `${shown.join(', ')}${headers.length > count ? ', …' : ''}`;
}

/**
 * Physical lines for rejects: the reader's rejects by their byte position, and the loaded records
 * (numbered by ltc_rec, which skips the reader's rejects) by their place among the rest.
 * The file is scanned only when some reject needs it. A sheet's records are numbered by rows.
 */
function resolveLines(path: string, headerLine: number, structural: readonly StructuralReject[], recordsNeeded: boolean, sheetRows: boolean) {
  if (structural.length === 0 && !recordsNeeded) return { structural: [] as (number | null)[], ofRecord: (_rec: number): number | null => null };
  const starts = recordStarts(path, headerLine, !sheetRows);
  const skipped = new Set(structural.map((r) => recordAt(starts, r.bytePosition)));
  const loaded = starts.filter((_, i) => !skipped.has(i));
  return {
    structural: structural.map((r) => starts[recordAt(starts, r.bytePosition)]?.line ?? null),
    ofRecord: (rec: number): number | null => loaded[rec]?.line ?? null,
  };
}
