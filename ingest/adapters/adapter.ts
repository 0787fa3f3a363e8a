/**
 * What a source adapter is: it looks at a file's header (and a sample of its rows) and says how the
 * file becomes canonical rows — for one or more tables — as SQL over the raw text table. Adapters
 * are pure: they never touch the database, and no adapter imports another.
 *
 * The raw table is `ltc_raw`: one row per CSV record, every column VARCHAR under its header as in
 * the file (DuckDB renames repeated headers "合同编号", "合同编号_1" …), plus `ltc_rec`, the record's
 * position in the file (0-based). Values are still text: the shared loader detects each column's
 * date, number and boolean format from the values and parses them, so adapters only say which
 * column (or expression) is which field.
 */
import type { TableKind } from '../../models/db/contract.ts';
import type { SkipReason } from '../skip-reasons.ts';
import type { Message } from '../../models/messages/catalogue.ts';

/** A file as adapters see it. */
export interface SourceFile {
  /** the user's file name (for name hints such as "VBFA" or "sf_lead_data") */
  readonly name: string;
  /** headers exactly as the raw table names its columns */
  readonly headers: readonly string[];
  /** the first rows (at most a few hundred), raw text, null for empty cells */
  readonly sample: readonly Readonly<Record<string, string | null>>[];
}

/**
 * One canonical table filled from the file. Each field is either a source column (its header) or
 * a SQL expression over `ltc_raw` columns (write `{ sql: "…" }`; quote headers with double quotes).
 * Expressions must yield text (VARCHAR) or NULL; the loader parses them like columns.
 */
export type FieldSource = string | { readonly sql: string; /** shown as the column in rejects */ readonly label?: string };

export interface TargetPlan {
  readonly kind: TableKind;
  /** canonical field → where its value comes from; required fields of the kind must be present */
  readonly fields: Readonly<Record<string, FieldSource>>;
  /** source columns kept as attributes (segments people filter by); default: every unmapped header */
  readonly attributes?: readonly string[];
  /** SQL condition on `ltc_raw` rows that belong to this table (e.g. VBTYP = 'C'); default all rows */
  readonly where?: string;
  /**
   * A SQL query that replaces `ltc_raw` as the row source, for reshaping (unpivoting wide stage
   * columns, carrying continuation rows forward). It must return `ltc_rec` and the columns the
   * fields name. Rejects still point at the record `ltc_rec` names.
   */
  readonly from?: string;
  /** per-field value hints when the adapter knows better than detection, e.g. { created_at: 'YYYYMMDD' } */
  readonly formats?: Readonly<Record<string, ValueFormat>>;
}

/** Formats the loader understands; detection picks one per column when no hint is given. */
export type ValueFormat =
  | 'iso' | 'M/D/Y' | 'D/M/Y' | 'D.M.Y' | 'Y/M/D' | 'YYYYMMDD' | 'YYYYMMDDHHMMSS' | 'zh' | 'excel-serial' | 'epoch-ms' | 'epoch-s'
  | 'decimal-point' | 'decimal-comma';

export interface AdapterMatch {
  /** the adapter's id, e.g. "salesforce" */
  readonly adapter: string;
  /** the layout recognised, e.g. "salesforce-fivetran/lead", "hubspot-export/deals" */
  readonly preset: string;
  /** 0..1: how sure the adapter is (share of expected columns found, name hints) */
  readonly confidence: number;
  readonly targets: readonly TargetPlan[];
  /** anything the user should know about how the file was read, in every language (models/messages/import-notes.ts) */
  readonly notes?: readonly Message[];
  /**
   * Why rows no target reads were left out: the first rule whose condition holds names a row's
   * reason; rows no rule names are counted as `not_used`. Nothing here changes what is loaded.
   */
  readonly skips?: readonly SkipRule[];
}

/** Rows left out on purpose, told by a SQL condition on `ltc_raw` (or on the rows of `from`, which must return ltc_rec). */
export interface SkipRule {
  readonly reason: SkipReason;
  readonly where: string;
  readonly from?: string;
}

export interface Adapter {
  readonly id: string;
  /** null when the file is not of this source */
  detect(file: SourceFile): AdapterMatch | null;
}

/** Helpers adapters share: header lookup by normalized name. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A file's name as a hint of what it holds, normalized: each part of "bundle.zip › 线索.csv" or of
 * a workbook's sheet "book.xlsx › 线索" without its folder and extension (a sheet's name has none to cut).
 */
export function nameHint(name: string): string {
  return normalizeHeader(name.split(' › ').map((part, i, parts) => {
    const file = part.replace(/^.*[\\/]/, '');
    return i > 0 && parts[i - 1].match(/\.xls[xm]$/i) ? file : file.replace(/\.[^.]*$/, '');
  }).join(' '));
}

/** The header whose normalized form is one of `names` (in the order given), or undefined. */
export function findHeader(headers: readonly string[], ...names: string[]): string | undefined {
  const wanted = names.map(normalizeHeader);
  for (const name of wanted) {
    const hit = headers.find((h) => normalizeHeader(h) === name);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Double-quotes a header for use inside adapter SQL. */
export function col(header: string): string {
  return `"${header.replaceAll('"', '""')}"`;
}

/** Single-quotes a text literal for adapter SQL. */
export function lit(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
