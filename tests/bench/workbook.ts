/**
 * The workbook workload (issue 19): the generator's leads.csv (1,000,000 rows by default) written as
 * an .xlsx of one sheet — date cells, numbers, text, as a CRM's Excel export holds them — and both
 * imported into fresh workspaces, each in a child process of its own: the workbook must import within
 * the memory of the CSV path. Its conversion runs in a process of its own (ingest/xlsx-apart.ts),
 * measured apart too. The row counts of both imports are checked against each other.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../sample-data/generator/index.ts';
import { csvAsWorkbook } from '../helpers/workbooks.ts';
import type { FileIngestFigures } from './file-ingest.ts';
import { machineLine, mb, seconds, timed } from './measure.ts';

export async function workbookWorkload(leads: number): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'ltc-bench-workbook-'));
  try {
    const bundle = join(scratch, 'bundle');
    process.stderr.write(`generating ${leads.toLocaleString('en')} leads…\n`);
    await generate({ leads, outDir: bundle });
    const csv = join(bundle, 'leads.csv');
    const book = join(scratch, 'leads.xlsx');
    process.stderr.write('writing leads.csv as a workbook…\n');
    const [, writeMs] = await timed(() => csvAsWorkbook(book, [{ name: 'leads', csv }]));
    process.stderr.write('importing the CSV, then the workbook (each in a process of its own)…\n');
    const fromCsv = await ingestInChild(csv, join(scratch, 'csv.duckdb'));
    const fromBook = await ingestInChild(book, join(scratch, 'xlsx.duckdb'));
    const converted = await ingestInChild(book, join(scratch, 'convert.duckdb'), '--convert-only');
    const loaded = (f: FileIngestFigures) => f.files.reduce((sum, file) => sum + file.rows_loaded, 0);
    const failed = [...fromCsv.files, ...fromBook.files].filter((f) => f.error || f.rows_rejected > 0);
    if (failed.length) throw new Error(`the workbook workload did not load cleanly: ${JSON.stringify(failed)}`);
    if (loaded(fromCsv) !== loaded(fromBook)) throw new Error(`rows loaded differ: CSV ${loaded(fromCsv)}, workbook ${loaded(fromBook)}`);
    return [
      `## Workbook workload (issue 19) — ${new Date().toISOString().slice(0, 10)}`, '',
      `Machine: ${await machineLine()}.`, '',
      '| | figure | target |',
      '|---|---|---|',
      `| leads.csv written as one sheet of ${loaded(fromBook).toLocaleString('en')} rows (date cells, numbers, text) | ${mb(statSync(book).size)} MB workbook from ${mb(statSync(csv).size)} MB of CSV, written in ${seconds(writeMs)} s | – |`,
      `| import of leads.csv: time, peak memory (RSS) | ${seconds(fromCsv.ms)} s, ${mb(fromCsv.rss)} MB | – |`,
      `| import of leads.xlsx: time, peak memory (RSS) of the import's process | ${seconds(fromBook.ms)} s, ${mb(fromBook.rss)} MB | within the CSV path's memory |`,
      `| · its conversion process alone (the sheet written as CSV, before DuckDB loads it): time, peak memory | ${seconds(converted.ms)} s, ${mb(converted.rss)} MB | – |`,
      '',
      `Check: both imports loaded ${loaded(fromCsv).toLocaleString('en')} rows, none rejected.`, '',
    ].join('\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function ingestInChild(file: string, workspace: string, mode?: '--convert-only'): Promise<FileIngestFigures> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./file-ingest.ts', import.meta.url)), file, workspace, ...(mode ? [mode] : [])],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`import of ${file} (tests/bench/file-ingest.ts) exited ${code}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as FileIngestFigures;
}
