/**
 * A zip's files written to disk one entry at a time, streamed (yauzl reads the central directory and
 * holds each entry's bytes to the size it declares), within an UnpackBudget.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { getFileNameLowLevel, openPromise, type Entry as ZipEntry, type ZipFile } from 'yauzl';
import { ImportError } from './errors.ts';
import type { Message } from '../models/messages/catalogue.ts';
import { importReason } from '../models/messages/import-errors.ts';
import type { UnpackBudget } from './unpack-budget.ts';

/** A file unpacked to `path`, shown as `name` ("bundle.zip › entry.csv"). */
export interface Unpacked {
  readonly path: string;
  readonly name: string;
}

const SKIPPED = /(^|\/)(__MACOSX|\.DS_Store)/;

/**
 * The file entries of the zip at `path` (named `name`), written under `dir` with generated names and
 * listed in entry-name order. Directories, macOS metadata and empty entries are skipped; an archive
 * that holds nothing else, a broken one or one past the budget is refused with an ImportError.
 */
export async function unzipTo(path: string, name: string, dir: string, budget: UnpackBudget): Promise<Unpacked[]> {
  let zip: ZipFile;
  try {
    // decodeStrings off: yauzl would refuse the whole archive for an entry named "../x.csv"; entry
    // names are only shown here, never used as paths, so they are decoded below without that check.
    zip = await openPromise(path, { lazyEntries: true, decodeStrings: false });
  } catch (error) {
    throw new ImportError(name, importReason('zip_broken', { detail: (error as Error).message }));
  }
  const files: Unpacked[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      budget.countEntry(name);
      const entryName = fileName(entry);
      if (entryName.endsWith('/') || SKIPPED.test(entryName) || entry.uncompressedSize === 0) continue;
      const unpacked = { path: join(dir, `entry-${files.length}`), name: `${name} › ${entryName}` };
      await writeEntry(zip, entry, unpacked, budget);
      files.push(unpacked);
    }
  } catch (error) {
    // Errors of the central directory itself (an entry's own are ImportErrors by now).
    throw error instanceof ImportError ? error : new ImportError(name, importReason('zip_broken', { detail: (error as Error).message }));
  }
  if (files.length === 0) throw new ImportError(name, importReason('archive_empty'));
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** The entry streamed to `to.path` within the budget; refused as `to.name`, its partial file deleted. */
async function writeEntry(zip: ZipFile, entry: ZipEntry, to: Unpacked, budget: UnpackBudget): Promise<void> {
  const { path: out, name: shown } = to;
  if (entry.isEncrypted()) throw new ImportError(shown, importReason('zip_encrypted'));
  budget.checkDeclared(shown, entry.uncompressedSize, entry.compressedSize);
  try {
    await pipeline(await zip.openReadStreamPromise(entry), budget.meter(shown, entry.compressedSize), createWriteStream(out));
  } catch (error) {
    rmSync(out, { force: true });
    throw error instanceof ImportError ? error : new ImportError(shown, brokenEntry(error as Error));
  }
}

/** The entry's name as the spec decodes it (CP437 or UTF-8, or its Unicode Path extra field), of a zip opened with decodeStrings off. */
export function fileName(entry: ZipEntry): string {
  return getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

function brokenEntry(error: Error): Message {
  // yauzl's AssertByteCountStream: the data expands past the size the central directory declares.
  const lie = /^too many bytes in the stream\. expected (\d+)/.exec(error.message);
  if (lie) return importReason('zip_size_lie', { bytes: lie[1] });
  return importReason('zip_broken', { detail: error.message });
}
