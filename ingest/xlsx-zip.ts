/**
 * A workbook's zip, read part by part through its central directory (yauzl), never as one stream:
 * whether a zip is a workbook is read from that directory (it holds xl/workbook.xml), not from its
 * name, and the parts are handed to exceljs in the order it needs them whatever order the zip keeps
 * them in. Every part is counted against the UnpackBudget as it inflates (its declared size before
 * a byte is read), so a workbook bomb is refused before it fills memory or the disk.
 */
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openPromise, type Entry as ZipEntry, type ZipFile } from 'yauzl';
import { ImportError } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { MAX_ENTRIES, type UnpackBudget } from './unpack-budget.ts';
import { fileName } from './unzip.ts';

/** A merged range, by 1-based rows and columns. */
export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The zip at `path` opened, and its entries by name; refused when broken or past MAX_ENTRIES. */
async function list(path: string, name: string): Promise<{ zip: ZipFile; entries: Map<string, ZipEntry> }> {
  let zip: ZipFile;
  try {
    // decodeStrings off, as for bundles (unzip.ts): a bundle with an entry named "../x.csv" is not refused here.
    zip = await openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false });
  } catch (error) {
    throw new ImportError(name, importReason('zip_broken', { detail: (error as Error).message }));
  }
  const entries = new Map<string, ZipEntry>();
  try {
    for await (const entry of zip.eachEntry()) {
      // A bundle counts its entries as it unpacks them (unzip.ts); this listing stops at the same bound.
      if (entries.size >= MAX_ENTRIES) throw new ImportError(name, importReason('archive_too_many_entries', { entries: MAX_ENTRIES.toLocaleString('en-US') }));
      entries.set(fileName(entry), entry);
    }
  } catch (error) {
    zip.close();
    throw error instanceof ImportError ? error : new ImportError(name, importReason('zip_broken', { detail: (error as Error).message }));
  }
  return { zip, entries };
}

/** An open workbook zip: its parts by path ("xl/workbook.xml"). */
export class WorkbookZip {
  private constructor(
    private readonly zip: ZipFile,
    private readonly name: string,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly budget: UnpackBudget,
  ) {}

  /** True when the zip at `path` holds xl/workbook.xml: a workbook, not a bundle of exports (read by its listing alone). */
  static async isWorkbook(path: string, name: string): Promise<boolean> {
    const { zip, entries } = await list(path, name);
    zip.close();
    return entries.has('xl/workbook.xml');
  }

  /**
   * The zip at `path` (shown as `name`) opened as a workbook, or null (and closed) when it holds
   * no xl/workbook.xml: a bundle of exports. Every entry counts against the budget's entry limit.
   */
  static async open(path: string, name: string, budget: UnpackBudget): Promise<WorkbookZip | null> {
    const { zip, entries } = await list(path, name);
    if (!entries.has('xl/workbook.xml')) {
      zip.close();
      return null;
    }
    try {
      for (let i = 0; i < entries.size; i++) budget.countEntry(name);
    } catch (error) {
      zip.close();
      throw error;
    }
    return new WorkbookZip(zip, name, entries, budget);
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  /**
   * The part's text as it inflates, decoded as UTF-8 across chunk boundaries (exceljs decodes each
   * chunk alone, which breaks a Chinese character cut between two), counted against the budget;
   * with `merges`, the sheet's merged ranges spanning rows are added to it as they pass.
   */
  async part(part: string, merges?: MergedRange[]): Promise<Readable> {
    const entry = this.entries.get(part);
    const shown = `${this.name} › ${part}`;
    if (!entry) throw new ImportError(this.name, importReason('xlsx_broken', { detail: `${part} is missing` }));
    if (entry.isEncrypted()) throw new ImportError(shown, importReason('zip_encrypted'));
    this.budget.checkDeclared(shown, entry.uncompressedSize, entry.compressedSize);
    const text = new PassThrough();
    text.setEncoding('utf8');
    const stages = [await this.zip.openReadStreamPromise(entry), this.budget.meter(shown, entry.compressedSize), ...(merges ? [mergeCollector(merges)] : [])];
    pipeline([...stages, text]).catch((error: Error) => text.destroy(error instanceof ImportError ? error : new ImportError(shown, importReason('xlsx_broken', { detail: error.message }))));
    return text;
  }

  close(): void {
    this.zip.close();
  }
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;

/** A pass-through adding to `ranges` the merged ranges that span more than one row (they follow a sheet's cells). */
function mergeCollector(ranges: MergedRange[]): Transform {
  let tail = '';
  return new Transform({
    transform: (chunk: Buffer, _encoding, done) => {
      // A tag may be cut between chunks: the end of the last one is read again with this one.
      const text = tail + chunk.toString('latin1');
      if (text.includes('mergeCell')) {
        for (const m of text.matchAll(MERGE)) {
          // One that ends in the tail was read with the last chunk.
          if (m.index + m[0].length <= tail.length) continue;
          const range = { top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4]), right: columnNumber(m[3]) };
          if (range.bottom > range.top) ranges.push(range);
        }
      }
      tail = text.slice(-200);
      done(null, chunk);
    },
  });
}

/** A column's letters as its 1-based number (A = 1, Z = 26, AA = 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
