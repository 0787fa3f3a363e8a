/**
 * Physical line numbers of the records of a delimited file, for reject messages. A record may span
 * lines when a quoted field holds newlines; blank lines are not records (DuckDB's reader skips them).
 */
import { readFileSync } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** 1-based start line of every data record (after the header line) in file order. */
export function recordStartLines(path: string, headerLines = 1): number[] {
  const bytes = readFileSync(path);
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let recordStart = 1;
  let recordEmpty = true;
  let records = 0;
  const endRecord = () => {
    if (!recordEmpty) {
      records++;
      if (records > headerLines) starts.push(recordStart);
    }
    recordEmpty = true;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      inQuotes = !inQuotes;
      recordEmpty = false;
    } else if ((b === LF || b === CR) && !inQuotes) {
      if (b === CR && bytes[i + 1] === LF) i++;
      endRecord();
      line++;
      recordStart = line;
    } else {
      if (b === LF || (b === CR && bytes[i + 1] !== LF)) line++;
      if (recordEmpty) recordStart = line;
      recordEmpty = false;
    }
  }
  endRecord();
  return starts;
}
