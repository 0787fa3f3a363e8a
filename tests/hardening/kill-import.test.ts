/**
 * A killed import leaves the database as it was (docs/safety.md). `ltc ingest` of a 300,000-row leads CSV
 * into a workspace file that already holds a first import is killed with SIGKILL at three moments
 * while the file loads; the file then opens, every table (main and model schema) has the checksum
 * it had before, and import_batches has no row of the killed file.
 *
 * The CLI is given the big file and then a tiny one: "[1/2]" on stderr says the big file started,
 * "[2/2]" that it was committed. A first run, on a copy, times the load; the kills fall at 10%, 50%
 * and 85% of it. Each kill works on a fresh copy of the workspace; one that comes too late (the
 * file was already committed) is retried earlier, and the test fails if a moment never lands.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_FILE, firstImport, sleep, workspaceState, writeBigLeads, type WorkspaceState } from '../helpers/kill-workspace.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ltc-kill-'));
const pristine = join(dir, 'workspace.duckdb');
const big = join(dir, BIG_FILE);
const tiny = join(dir, 'orders-after.csv');
const BIG_ROWS = 300_000;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ingest {
  /** resolves when "[1/2]" (the big file starts) is on stderr; rejects if the CLI ends first */
  readonly started: Promise<void>;
  /** when "[2/2]" (the big file committed) appeared, in Date.now() time */
  committedAt(): number | undefined;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): void;
  stderr(): string;
}

/** `ltc ingest --db DB big tiny` in its own process group (so a kill reaches every process of it). */
function ingest(db: string): Ingest {
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/cli/main.ts', 'ingest', '--db', db, big, tiny], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let committedAt: number | undefined;
  let resolveStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => { resolveStarted = resolve; });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.includes('[1/2]')) resolveStarted();
    if (committedAt === undefined && stderr.includes('[2/2]')) committedAt = Date.now();
  });
  const exit = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return {
    started: Promise.race([started, exit.then(() => { throw new Error(`ltc ingest ended before the big file started: ${stderr}`); })]),
    committedAt: () => committedAt,
    exit,
    kill: () => process.kill(-child.pid!, 'SIGKILL'),
    stderr: () => stderr,
  };
}

let before: WorkspaceState;
let loadMs = 0;

beforeAll(async () => {
  // The first import: leads whose ids the big file updates, and what hangs off them.
  await firstImport(dir, pristine);
  writeFileSync(tiny, 'order_id,created_at,lead_id,amount\nSO-after,2025-03-01,L1,5\n');
  before = await workspaceState(pristine);
  expect(before.main.leads.rows).toBe(1000);
  await writeBigLeads(big, BIG_ROWS);

  // A whole run, on a copy, times the load of the big file (from "[1/2]" to "[2/2]").
  const copy = join(dir, 'timing.duckdb');
  copyFileSync(pristine, copy);
  const run = ingest(copy);
  await run.started;
  const startedAt = Date.now();
  const { code } = await run.exit;
  expect(code, run.stderr()).toBe(0);
  loadMs = run.committedAt()! - startedAt;
  const after = await workspaceState(copy);
  expect(after.main.leads.rows, 'the whole run loads the big file').toBe(BIG_ROWS);
  expect(after.big).toBe(1);
  expect(after.main.leads_replaced.rows, 'it replaced the 1,000 leads of the first import').toBe(1000);
}, 170_000);

describe('a killed import', () => {
  it('leaves the workspace file as it was, at 10%, 50% and 85% of the load', async () => {
    expect(loadMs, 'the big file takes a while to load').toBeGreaterThan(300);
    const landed: string[] = [];
    for (const [index, fraction] of [0.1, 0.5, 0.85].entries()) {
      let delay = Math.round(loadMs * fraction);
      for (let attempt = 1; ; attempt++) {
        const path = join(dir, `killed-${index}-${attempt}.duckdb`);
        copyFileSync(pristine, path);
        const run = ingest(path);
        await run.started;
        await sleep(delay);
        if (run.committedAt() === undefined) run.kill();
        const { signal } = await run.exit;
        if (signal !== 'SIGKILL' || run.committedAt() !== undefined) {
          // Too late: the file was committed before the kill. Aim earlier; never let a moment pass unchecked.
          expect(attempt, `a kill at ${fraction * 100}% of the load never came before the commit`).toBeLessThan(4);
          delay = Math.round(delay / 2);
          continue;
        }
        const after = await workspaceState(path);
        expect(after.big, 'import_batches has no row of the killed file').toBe(0);
        expect(after.main, `main tables after a kill ${delay} ms into the load`).toEqual(before.main);
        expect(after.model, `model tables after a kill ${delay} ms into the load`).toEqual(before.model);
        // and it takes the next import
        const db = await openWorkspace(path);
        try {
          const { files } = await importAndRebuild(db, [{ path: tiny, name: 'orders-after.csv' }]);
          expect([files[0].error, files[0].rows_inserted]).toEqual([undefined, 1]);
        } finally {
          db.close();
        }
        landed.push(`${delay} ms`);
        break;
      }
    }
    expect(landed, `kills after ${landed.join(', ')} of a ${loadMs} ms load`).toHaveLength(3);
    if (process.env.LTC_KILL_SUMMARY) console.info(`kills after ${landed.join(', ')} of a ${loadMs} ms load`);
  }, 170_000);
});
