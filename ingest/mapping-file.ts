/**
 * The explicit mapping (`ltc ingest --map FILE`): a JSON file that says what a file is, overriding
 * detection. Documented in the README:
 *
 *   { "kind": "orders", "fields": { "order_id": "Belegnummer", "created_at": "Datum" },
 *     "date_order": "DMY", "date_format": { "created_at": "M/D/Y" }, "decimal": ",", "timezone": "Europe/Berlin",
 *     "encoding": "windows-1252", "delimiter": ";", "header_line": 3 }
 *
 * Only `kind` is required; fields not named are mapped as the generic adapter would, unless
 * `"complete": true` says the fields named are the whole mapping. `date_format` gives the date
 * format of every date column (a string) or of the fields named (an object); it wins over date_order.
 */
import { readFileSync } from 'node:fs';
import { CONTRACT, isTableKind, type TableKind } from '../models/db/contract.ts';
import { UsageError } from '../models/analysis/errors.ts';
import { say, sayEach, type MessageValues } from '../models/messages/catalogue.ts';
import { MAPPING_ERRORS } from '../models/messages/batch-and-mapping-errors.ts';
import type { Encoding } from './decode.ts';
import type { DateFormat } from './formats.ts';

export interface MappingFile {
  readonly kind: TableKind;
  readonly fields?: Readonly<Record<string, string>>;
  readonly date_order?: 'DMY' | 'MDY';
  /** the date format of every date column, or per canonical field */
  readonly date_format?: DateFormat | Readonly<Record<string, DateFormat>>;
  readonly decimal?: ',' | '.';
  readonly timezone?: string;
  readonly encoding?: Encoding;
  readonly delimiter?: string;
  /** 1-based line of the header row */
  readonly header_line?: number;
  /** the fields named are all there is: nothing else is matched by name (the Import page's editor) */
  readonly complete?: boolean;
}

/** Date formats a mapping may name (the loader's names, see formats.ts). */
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'M/D/Y', 'D/M/Y', 'D.M.Y', 'Y/M/D', 'YYYYMMDD', 'YYYYMMDDHHMMSS', 'zh', 'excel-serial', 'epoch-ms', 'epoch-s'];

/** The format the mapping gives `field`, if any. */
export function mappedDateFormat(mapping: Pick<MappingFile, 'date_format'> | undefined, field: string): DateFormat | undefined {
  const given = mapping?.date_format;
  return typeof given === 'string' ? given : given?.[field];
}

const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252'];

type MappingErrorId = Exclude<keyof typeof MAPPING_ERRORS, 'where'>;

/** A mapping refused: where it came from (`--map file` or the Import page's mapping), then why, in every language. */
function mappingError(where: string, why: MappingErrorId, values: MessageValues = {}): UsageError {
  return new UsageError(sayEach(MAPPING_ERRORS, 'where', (lang) => ({ where, why: say(MAPPING_ERRORS, why, lang, values) })));
}

export function readMappingFile(path: string): MappingFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw mappingError(`--map ${path}`, 'notJson', { detail: (error as Error).message.split('\n')[0] });
  }
  return validateMapping(data, `--map ${path}`);
}

export function validateMapping(data: unknown, where: string): MappingFile {
  const fail = (why: MappingErrorId, values: MessageValues = {}): never => { throw mappingError(where, why, values); };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('notObject');
  const m = data as Record<string, unknown>;
  if (typeof m.kind !== 'string' || !isTableKind(m.kind)) fail('kind', { kinds: Object.keys(CONTRACT).join(', ') });
  const kind = m.kind as TableKind;
  if (m.fields !== undefined) {
    if (typeof m.fields !== 'object' || m.fields === null) fail('fields');
    const known = new Set(CONTRACT[kind].fields.map((f) => f.name));
    for (const [field, column] of Object.entries(m.fields as Record<string, unknown>)) {
      if (!known.has(field)) fail('unknownField', { field, kind, known: [...known].join(', ') });
      if (typeof column !== 'string') fail('fieldColumn', { field });
    }
  }
  if (m.date_order !== undefined && m.date_order !== 'DMY' && m.date_order !== 'MDY') fail('dateOrder');
  if (m.date_format !== undefined) {
    const formats = DATE_FORMATS.map((f) => `"${f}"`).join(', ');
    const dates = new Set(CONTRACT[kind].fields.filter((f) => f.type === 'timestamp').map((f) => f.name));
    if (typeof m.date_format === 'string') {
      if (!DATE_FORMATS.includes(m.date_format as DateFormat)) fail('dateFormat', { formats });
    } else if (typeof m.date_format === 'object' && m.date_format !== null && !Array.isArray(m.date_format)) {
      for (const [field, format] of Object.entries(m.date_format as Record<string, unknown>)) {
        if (!dates.has(field)) fail('notDateField', { field, kind, dates: [...dates].join(', ') });
        if (!DATE_FORMATS.includes(format as DateFormat)) fail('fieldDateFormat', { field, formats });
      }
    } else {
      fail('dateFormat', { formats });
    }
  }
  if (m.decimal !== undefined && m.decimal !== ',' && m.decimal !== '.') fail('decimal');
  if (m.timezone !== undefined) {
    if (typeof m.timezone !== 'string') fail('timezoneText');
    try {
      new Intl.DateTimeFormat('en', { timeZone: m.timezone as string });
    } catch {
      fail('timezone', { value: String(m.timezone) });
    }
  }
  if (m.encoding !== undefined && !ENCODINGS.includes(m.encoding as Encoding)) fail('encoding', { encodings: ENCODINGS.join(', ') });
  if (m.delimiter !== undefined && (typeof m.delimiter !== 'string' || m.delimiter.length !== 1)) fail('delimiter');
  if (m.complete !== undefined && typeof m.complete !== 'boolean') fail('complete');
  if (m.header_line !== undefined && (!Number.isInteger(m.header_line) || (m.header_line as number) < 1)) fail('headerLine');
  return m as unknown as MappingFile;
}
