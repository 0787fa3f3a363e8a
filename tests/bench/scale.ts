/**
 * Issue 8 "Beyond one machine": how time, disk and memory grow with the workload. For each size
 * (100k, 1M, 3M leads unless `--leads` lists others) the seeded generator writes the CRM exports,
 * and a child process of its own (tests/bench/scale-size.ts) ingests and materializes them into a
 * fresh workspace, times `kpis` and `funnel`, and exports the tables as Parquet, so that the peak
 * RSS it reports is that size's alone. The parent also reads the child's peak (VmHWM) from /proc,
 * which still tells how far a child got when the system kills it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../sample-data/generator/index.ts';
import { DEFAULT_MEMORY_LIMIT, memoryLimit } from '../../models/db/memory.ts';
import { machineLine, mb, quantile, seconds, timed } from './measure.ts';
import type { ScaleFigures } from './scale-size.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./scale-size.ts', import.meta.url));
const SEED = 20250101;
export const SCALE_SIZES = [100_000, 1_000_000, 3_000_000];

interface SizeRun {
  readonly leads: number;
  readonly generateMs: number;
  readonly csvBytes: number;
  /** the child's figures, or why it stopped */
  readonly figures: ScaleFigures | null;
  readonly failure: string | null;
  /** highest VmHWM the parent saw (bytes); 0 where /proc is not there */
  readonly watchedPeak: number;
}

