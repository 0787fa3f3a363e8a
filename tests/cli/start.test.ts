/**
 * `npm start` end to end, as the README's quick start promises it: `ltc start` (what `npm start` runs
 * after building the pages) through npm on an empty workspace loads the sample data, listens on the
 * port PORT names, answers /api/status with the sample's rows, and stops on SIGTERM with exit 0;
 * started again, the workspace (no longer empty) is not loaded twice.
 * (tests/hardening/server-stop.test.ts starts it with --port 0 to test stopping in flight.)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(ROOT, 'sample-data', 'bundle');
const dir = mkdtempSync(join(tmpdir(), 'ltc-start-'));
const db = join(dir, 'ltc.duckdb');
const groups: number[] = [];
afterAll(() => {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** A port nobody listens on right now (the kernel's pick, released at once). */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

interface Started {
  readonly port: number;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** `npm run --silent ltc -- start --db DB` with PORT set, in a process group of its own; resolves once it listens. */
async function npmStart(port: number): Promise<Started> {
  const child = spawn('npm', ['run', '--silent', 'ltc', '--', 'start', '--db', db], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PORT: String(port) },
  });
  groups.push(child.pid!);
  const exit = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  let stderr = '';
  const listening = await new Promise<number>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /^LTC Lens on http:\/\/127\.0\.0\.1:(\d+) /m.exec(stderr);
      if (found) resolve(Number(found[1]));
    });
    void exit.then(() => reject(new Error(`npm start ended before listening: ${stderr}`)));
  });
  return { port: listening, exit, stderr: () => stderr };
}

/** SIGTERM to the server's own process (its pid from the note it leaves beside the workspace), as a service manager stops it. */
function terminate(): void {
  const note = JSON.parse(readFileSync(`${db}.server.json`, 'utf8')) as { pid: number; url: string };
  process.kill(note.pid, 'SIGTERM');
}

/** Data rows of each sample CSV, counted by a CSV parser of its own: the rows /api/status must report. */
function sampleRows(): Record<string, number> {
  const files = readdirSync(SAMPLE).filter((f) => f.endsWith('.csv'));
  return Object.fromEntries(files.map((f) => {
    const parsed = Papa.parse<string[]>(readFileSync(join(SAMPLE, f), 'utf8'), { skipEmptyLines: true });
    return [f.replace(/\.csv$/, ''), parsed.data.length - 1];
  }));
}

interface Status { workspace: string; data_end: string | null; tables: Record<string, number>; empty: boolean }

describe('npm start on an empty workspace', () => {
  it('loads the sample data, listens on PORT, and stops on SIGTERM with exit 0', async () => {
    const port = await freePort();
    const server = await npmStart(port);
    expect(server.port).toBe(port);
    const files = readdirSync(SAMPLE).filter((f) => f.endsWith('.csv')).length;
    expect(server.stderr()).toContain(`empty workspace: loading the sample data (${files} files from sample-data/bundle)…\n`);
    expect(server.stderr()).toContain(`LTC Lens on http://127.0.0.1:${port} (database ${db}) — Ctrl+C to stop\n`);
    expect(JSON.parse(readFileSync(`${db}.server.json`, 'utf8')).url).toBe(`http://127.0.0.1:${port}`);

    const res = await fetch(`http://127.0.0.1:${port}/api/status`);
    expect(res.status).toBe(200);
    const status = (await res.json()) as Status;
    expect(status).toMatchObject({ workspace: 'ltc.duckdb', empty: false });
    const expected = sampleRows();
    expect(expected.leads).toBe(2000);
    for (const [table, rows] of Object.entries(expected)) expect(status.tables[table], table).toBe(rows);
    expect(status.tables.events).toBe(0);
    // The sample runs over two years, 2024 and 2025.
    expect(status.data_end).toMatch(/^2025-12-\d{2}T\d{2}:\d{2}:\d{2}$/);

    terminate();
    expect(await server.exit).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toContain('stopping: finishing what is in flight');
    expect(existsSync(`${db}.server.json`)).toBe(false);
    expect(existsSync(`${db}.wal`)).toBe(false);

    // Started again, the workspace holds data: nothing is loaded a second time.
    const again = await npmStart(await freePort());
    try {
      expect(again.stderr()).not.toContain('empty workspace');
      const second = (await (await fetch(`http://127.0.0.1:${again.port}/api/status`)).json()) as Status;
      expect(second.tables).toEqual(status.tables);
    } finally {
      terminate();
      expect((await again.exit).code).toBe(0);
    }
  });
});
