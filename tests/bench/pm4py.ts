/**
 * pm4py beside LTC Lens in the event-log workload: tests/bench/pm4py_race.py run on the same CSV in
 * a Python process of its own, timed from outside as a whole (interpreter start and imports
 * included) with its own peak RSS, its answers checked against the generator's as ours are. The
 * interpreter is `python3`, or LTC_BENCH_PYTHON (a virtual environment's, say); without pm4py
 * importable there the workload says so instead of quoting a ratio.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GeneratedLog } from './event-log-data.ts';
import { ScaleMismatch } from './scale-checks.ts';

const SCRIPT = fileURLToPath(new URL('./pm4py_race.py', import.meta.url));

/** What pm4py_race.py prints, and the bench's own wall time of the whole process. */
export interface Pm4pyRun {
  readonly version: string;
  readonly seconds: Readonly<Record<'load' | 'dfg' | 'performance_dfg' | 'variants' | 'durations', number>>;
  readonly wallMs: number;
  readonly peakRssBytes: number;
}

export type Pm4pyOutcome = { readonly ran: Pm4pyRun } | { readonly unavailable: string };

interface RaceOutput {
  pm4py: string;
  seconds: Pm4pyRun['seconds'];
  events: number;
  arcs: Record<string, number>;
  variants: Record<string, number>;
  cases: number;
  duration_seconds: number;
  peak_rss_bytes: number;
}

export async function runPm4py(csv: string, log: GeneratedLog, cases: number): Promise<Pm4pyOutcome> {
  const python = process.env.LTC_BENCH_PYTHON || 'python3';
  const started = performance.now();
  const { code, stdout, stderr } = await run(python, [SCRIPT, csv]);
  const wallMs = performance.now() - started;
  if (code === null || code === 3 || code === 127) {
    return { unavailable: `pm4py not available to \`${python}\` (${(stderr.trim().split('\n').pop() || 'not found').slice(0, 120)})` };
  }
  if (code !== 0) throw new Error(`pm4py_race.py exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as RaceOutput;
  checkPm4py(out, log, cases);
  return { ran: { version: out.pm4py, seconds: out.seconds, wallMs, peakRssBytes: out.peak_rss_bytes } };
}

/** pm4py's arcs, variants, cases, events and total duration equal the generator's, or the bench stops. */
function checkPm4py(out: RaceOutput, log: GeneratedLog, cases: number): void {
  const same = (what: string, theirs: number, expected: number, tolerance = 0) => {
    if (Math.abs(theirs - expected) > tolerance) throw new ScaleMismatch(`pm4py's ${what}: ${theirs}, the generator's ${expected}`);
  };
  same('events', out.events, log.events);
  same('cases', out.cases, cases);
  same('arcs', Object.keys(out.arcs).length, log.arcs.size);
  for (const [arc, count] of log.arcs) same(`arc ${arc}`, out.arcs[arc] ?? 0, count);
  same('variants', Object.keys(out.variants).length, log.variants.size);
  for (const [variant, count] of log.variants) same(`variant ${variant}`, out.variants[variant] ?? 0, count);
  same('total case duration (s)', out.duration_seconds, log.durationSeconds, 1e-6 * log.durationSeconds);
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    // No interpreter at all: as unavailable as a missing pm4py.
    child.on('error', (error) => resolve({ code: null, stdout, stderr: error.message }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
