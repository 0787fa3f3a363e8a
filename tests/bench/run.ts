/**
 * `npm run bench` — measures the benchmark workloads and writes BENCHMARKS.md.
 * Event-log workload (tests/bench/event-log.ts): 200k cases / ~2M events CSV, load + process map +
 * variants + case durations. CRM workload: generate N leads (default 1,000,000) with the seeded
 * generator, ingest + materialize all files into a fresh workspace, then answer the dashboard's
 * queries under 20 random filter changes. Concurrency (tests/bench/concurrency.ts): 20 clients on
 * the dashboard server, idle and during an import (100,000 leads unless --leads is given with
 * --workload concurrency). Workbook (tests/bench/workbook.ts): the leads file as a 1M-row .xlsx sheet,
 * imported beside its CSV for time and peak memory. `--workload eventlog|crm|concurrency|workbook` runs one of them. Scale
 * (tests/bench/scale.ts) runs only when asked, `--workload scale [--leads 100000,1000000,3000000]`:
 * ingest, model, queries, Parquet export and peak memory per size, each size in a child process.
 * Timings are wall clock on this machine; nothing here is a test assertion.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { machineLine, mb, quantile, seconds, timed, writeBenchmarks } from './measure.ts';
import { compare } from '../../models/compare.ts';
import { kpis } from '../../models/measures.ts';
import { generate } from '../../sample-data/generator/index.ts';
import { pageUpdateRows, pageUpdates } from './page-updates.ts';
import { CRM_CHECK, ScaleMismatch, checkOrderProcessing } from './scale-checks.ts';
import type { IngestFigures } from './crm-ingest.ts';
import { writeNextDay, type NextDayFile } from './next-day.ts';
import { PAGE_REQUESTS, serverQueries } from './server-queries.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';
import { refreshModel } from '../../models/materialize.ts';

const { values } = parseArgs({ options: {
  leads: { type: 'string' }, cases: { type: 'string' }, workload: { type: 'string' }, 'no-write': { type: 'boolean' },
} });
const leads = Number(values.leads ?? 1_000_000);



/** 20 filter changes as a user would make them: date ranges, a cut-over, sometimes a segment. */
function filterChanges(seed = 42) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const sources = ['Website', 'Trade show', 'Referral', 'Distributor', 'Cold call'];
  return Array.from({ length: 20 }, () => {
    const from = Math.floor(random() * 500);
    const to = from + 30 + Math.floor(random() * 200);
    return {
      from: day(from), to: day(Math.min(to, 730)), cutover: day(200 + Math.floor(random() * 300)),
      segments: (random() < 0.4 ? { source: sources[Math.floor(random() * sources.length)] } : {}) as Record<string, string>,
    };
  });
}

