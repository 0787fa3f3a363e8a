import { SaidError, type Lang, type Message } from '../models/messages/catalogue.ts';
import { IMPORT_ERROR_FRAMES, importReason } from '../models/messages/import-errors.ts';
import { sayEach } from '../models/messages/catalogue.ts';
import { reasonIn } from '../models/messages/reject-reasons.ts';
import { memoryLimit, outOfMemoryLine } from '../models/db/memory.ts';

/**
 * A failed import of one file: the message names the file, and the line and column where known,
 * before the reason (`file:line column "X": reason`). `reason` is the English reason; `texts` the
 * whole message in every language (errorText, the report's `error_zh`).
 */
export class ImportError extends SaidError {
  readonly reason: string;

  constructor(
    readonly file: string,
    /** the reason in every language (models/messages/import-errors.ts) */
    readonly reasons: Message,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(framed(file, reasons, line, column));
    this.reason = reasons.en;
    this.name = 'ImportError';
  }
}

function framed(file: string, reasons: Message, line?: number, column?: string): Message {
  const frame = line !== undefined ? (column !== undefined ? 'at_line_column' : 'at_line') : column !== undefined ? 'at_column' : 'in_file';
  const texts = sayEach(IMPORT_ERROR_FRAMES, frame, (lang) => ({ file, line: String(line), column: column ?? '', reason: reasons[lang] }));
  return { en: oneLine(texts.en), zh: oneLine(texts.zh) };
}

export interface Reject {
  readonly line: number | null;
  readonly column: string | null;
  /** in English, as the rejects table keeps it */
  readonly reason: string;
}

/** A reject as a report shows it: its reason in English and in Chinese. */
export interface ReportedReject extends Reject {
  readonly reason_zh: string;
}

export function withReasonZh(reject: Reject): ReportedReject {
  return { ...reject, reason_zh: reasonIn(reject.reason, 'zh') };
}

/** The longest message a failed file gets (a header cell or a DuckDB message can hold megabytes). */
const MAX_MESSAGE = 1000;

/**
 * Text made fit for a one-line message: line breaks and tabs become spaces, other control
 * characters are shown escaped (`\u001b`, never sent to a terminal), and it is cut at `max` characters.
 */
export function oneLine(text: string, max = MAX_MESSAGE): string {
  const flat = text
    .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (flat.length <= max) return flat;
  const end = /[\ud800-\udbff]/.test(flat[max - 2]) ? max - 2 : max - 1;
  return `${flat.slice(0, end)}…`;
}

/**
 * The one-line message of a file that failed with `error`, in every language: an ImportError's own,
 * else the first line of any other after the file's name (that text is as it was written).
 */
export function fileError(name: string, error: unknown): Message {
  const text = messageOf(error);
  // Not all of DuckDB's work spills to disk: a file that needs more than the limit says what to raise.
  const outOfMemory = outOfMemoryLine(text);
  if (outOfMemory) return new ImportError(name, importReason('out_of_memory', { limit: memoryLimit(), detail: oneLine(outOfMemory, 300) })).texts;
  if (error instanceof ImportError) return error.texts;
  const line = oneLine(`${name}: ${text.split('\n')[0] ?? text}`);
  return { en: line, zh: line } satisfies Record<Lang, string>;
}

function messageOf(error: unknown): string {
  if (error instanceof ImportError) return error.texts.en;
  return error instanceof Error ? error.message : String(error);
}

/** A failed file's message as a report entry carries it: `error` in English, `error_zh` beside it. */
export function fileErrorFields(name: string, error: unknown): { error: string; error_zh: string } {
  const texts = fileError(name, error);
  return { error: texts.en, error_zh: texts.zh };
}

/** `</x> closes <y>`: an XML end tag that does not close the element open (XES, OCEL XML). */
export function wrongClose(closing: string, open: string | undefined): Message {
  return open === undefined ? importReason('xml_close_unopened', { closing }) : importReason('xml_wrong_close', { closing, open });
}