/** The peak resident set (VmHWM) of a live process, from /proc; 0 when unreadable. */
function vmHwm(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs scale-size.ts on one bundle; resolves with its JSON line or the reason it stopped. */
function runChild(bundle: string, scratch: string): Promise<{ figures: ScaleFigures | null; failure: string | null; watchedPeak: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, bundle, scratch], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let lastError = '';
    let watchedPeak = 0;
    const watch = setInterval(() => { watchedPeak = Math.max(watchedPeak, vmHwm(child.pid ?? 0)); }, 250);
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      lastError = chunk.toString().trim().split('\n').pop() || lastError;
    });
    child.on('close', (code, signal) => {
      clearInterval(watch);
      if (code === 0) {
        resolve({ figures: JSON.parse(stdout.trim().split('\n').pop()!) as ScaleFigures, failure: null, watchedPeak });
      } else {
        const how = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}` : `exit ${code}`;
        resolve({ figures: null, failure: `${how}: ${lastError || 'no message'}`, watchedPeak });
      }
    });
  });
}

async function runSize(leads: number): Promise<SizeRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'ltc-bench-scale-'));
  try {
    const bundle = join(scratch, 'bundle');
    process.stderr.write(`scale: generating ${leads.toLocaleString('en')} leads…\n`);
    const [, generateMs] = await timed(() => generate({ leads, outDir: bundle, seed: SEED }));
    const csvBytes = readdirSync(bundle).reduce((sum, f) => sum + statSync(join(bundle, f)).size, 0);
    return { leads, generateMs, csvBytes, ...(await runChild(bundle, scratch)) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const ms = (x: number) => x.toFixed(0);
const thousands = (x: number) => x.toLocaleString('en');

function row(run: SizeRun): string {
  const f = run.figures;
  const size = `${thousands(run.leads)}`;
  if (!f) return `| ${size} | ${mb(run.csvBytes)} MB CSV | failed: ${run.failure} | – | ${run.watchedPeak ? `≥ ${thousands(mb(run.watchedPeak))} MB` : '–'} | – | – |`;
  const query = (q: { first: number; quarters: number[] }) => `${ms(q.first)} · ${ms(quantile(q.quarters, 0.5))} / ${ms(Math.max(...q.quarters))}`;
  return [
    `| ${size}`,
    `${thousands(f.rows)} rows, ${thousands(mb(run.csvBytes))} MB CSV`,
    `${seconds(f.loadMs + f.materializeMs)} s (${seconds(f.loadMs)} + ${seconds(f.materializeMs)})`,
    `${thousands(mb(f.dbBytes))} MB`,
    `${thousands(mb(f.rssLoad))} / ${thousands(mb(f.rssModel))} / ${thousands(mb(f.rssEnd))} MB`,
    `kpis ${query(f.queries.kpis)} ms; funnel ${query(f.queries.funnel)} ms`,
    `${seconds(f.parquet.ms)} s, ${thousands(mb(f.parquet.bytes))} MB in ${f.parquet.files} files |`,
  ].join(' | ');
}

/** How much each figure grew from the smallest to the largest size that finished. */
function growth(runs: readonly SizeRun[]): string {
  const done = runs.filter((r) => r.figures).sort((a, b) => a.leads - b.leads);
  if (done.length < 2) return '';
  const [small, large] = [done[0], done[done.length - 1]];
  const a = small.figures!;
  const b = large.figures!;
  const times = (x: number, y: number) => `${(y / x).toFixed(1)}×`;
  return `From ${thousands(small.leads)} to ${thousands(large.leads)} leads (${times(small.leads, large.leads)} the leads, ${times(a.rows, b.rows)} the rows): `
    + `ingest + materialize ${times(a.loadMs + a.materializeMs, b.loadMs + b.materializeMs)}, database file ${times(a.dbBytes, b.dbBytes)}, `
    + `peak RSS ${times(a.rssEnd, b.rssEnd)}, \`kpis\` for a quarter ${times(quantile(a.queries.kpis.quarters, 0.5), quantile(b.queries.kpis.quarters, 0.5))}, `
    + `Parquet export ${times(a.parquet.ms, b.parquet.ms)} (its files ${times(a.parquet.bytes, b.parquet.bytes)}).`;
}

export async function scaleWorkload(sizes: readonly number[] = SCALE_SIZES): Promise<string> {
  const runs: SizeRun[] = [];
  for (const leads of sizes) {
    const run = await runSize(leads);
    runs.push(run);
    process.stderr.write(`scale: ${row(run)}\n`);
    if (run.figures && run.figures.parquet.rows !== run.figures.rows) {
      throw new Error(`the Parquet export of ${leads} leads holds ${run.figures.parquet.rows} rows, the workspace ${run.figures.rows}`);
    }
  }
  const largest = runs.filter((r) => r.figures).sort((a, b) => b.leads - a.leads)[0];
  const failed = runs.filter((r) => !r.figures);
  return [
    `## Scale — ${new Date().toISOString().slice(0, 10)}`, '',
    `Machine: ${await machineLine()}.`, '',
    `\`npm run bench -- --workload scale\` (\`--leads\` a comma list of sizes): per size the seeded generator's CRM exports, `
      + 'ingested and materialized into a fresh workspace by a child process of its own (so each peak RSS is that size\'s), '
      + 'then `kpis` and `funnel` — unfiltered (the first answer after the build) · p50 / max over the eight quarters of 2024–2025 — '
      + 'and `ltc export-parquet` of every table (Hive partitions by year). '
      + `DuckDB's memory limit: ${memoryLimit()} (\`LTC_MEMORY_LIMIT\`, default ${DEFAULT_MEMORY_LIMIT}; beyond it DuckDB spills into \`<workspace>.tmp\`).`, '',
    '| leads | loaded | ingest + materialize (load + model) | database file | peak RSS after load / model / end | queries: first · p50 / max | Parquet export |',
    '|---|---|---|---|---|---|---|',
    ...runs.map(row), '',
    growth(runs), '',
    largest ? `Largest workload measured on this machine: ${thousands(largest.leads)} leads (${thousands(largest.figures!.rows)} rows)${failed.length ? '' : ', and every size asked for finished'}.` : 'No size finished.',
    ...failed.map((r) => `${thousands(r.leads)} leads did not finish: ${r.failure}.`),
    '',
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '').join('\n');
}
