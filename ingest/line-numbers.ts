/**
 * Physical line numbers of the records of a delimited file, for reject messages. A record may span
 * lines when a quoted field holds newlines; blank lines are not records (DuckDB's reader skips them).
 */
import { readFileSync } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface RecordStart {
  /** 1-based line on which the record starts */
  readonly line: number;
  /** 0-based byte offset at which the record starts */
  readonly byte: number;
}

/**
 * Where every data record after the header (on 1-based line `headerLine`) starts, in file order.
 * With `quotedBreaks` false a line break inside quotes does not count: lines are numbered by
 * records (and blank lines), as in a workbook's sheet written one record a row.
 */
export function recordStarts(path: string, headerLine = 1, quotedBreaks = true): RecordStart[] {
  const bytes = readFileSync(path);
  const starts: RecordStart[] = [];
  let line = 1;
  let inQuotes = false;
  let start: RecordStart = { line: 1, byte: 0 };
  let empty = true;
  const endRecord = () => {
    if (!empty && start.line > headerLine) starts.push(start);
    empty = true;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b === LF || b === CR) && !inQuotes) {
      if (b === CR && bytes[i + 1] === LF) i++;
      endRecord();
      line++;
      continue;
    }
    if (empty) start = { line, byte: i };
    empty = false;
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (quotedBreaks && (b === LF || (b === CR && bytes[i + 1] !== LF))) line++;
  }
  endRecord();
  return starts;
}

/** Index of the record that contains byte `position` (the last one starting at or before it). */
export function recordAt(starts: readonly RecordStart[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid].byte <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
