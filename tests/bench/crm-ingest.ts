/**
 * The CRM workload's ingest + materialize, in a child process of its own so that its peak memory is
 * its own (not the generator's before it, nor the queries' and Chromium's after it):
 * `node --import tsx tests/bench/crm-ingest.ts BUNDLE WORKSPACE`. Imports the bundle's CSVs into a
 * fresh workspace without the model, then builds the model; prints one JSON line (IngestFigures).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { materialize } from '../../models/materialize.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

export interface IngestFigures {
  readonly files: { path: string; rows_read: number; rows_loaded: number; ms: number }[];
  readonly failed: unknown[];
  readonly loadMs: number;
  readonly materializeMs: number;
  /** peak RSS (bytes) of this process after the load and after the model build */
  readonly rssLoad: number;
  readonly rssModel: number;
  readonly memoryLimit: string;
}

async function ingest(bundle: string, workspace: string): Promise<IngestFigures> {
  const files = readdirSync(bundle).filter((f) => f.endsWith('.csv')).sort();
  const db = await openWorkspace(workspace);
  const [{ limit }] = await db.query<{ limit: string }>("SELECT current_setting('memory_limit') AS \"limit\"");
  const starts: number[] = [];
  const started = performance.now();
  const report = await importAndRebuild(db, files.map((f) => ({ path: join(bundle, f), name: f })),
    { onFile: () => starts.push(performance.now()), materialize: false });
  const loaded = performance.now();
  const rssLoad = process.resourceUsage().maxRSS * 1024;
  await materialize(db);
  const materializeMs = performance.now() - loaded;
  const rssModel = process.resourceUsage().maxRSS * 1024;
  db.close();
  return {
    files: report.files.map((f, i) => ({ path: f.path, rows_read: f.rows_read, rows_loaded: f.rows_loaded, ms: (starts[i + 1] ?? loaded) - starts[i] })),
    failed: report.files.filter((f) => f.error || f.rows_rejected > 0).map((f) => [f.path, f.error, f.rows_rejected]),
    loadMs: loaded - started, materializeMs, rssLoad, rssModel, memoryLimit: limit,
  };
}

const [bundle, workspace] = process.argv.slice(2);
ingest(bundle, workspace).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error) => {
    process.stderr.write(`ingest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
