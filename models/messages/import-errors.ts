/**
 * Why a file was refused as a whole (ingest/errors.ts ImportError), in every language, and the
 * frame that names the file, line and column before it. A detail DuckDB, a zip or a JSON reader
 * wrote stays as it was written (`{detail}`); only our words around it are translated.
 */
import { sayEach, type Catalogue, type Message, type ValuesIn } from './catalogue.ts';
import TEXTS from './import-errors.json' with { type: 'json' };

export const IMPORT_ERROR_FRAMES = TEXTS.IMPORT_ERROR_FRAMES satisfies Catalogue;

export const IMPORT_ERRORS = TEXTS.IMPORT_ERRORS satisfies Catalogue;

/** Slash dates read both ways in one column (ingest/day-month.ts): the refusal and its parts. */
export const MIXED_DAY_MONTH = TEXTS.MIXED_DAY_MONTH satisfies Catalogue;

export type ImportErrorId = keyof typeof IMPORT_ERRORS;


/** Why a file was refused, in every language (values as text, so a number reads as ingest wrote it). */
export function importReason(id: ImportErrorId, values: ValuesIn = {}): Message {
  return sayEach(IMPORT_ERRORS, id, values);
}
