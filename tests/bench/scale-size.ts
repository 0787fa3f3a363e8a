/**
 * One size of the scale workload (tests/bench/scale.ts), run in a child process of its own so that
 * its peak memory is its own: `node --import tsx tests/bench/scale-size.ts BUNDLE SCRATCH`. Ingests
 * and materializes the bundle's CSVs into a fresh workspace in SCRATCH, times `kpis` and `funnel`
 * over the eight quarters of the generated period, exports the tables as Parquet, and prints one
 * JSON line (ScaleFigures) on stdout; progress goes to stderr.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exportParquet } from '../../models/export/parquet.ts';
import { funnel } from '../../models/funnel.ts';
import { materialize } from '../../models/materialize.ts';
import { kpis } from '../../models/measures.ts';
import { timed } from './measure.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

export interface ScaleFigures {
  readonly rows: number;
  readonly loadMs: number;
  readonly materializeMs: number;
  /** peak RSS (bytes) of this process after the load, after the model build, and at its end */
  readonly rssLoad: number;
  readonly rssModel: number;
  readonly rssEnd: number;
  readonly dbBytes: number;
  /** per query: the unfiltered first answer, then one per quarter (ms) */
  readonly queries: Record<'kpis' | 'funnel', { first: number; quarters: number[] }>;
  readonly parquet: { ms: number; bytes: number; files: number; rows: number };
}

const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** The eight quarters of the generated period (2024–2025), as date-range filters. */
const QUARTERS = [2024, 2025].flatMap((year) => [1, 4, 7, 10].map((month) => ({
  from: `${year}-${String(month).padStart(2, '0')}-01`,
  to: new Date(Date.UTC(year, month + 2, 0)).toISOString().slice(0, 10),
})));

async function measureSize(bundle: string, scratch: string): Promise<ScaleFigures> {
  const path = join(scratch, 'ws.duckdb');
  const db = await openWorkspace(path);
  const files = readdirSync(bundle).filter((f) => f.endsWith('.csv')).sort();
  process.stderr.write('scale: ingest…\n');
  const [report, loadMs] = await timed(() => importAndRebuild(db, files.map((f) => ({ path: join(bundle, f), name: f })), { materialize: false }));
  const failed = report.files.filter((f) => f.error || f.rows_rejected > 0);
  if (failed.length) throw new Error(`bench data did not load cleanly: ${JSON.stringify(failed.map((f) => [f.path, f.error, f.rows_rejected]))}`);
  const rssLoad = peakRss();
  process.stderr.write('scale: materialize…\n');
  const [, materializeMs] = await timed(() => materialize(db));
  const rssModel = peakRss();

  process.stderr.write('scale: kpis and funnel…\n');
  const queries: ScaleFigures['queries'] = {
    kpis: { first: (await timed(() => kpis(db)))[1], quarters: [] },
    funnel: { first: (await timed(() => funnel(db)))[1], quarters: [] },
  };
  for (const quarter of QUARTERS) {
    queries.kpis.quarters.push((await timed(() => kpis(db, quarter)))[1]);
    queries.funnel.quarters.push((await timed(() => funnel(db, quarter)))[1]);
  }

  process.stderr.write('scale: Parquet export…\n');
  const out = join(scratch, 'parquet');
  const [exported, exportMs] = await timed(() => exportParquet(db, out));
  rmSync(out, { recursive: true, force: true });
  db.close();
  const wal = `${path}.wal`;
  return {
    rows: report.files.reduce((sum, f) => sum + f.rows_loaded, 0),
    loadMs, materializeMs, rssLoad, rssModel, rssEnd: peakRss(),
    dbBytes: statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0),
    queries,
    parquet: { ms: exportMs, bytes: exported.bytes, files: exported.files, rows: exported.rows },
  };
}

const [bundle, scratch] = process.argv.slice(2);
measureSize(bundle, scratch).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error) => {
    process.stderr.write(`scale: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
