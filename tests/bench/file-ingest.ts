/**
 * One file imported into a fresh workspace, in a child process of its own so that its peak memory is
 * the import's: `node --import tsx tests/bench/file-ingest.ts FILE WORKSPACE`. No model is built.
 * With `--convert-only` (a workbook), only what the import's conversion process does: the sheets
 * written as CSVs (ingest/xlsx.ts), for that process's own peak memory. Prints one JSON line
 * (FileIngestFigures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';
import { UnpackBudget } from '../../ingest/unpack-budget.ts';
import { workbookEntries } from '../../ingest/xlsx.ts';

export interface FileIngestFigures {
  readonly ms: number;
  /** peak RSS of this process, bytes */
  readonly rss: number;
  readonly files: { path: string; rows_loaded: number; rows_rejected: number; error?: string }[];
}

async function ingest(file: string, workspace: string): Promise<FileIngestFigures> {
  const db = await openWorkspace(workspace);
  const started = performance.now();
  const report = await importAndRebuild(db, [{ path: file, name: basename(file) }], { materialize: false });
  const ms = performance.now() - started;
  db.close();
  return {
    ms, rss: process.resourceUsage().maxRSS * 1024,
    files: report.files.map((f) => ({ path: f.path, rows_loaded: f.rows_loaded, rows_rejected: f.rows_rejected, error: f.error })),
  };
}

async function convert(file: string, workspace: string): Promise<FileIngestFigures> {
  const dir = mkdtempSync(join(dirname(workspace), 'sheets-'));
  try {
    const started = performance.now();
    const entries = await workbookEntries(file, basename(file), dir, new UnpackBudget());
    return { ms: performance.now() - started, rss: process.resourceUsage().maxRSS * 1024, files: (entries ?? []).map((e) => ({ path: e.name, rows_loaded: 0, rows_rejected: 0 })) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [file, workspace, mode] = process.argv.slice(2);
(mode === '--convert-only' ? convert(file, workspace) : ingest(file, workspace)).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error) => {
    process.stderr.write(`ingest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
