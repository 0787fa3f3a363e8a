/** A failed import of one file: the message names the file, and the line and column where known. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}${column !== undefined ? ` column "${column}"` : ''}: ${reason}`);
    this.name = 'ImportError';
  }
}

export interface Reject {
  readonly line: number | null;
  readonly column: string | null;
  readonly reason: string;
}
