/**
 * A file to load, put where the database may read it: the workspace's scratch folder, under a
 * generated name. The user's file name therefore never reaches DuckDB's readers, which would read
 * `[ ] * ? { }` in it as a glob pattern (`leads[1].csv` loading `leads1.csv`), and DuckDB needs no
 * access to any folder but its own (models/db/instance.ts).
 */
import { copyFileSync, constants, linkSync } from 'node:fs';
import { join } from 'node:path';

/** A hard link to `path` inside `dir` when both are on one file system, else a copy. */
export function stageFile(path: string, dir: string, index: number): string {
  const staged = join(dir, `source-${index}`);
  try {
    linkSync(path, staged);
  } catch {
    // Another file system (EXDEV), or links not allowed there: a copy (a clone where the file system can).
    copyFileSync(path, staged, constants.COPYFILE_FICLONE);
  }
  return staged;
}
