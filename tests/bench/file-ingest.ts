/**
 * One file imported into a fresh workspace, in a child process of its own so that its peak memory is
 * the import's: `node --import tsx tests/bench/file-ingest.ts FILE WORKSPACE`. No model is built.
 * Prints one JSON line (FileIngestFigures).
 */
import { basename } from 'node:path';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

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

const [file, workspace] = process.argv.slice(2);
ingest(file, workspace).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error) => {
    process.stderr.write(`ingest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
