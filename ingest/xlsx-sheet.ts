/**
 * One sheet written as a UTF-8 CSV in two streamed passes. The first keeps each row's cells as a
 * JSON line as the reader gives them; the second, once the sheet's width and merged ranges are
 * known, writes the CSV: every row as wide as the widest (trailing empty columns dropped), one
 * record per sheet row and an empty line for an empty row (so a record's place is its row number,
 * title rows counted), no trailing empty rows, and a vertically merged cell's value in every row
 * it covers (Jiandaoyun's sub-form rows merge the parent's cells).
 */
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MergedRange } from './xlsx-zip.ts';

/** What the CSV holds: its rows (the last sheet row with a value) and columns. */
export interface SheetTable {
  readonly rows: number;
  readonly columns: number;
}

const FLUSH_BYTES = 1 << 20;

/** Text written to a file in large synchronous writes, each counted (the UnpackBudget) before it is written. */
class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(path: string, private readonly count: (bytes: number) => void) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  flush(): void {
    const bytes = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    this.count(bytes.length);
    writeSync(this.fd, bytes);
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

/** A sheet's rows, taken in order, then written as CSV by `finish`. */
export class SheetWriter {
  private readonly rowsFile: BufferedFile;
  private columns = 0;
  private lastRow = 0;

  /** Rows kept at `rowsPath`, the CSV written to `csvPath`; `count` is called with the bytes of each write. */
  constructor(private readonly rowsPath: string, private readonly csvPath: string, private readonly count: (bytes: number) => void) {
    this.rowsFile = new BufferedFile(rowsPath, count);
  }

  /** Sheet row `row` (1-based) with its cells' texts, column A first; a row without a value is left out. */
  add(row: number, cells: readonly string[]): void {
    let width = cells.length;
    while (width > 0 && !cells[width - 1]) width--;
    if (width === 0) return;
    this.columns = Math.max(this.columns, width);
    this.lastRow = Math.max(this.lastRow, row);
    this.rowsFile.write(`${JSON.stringify([row, ...cells.slice(0, width)])}\n`);
  }

  /** Writes the CSV, filling vertically merged cells from `merges`; the sheet's size, or null when it holds no table. */
  async finish(merges: readonly MergedRange[]): Promise<SheetTable | null> {
    this.rowsFile.close();
    try {
      // A table has two columns at least: every kind of table needs an id and a date.
      if (this.columns < 2) return null;
      await this.writeCsv(merges.filter((m) => m.left <= this.columns));
      return { rows: this.lastRow, columns: this.columns };
    } finally {
      rmSync(this.rowsPath, { force: true });
    }
  }

  private async writeCsv(merges: readonly MergedRange[]): Promise<void> {
    const csv = new BufferedFile(this.csvPath, this.count);
    const fills = new MergeFills(merges);
    let written = 0;
    try {
      for await (const line of createInterface({ input: createReadStream(this.rowsPath, 'utf8'), crlfDelay: Infinity })) {
        const [row, ...cells] = JSON.parse(line) as [number, ...string[]];
        // Rows without a value are empty lines: DuckDB's reader skips them, and the rows keep their numbers.
        for (; written < row - 1; written++) csv.write(fills.covers(written + 1) ? `${csvRow(fills.apply(written + 1, []), this.columns)}\n` : '\n');
        csv.write(`${csvRow(fills.apply(row, cells), this.columns)}\n`);
        written = row;
      }
    } finally {
      csv.close();
    }
  }
}

/** The values of vertically merged ranges, carried from a range's top row into the rows below it. */
class MergeFills {
  private readonly starting = new Map<number, MergedRange[]>();
  private active: { range: MergedRange; value: string }[] = [];

  constructor(merges: readonly MergedRange[]) {
    for (const m of merges) this.starting.set(m.top, [...(this.starting.get(m.top) ?? []), m]);
  }

  /** True when a merged range with a value covers `row` below its top. */
  covers(row: number): boolean {
    return this.active.some((a) => row > a.range.top && row <= a.range.bottom && a.value !== '');
  }

  /** The cells of `row` with the merged values it is covered by. */
  apply(row: number, cells: readonly string[]): string[] {
    this.active = this.active.filter((a) => a.range.bottom >= row);
    const out = [...cells];
    for (const a of this.active) {
      if (row > a.range.top && !out[a.range.left - 1]) out[a.range.left - 1] = a.value;
    }
    for (const range of this.starting.get(row) ?? []) this.active.push({ range, value: cells[range.left - 1] ?? '' });
    return out;
  }
}

/** One CSV record of `width` fields; a field is quoted when it holds a delimiter, a quote or a line break. */
function csvRow(cells: readonly (string | undefined)[], width: number): string {
  const fields: string[] = [];
  for (let i = 0; i < width; i++) {
    const cell = cells[i] ?? '';
    fields.push(/[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  }
  return fields.join(',');
}
