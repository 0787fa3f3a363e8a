/** A real in-process DuckDB workspace loaded from small CSV texts, for model and ingest tests. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, OpenOptions } from '../../models/db/database.ts';
import type { FileReport } from '../../ingest/import-files.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

export type Bundle = Record<string, string>;

/** Writes each `name → csv text` into a fresh temp folder and returns the paths. */
export function writeBundle(bundle: Bundle): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-test-'));
  const paths = Object.entries(bundle).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text.replace(/^\n/, ''));
    return path;
  });
  return { dir, paths };
}

/** An in-memory workspace with the bundle imported; fails the test on any whole-file error. */
export async function workspace(bundle: Bundle, options: Omit<OpenOptions, 'ready'> = {}): Promise<{ db: Database; files: FileReport[] }> {
  const db = await openWorkspace(':memory:', options);
  const { paths } = writeBundle(bundle);
  const { files } = await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
  const failed = files.filter((f) => f.error);
  if (failed.length) throw new Error(failed.map((f) => f.error).join('\n'));
  return { db, files };
}

/** An in-memory workspace with the committed sample bundle (sample-data/bundle) imported. */
export async function sampleWorkspace(): Promise<Database> {
  const bundle = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
  const db = await openWorkspace(':memory:');
  await importAndRebuild(db, readdirSync(bundle).filter((f) => f.endsWith('.csv')).map((name) => ({ path: join(bundle, name), name })));
  return db;
}

/** Days between two ISO timestamps, as docs/measures.md counts them (seconds / 86400). */
export function days(from: string, to: string): number {
  return (Date.parse(`${to}Z`) - Date.parse(`${from}Z`)) / 86_400_000;
}
