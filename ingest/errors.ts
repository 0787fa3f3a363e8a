/** A failed import of one file: the message names the file, and the line and column where known. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(oneLine(`${file}${line !== undefined ? `:${line}` : ''}${column !== undefined ? ` column "${column}"` : ''}: ${reason}`));
    this.name = 'ImportError';
  }
}

export interface Reject {
  readonly line: number | null;
  readonly column: string | null;
  readonly reason: string;
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

/** The one-line message of a file that failed with `error`: an ImportError's own, else the first line of any other. */
export function fileError(name: string, error: unknown): string {
  if (error instanceof ImportError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return oneLine(`${name}: ${text.split('\n')[0] ?? text}`);
}
