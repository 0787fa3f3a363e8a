/** What the benchmarks share: timing, units, the machine line and writing BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '../../app/workspace.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const seconds = (ms: number) => (ms / 1000).toFixed(2);
export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};

export async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export async function machineLine(): Promise<string> {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} MB, Node ${process.version}, DuckDB ${(await duckdbVersion())}`;
}

async function duckdbVersion() {
  const db = await openWorkspace(':memory:');
  const [{ v }] = await db.query<{ v: string }>('SELECT version() AS v');
  db.close();
  return v;
}

/** Replaces one workload's section of BENCHMARKS.md (between its markers), keeping the rest. */
export function writeBenchmarks(workload: 'crm' | 'eventlog' | 'concurrency' | 'scale' | 'startup' | 'memory' | 'next-day' | 'workbook', section: string) {
  const path = join(ROOT, 'BENCHMARKS.md');
  const start = `<!-- bench:${workload}:start -->`;
  const end = `<!-- bench:${workload}:end -->`;
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  if (!text.includes(start)) text += `\n${start}\n${end}\n`;
  const before = text.slice(0, text.indexOf(start) + start.length);
  const after = text.slice(text.indexOf(end));
  writeFileSync(path, `${before}\n${section}\n${after}`);
  process.stderr.write('BENCHMARKS.md updated\n');
}
