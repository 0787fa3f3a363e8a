/**
 * A workbook is converted in a process of its own (ingest/xlsx-apart.ts). When the import that
 * started it is killed with SIGKILL while the sheet converts — only the import's process, as a crash
 * or the OOM killer would, not its process group — the conversion ends too instead of writing on
 * (the sheet's CSV it leaves in the killed import's scratch folder is missing or partial, where
 * going on would have written all of it), and the workspace opens as it was: every table with the
 * checksum it had.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { firstImport, workspaceState, writeBigLeads, type WorkspaceState } from '../helpers/kill-workspace.ts';
import { csvAsWorkbook } from '../helpers/workbooks.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ltc-kill-workbook-'));
const pristine = join(dir, 'workspace.duckdb');
const book = join(dir, 'leads-big.xlsx');
const ROWS = 150_000;
let before: WorkspaceState;

beforeAll(async () => {
  await firstImport(dir, pristine);
  const csv = join(dir, 'leads-big.csv');
  await writeBigLeads(csv, ROWS);
  await csvAsWorkbook(book, [{ name: '线索', csv }]);
  before = await workspaceState(pristine);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A process's state letter and parent from /proc/PID/stat (its name, in parentheses, may hold spaces); null when gone. */
function procStat(pid: number): { state: string; parent: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state, parent: Number(parent) };
  } catch {
    return null;
  }
}

/** The processes whose parent is `pid`, with their command lines (read from /proc: no tool needed). */
function children(pid: number): { pid: number; command: string }[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)
    .filter((child) => procStat(child)?.parent === pid)
    .map((child) => {
      try {
        return { pid: child, command: readFileSync(`/proc/${child}/cmdline`, 'utf8').replaceAll('\0', ' ') };
      } catch {
        return { pid: child, command: '' };
      }
    });
}

/** The scratch folders of the process `pid` (models/db/instance.ts names them by it). */
function scratchFolders(pid: number): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`ltc-scratch-${pid}-`)).map((name) => join(tmpdir(), name));
}

/** The files in them whose names end with `ending`. */
function scratchFiles(pid: number, ending: string): string[] {
  return scratchFolders(pid).flatMap((folder) => readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ending)).map((file) => join(folder, file)));
}

/** A process that has not ended: listed, and not a zombie waiting for a parent to reap it. */
function alive(pid: number): boolean {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
}

// Processes are found in /proc: Linux (CI's machine) only.
it.skipIf(process.platform !== 'linux')('ends the conversion with the killed import, and leaves the workspace as it was', async () => {
  const db = join(dir, 'killed.duckdb');
  copyFileSync(pristine, db);
  const ingest = spawn(process.execPath, ['--import', 'tsx', 'app/cli/main.ts', 'ingest', '--db', db, book], { cwd: ROOT, stdio: 'ignore' });
  const exit = once(ingest, 'exit');
  let conversion: number | undefined;
  await expect.poll(() => {
    conversion = children(ingest.pid!).find((c) => c.command.includes('xlsx-convert'))?.pid;
    return conversion;
  }, { timeout: 60_000, interval: 50 }).toBeDefined();
  // Killed once the conversion is writing the sheet's rows (its first pass), not while it starts.
  await expect.poll(() => scratchFiles(ingest.pid!, '.rows').length, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
  process.kill(ingest.pid!, 'SIGKILL');
  await exit;
  // The conversion sees its parent gone (its IPC channel closes) and stops.
  await expect.poll(() => alive(conversion!), { timeout: 30_000, interval: 100 }).toBe(false);
  // The killed import's scratch folder keeps what the conversion wrote.
  const lines = scratchFiles(ingest.pid!, 'sheet-0.csv').map((csv) => readFileSync(csv, 'utf8').split('\n').length - 1);
  for (const folder of scratchFolders(ingest.pid!)) rmSync(folder, { recursive: true, force: true });
  expect(lines.every((n) => n < ROWS), `lines written: ${lines.join(', ')}`).toBe(true);
  expect(await workspaceState(db)).toEqual(before);
});