async function crmWorkload() {
  const scratch = mkdtempSync(join(tmpdir(), 'ltc-bench-'));
  try {
    const bundle = join(scratch, 'bundle');
    process.stderr.write(`generating ${leads.toLocaleString('en')} leads…\n`);
    const [, generateMs] = await timed(() => generate({ leads, outDir: bundle }));
    const files = readdirSync(bundle).filter((f) => f.endsWith('.csv')).sort();
    process.stderr.write('ingest + materialize (a child process, for its own peak memory)…\n');
    const workspace = join(scratch, 'ws.duckdb');
    const ingested = await ingestInChild(bundle, workspace);
    if (ingested.failed.length) throw new Error(`bench data did not load cleanly: ${JSON.stringify(ingested.failed)}`);
    const { loadMs, materializeMs } = ingested;
    const ingestMs = loadMs + materializeMs;
    const rows = ingested.files.reduce((sum, f) => sum + f.rows_loaded, 0);
    const db = await openWorkspace(workspace);
    process.stderr.write('checking a sample of numbers without the database…\n');
    const processing = (await kpis(db, CRM_CHECK)).kpis.find((k) => k.id === 'order_processing_days')!;
    const check = checkOrderProcessing(bundle, processing);
    process.stderr.write('every page\'s server queries under 20 filter changes…\n');
    const times = await serverQueries(db, filterChanges());
    const headline = await compare(db, { cutover: '2025-01-01' });
    process.stderr.write('page updates in Chromium under 20 date-range changes…\n');
    const updates = await pageUpdates(db, filterChanges().map(({ from, to }) => ({ from, to })));
    process.stderr.write('the next day\'s export: 1% of each file\'s rows new or changed…\n');
    const nextDay = writeNextDay(bundle, join(scratch, 'next-day'));
    // The import and the model update as importAndRebuild runs them, timed apart.
    const [nextReport, nextLoadMs] = await timed(() =>
      importAndRebuild(db, nextDay.map((f) => ({ path: join(scratch, 'next-day', f.name), name: f.name })), { materialize: false }));
    const [nextModel, nextModelMs] = await timed(() => refreshModel(db));
    const nextDayMs = nextLoadMs + nextModelMs;
    const nextDayCheck = checkNextDay(nextDay, nextReport.files);
    db.close();
    const rss = process.resourceUsage().maxRSS * 1024;

    const perFile = ingested.files.map((f) =>
      `| · ${f.path}: ${f.rows_read.toLocaleString('en')} rows | ${seconds(f.ms)} s | a 1M-row export in a few seconds |`);
    const nextDayRows = nextDay.reduce((sum, f) => sum + f.inserted + f.updated, 0);
    const table = [
      '| step | figure | target |',
      '|---|---|---|',
      `| generate ${leads.toLocaleString('en')} leads (${rows.toLocaleString('en')} rows, ${files.length} files) | ${seconds(generateMs)} s | – |`,
      `| ingest + materialize | ${seconds(ingestMs)} s | ≤ 20 s |`,
      ...perFile,
      `| · materialize the case model | ${seconds(materializeMs)} s | – |`,
      `| peak memory (RSS) of ingest + materialize, a process of its own (DuckDB memory_limit ${ingested.memoryLimit}) | ${mb(ingested.rssLoad)} MB after the load, ${mb(ingested.rssModel)} MB after the model | ≤ 1 GB |`,
      `| the next day's export: ${nextDayRows.toLocaleString('en')} rows, 1% of each file's (${nextDay.reduce((s, f) => s + f.inserted, 0).toLocaleString('en')} new, ${nextDay.reduce((s, f) => s + f.updated, 0).toLocaleString('en')} changed), import + model | ${seconds(nextDayMs)} s (import ${seconds(nextLoadMs)} s, model ${seconds(nextModelMs)} s: ${nextModel === 'touched' ? 'the touched cases only' : `rebuilt ${nextModel}`}) | ≤ 3 s |`,
      ...Object.entries(times).map(([path, xs]) =>
        `| server \`${path}\` p50 / p95 (${pagesAsking(path)}) | ${quantile(xs, 0.5).toFixed(0)} / ${quantile(xs, 0.95).toFixed(0)} ms | p95 < ${EVIDENCE.has(path) ? 500 : 100} ms |`),
      ...pageUpdateRows(updates),
      `| peak memory of the whole run (RSS) | ${mb(rss)} MB | – |`,
    ].join('\n');
    const checks = headline.kpis.map((k) => `${k.id} ${fmt(k.before.value, k.unit)} → ${fmt(k.after.value, k.unit)}`).join('; ');
    const machine = await machineLine();
    const section = [
      `## CRM workload — ${new Date().toISOString().slice(0, 10)}`, '',
      `Machine: ${machine}.`, '',
      table, '',
      `Sample of numbers at this scale (cut-over 2025-01-01): ${checks}.`, '',
      `Check at this scale: ${check}.`, '',
      `Check of the next day's export: ${nextDayCheck}.`, '',
    ].join('\n');
    process.stdout.write(section + '\n');
    if (!values['no-write']) writeBenchmarks('crm', section);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The CRM bundle ingested and materialized by tests/bench/crm-ingest.ts, in a process of its own. */
async function ingestInChild(bundle: string, workspace: string): Promise<IngestFigures> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crm-ingest.ts', import.meta.url)), bundle, workspace],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`ingest + materialize (tests/bench/crm-ingest.ts) exited ${code}`);
  return JSON.parse(stdout.trim().split('\n').pop()!) as IngestFigures;
}

/** The import reports exactly the derived rows as inserted and updated, file by file, none rejected. */
function checkNextDay(derived: readonly NextDayFile[], files: readonly { path: string; rows_inserted: number; rows_updated: number; rows_rejected: number; error?: string | null }[]): string {
  for (const [i, file] of derived.entries()) {
    const got = files[i];
    if (!got || got.error || got.rows_rejected > 0 || got.rows_inserted !== file.inserted || got.rows_updated !== file.updated) {
      throw new ScaleMismatch(`the next day's ${file.name}: derived ${file.inserted} new and ${file.updated} changed rows, the import says ${JSON.stringify(got)}`);
    }
  }
  return `every file's new and changed rows, as derived (${derived.map((f) => `${f.name} ${f.inserted} + ${f.updated}`).join(', ')}), are the rows the import reports inserted and updated, none rejected`;
}

/**
 * The evidence requests of Before/After (tests, intervals, curves): their target is 500 ms, the others' 100 ms
 * (the table's values, /api/compare/values, among them: the page shows them first).
 */
const EVIDENCE = new Set(['/api/compare', '/api/compare/evidence', '/api/survival', '/api/mix', '/api/change-point']);

/** The pages that ask for an endpoint. */
function pagesAsking(path: string): string {
  return Object.entries(PAGE_REQUESTS).filter(([, requests]) => requests.some((r) => r.split('?')[0] === path)).map(([page]) => page).join(', ');
}

function fmt(value: number | null, unit: string) {
  if (value === null) return '–';
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return unit === 'amount' ? value.toFixed(2) : `${value.toFixed(2)} d`;
}




async function main() {
  const workload = values.workload ?? 'all';
  if (!['all', 'startup', 'eventlog', 'crm', 'concurrency', 'workbook', 'scale'].includes(workload)) throw new Error(`--workload must be startup, eventlog, crm, concurrency, workbook or scale, not "${workload}"`);
  if (workload === 'all' || workload === 'startup') {
    const { startupWorkload } = await import('./startup.ts');
    const section = await startupWorkload();
    process.stdout.write(section + '\n');
    if (!values['no-write']) writeBenchmarks('startup', section);
  }
  // The event-log workload runs first, so that its peak memory is its own.
  if (workload === 'all' || workload === 'eventlog') {
    const { eventLogWorkload } = await import('./event-log.ts');
    const section = await eventLogWorkload(Number(values.cases ?? 200_000));
    process.stdout.write(section + '\n');
    if (!values['no-write']) writeBenchmarks('eventlog', section);
  }
  if (workload === 'all' || workload === 'crm') await crmWorkload();
  if (workload === 'all' || workload === 'concurrency') {
    const { concurrencyWorkload } = await import('./concurrency.ts');
    const section = await concurrencyWorkload(workload === 'concurrency' && values.leads ? leads : 100_000);
    process.stdout.write(section + '\n');
    if (!values['no-write']) writeBenchmarks('concurrency', section);
  }
  if (workload === 'all' || workload === 'workbook') {
    const { workbookWorkload } = await import('./workbook.ts');
    const section = await workbookWorkload(workload === 'workbook' && values.leads ? leads : 1_000_000);
    process.stdout.write(section + '\n');
    if (!values['no-write']) writeBenchmarks('workbook', section);
  }
  if (workload === 'scale') {
    const { scaleWorkload, SCALE_SIZES } = await import('./scale.ts');
    const sizes = values.leads ? values.leads.split(',').map((n) => Number(n.trim().replaceAll('_', ''))) : SCALE_SIZES;
    if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--leads must be whole numbers separated by commas, not "${values.leads}"`);
    const section = await scaleWorkload(sizes);
    process.stdout.write(section + '\n');
    if (!values['no-write']) writeBenchmarks('scale', section);
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
