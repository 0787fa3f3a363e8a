/**
 * Bundles: a .zip holds several exports, a .gz one. What a file is, is read from its first bytes,
 * not its name (SAP's VBFA.zip holds a CSV that is itself named VBFA.zip). Entries are written to a
 * temp folder and imported one by one, each named "bundle.zip › entry.csv".
 */
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { unzipSync } from 'fflate';
import { ImportError } from './errors.ts';
import { readHead } from './decode.ts';

export interface Entry {
  readonly path: string;
  readonly name: string;
}

const MAX_DEPTH = 3;

export function isZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function isGzip(head: Buffer): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** The plain files inside `path` (itself when it is not an archive), unpacked under `tmpDir`. */
export async function expandArchive(path: string, name: string, tmpDir: string, depth = 0): Promise<Entry[]> {
  const head = readHead(path, 4);
  if (!isZip(head) && !isGzip(head)) return [{ path, name }];
  if (depth >= MAX_DEPTH) throw new ImportError(name, `archives nested more than ${MAX_DEPTH} deep are not opened`);
  const dir = join(tmpDir, `unpacked-${depth}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  if (isGzip(head)) {
    const inner = join(dir, 'content');
    try {
      await pipeline(createReadStream(path), createGunzip(), createWriteStream(inner));
    } catch (error) {
      throw new ImportError(name, `broken gzip file: ${(error as Error).message}`);
    }
    return expandArchive(inner, `${name} › ${basename(name).replace(/\.gz$/i, '')}`, tmpDir, depth + 1);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(readFileSync(path));
  } catch (error) {
    throw new ImportError(name, `broken zip file: ${(error as Error).message}`);
  }
  const entries: Entry[] = [];
  let index = 0;
  for (const [entryName, bytes] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (entryName.endsWith('/') || bytes.length === 0 || /(^|\/)(__MACOSX|\.DS_Store)/.test(entryName)) continue;
    // Entry names never become paths: each is written under a generated name.
    const inner = join(dir, `entry-${index++}`);
    writeFileSync(inner, bytes);
    entries.push(...await expandArchive(inner, `${name} › ${entryName}`, tmpDir, depth + 1));
  }
  if (entries.length === 0) throw new ImportError(name, 'the archive holds no files');
  return entries;
}
