/**
 * Bundles: a .zip holds several exports, a .gz one. What a file is, is read from its first bytes,
 * not its name (SAP's VBFA.zip holds a CSV that is itself named VBFA.zip). Entries are streamed to a
 * temp folder, never held in memory, within an UnpackBudget (LTC_MAX_UNPACKED_MB, an entry's ratio
 * to its compressed size), and imported one by one, each named "bundle.zip › entry.csv". A zip that
 * is an Excel workbook gives one entry per sheet instead, "book.xlsx › 线索" (xlsx.ts).
 */
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ImportError } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';
import { readHead } from './decode.ts';
import { UnpackBudget } from './unpack-budget.ts';
import { unzipTo, type Unpacked } from './unzip.ts';
import { workbookEntriesApart } from './xlsx-apart.ts';
import type { Message } from '../models/messages/catalogue.ts';

/** A plain file to import: where it lies, and its name as shown ("bundle.zip › entry.csv"). */
export interface Entry extends Unpacked {
  /** a workbook's sheet as CSV: one record per sheet row, so a reject's line is the row Excel shows */
  readonly sheetRows?: boolean;
  /** set when the entry is not imported (a hidden sheet, a sheet without a table): why, for the report */
  readonly skipped?: Message;
}

/** Named as a workbook: one that is not a zip is refused rather than read as text. */
const WORKBOOK_NAME = /\.xls[xm]$/i;

const MAX_DEPTH = 3;

export function isZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function isGzip(head: Buffer): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** An OLE compound file: Excel 97–2003's .xls, or a workbook saved with a password. */
export function isCompoundFile(head: Buffer): boolean {
  return head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/**
 * The plain files inside `path` (itself when it is not an archive), unpacked under `tmpDir`. Archives
 * nested in it spend the same `budget`; one past it, or broken, is refused with an ImportError that
 * names the entry, and what it had unpacked is deleted.
 */
export async function expandArchive(path: string, name: string, tmpDir: string, depth = 0, budget = new UnpackBudget()): Promise<Entry[]> {
  const head = readHead(path, 8);
  if (isCompoundFile(head)) throw new ImportError(name, importReason('xls_binary'));
  if (!isZip(head) && !isGzip(head)) {
    if (WORKBOOK_NAME.test(name)) throw new ImportError(name, importReason('xlsx_not_workbook'));
    return [{ path, name }];
  }
  if (depth >= MAX_DEPTH) throw new ImportError(name, importReason('archive_too_deep', { depth: String(MAX_DEPTH) }));
  const dir = join(tmpDir, `unpacked-${depth}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  try {
    if (isZip(head)) {
      const sheets = await workbookEntriesApart(path, name, dir, budget);
      if (sheets) return sheets;
      if (WORKBOOK_NAME.test(name)) throw new ImportError(name, importReason('xlsx_not_workbook'));
    }
    const files = isGzip(head) ? [await gunzipTo(path, name, dir, budget)] : await unzipTo(path, name, dir, budget);
    const entries: Entry[] = [];
    // Nested archives unpack inside this one's folder, so a refusal deletes them with it.
    for (const file of files) entries.push(...await expandArchive(file.path, file.name, dir, depth + 1, budget));
    return entries;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The one file of the gzip at `path`, streamed to `dir` and counted against `budget`. */
async function gunzipTo(path: string, name: string, dir: string, budget: UnpackBudget): Promise<Unpacked> {
  const inner: Unpacked = { path: join(dir, 'content'), name: `${name} › ${basename(name).replace(/\.gz$/i, '')}` };
  try {
    await pipeline(createReadStream(path), createGunzip(), budget.meter(inner.name, statSync(path).size), createWriteStream(inner.path));
  } catch (error) {
    rmSync(inner.path, { force: true });
    if (error instanceof ImportError) throw error;
    throw new ImportError(name, importReason('gzip_broken', { detail: (error as Error).message }));
  }
  return inner;
}
