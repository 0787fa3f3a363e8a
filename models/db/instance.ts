/**
 * Opening a workspace file with DuckDB: the instance's settings (what it may touch on disk, locked),
 * the recovery of a write-ahead log DuckDB cannot replay on its own, and a workspace held by another
 * process said in words. docs/safety.md tells the user the same.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.ts';
import { quoteLiteral } from './quote.ts';
import { SaidError, sayAll, type Message } from '../messages/catalogue.ts';
import { memoryLimit, removeLeftoverSpill, spillDirectory } from './memory.ts';
import { WORKSPACE_ERRORS } from '../messages/workspace-errors.ts';

/** A workspace that cannot be opened; the message says why and what to do, in one line. */
export class WorkspaceUnavailable extends SaidError {
  override name = 'WorkspaceUnavailable';
}

export interface OpenedInstance {
  readonly instance: DuckDBInstance;
  /** the private folder (0700) this instance may read and write; nothing else on disk */
  readonly scratch: string;
  /** what happened on the way in (a recovered log), for the caller to tell the user */
  readonly notes: readonly string[];
}

/**
 * The instance behind a workspace. DuckDB reads and writes files only inside `scratch` (imports
 * stage their files there, exports are written there first): a query — a notebook's, say — cannot
 * reach any other file, load an extension or attach a database, and the configuration is locked so
 * no statement can change that. Session settings every connection needs are set globally first.
 */
export async function createInstance(path: string): Promise<OpenedInstance> {
  const notes: string[] = [];
  const limit = memoryLimit();
  const instance = await openRecovering(path, notes);
  sweepScratch();
  const scratch = mkdtempSync(join(tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
  try {
    const spill = spillDirectory(path, scratch);
    removeLeftoverSpill(spill);
    const setup = await instance.connect();
    try {
      for (const statement of lockedSettings(scratch, limit, spill)) await setup.run(statement);
    } finally {
      setup.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return { instance, scratch, notes };
}

const SCRATCH_PREFIX = 'ltc-scratch-';

/**
 * Scratch folders left by processes that were killed (a staged copy of an imported file may still
 * be in one): removed when their process is gone. A folder's name carries its process id.
 */
function sweepScratch(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(SCRATCH_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^ltc-scratch-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // another user's folder: theirs to remove
    }
  }
}

function lockedSettings(scratch: string, limit: string, spill: string): string[] {
  return [
    "SET GLOBAL TimeZone = 'UTC'",
    // models/db/memory.ts: a bounded buffer pool that spills beside the workspace rather than fails.
    `SET GLOBAL memory_limit = ${quoteLiteral(limit)}`,
    `SET GLOBAL temp_directory = ${quoteLiteral(spill)}`,
    // DuckDB's common-subexpression pass is quadratic in the expressions of one SELECT: a file of
    // thousands of columns (one nullif(trim(…)) each) took minutes. Measured on the 100k-lead model
    // and import: no difference without it.
    "SET GLOBAL disabled_optimizers = 'common_subexpressions'",
    `SET GLOBAL allowed_directories = [${quoteLiteral(scratch)}]`,
    'SET GLOBAL enable_external_access = false',
    'SET GLOBAL autoinstall_known_extensions = false',
    'SET GLOBAL autoload_known_extensions = false',
    'SET GLOBAL lock_configuration = true',
  ];
}

/** DuckDB's words when its own write-ahead log trips its replay (an ALTER of a table whose key uses a sequence). */
const UNREPLAYABLE_WAL = /Failure while replaying WAL/i;
const LOCKED = /Could not set lock on file/i;

async function openRecovering(path: string, notes: string[]): Promise<DuckDBInstance> {
  const Instance = duckdb().DuckDBInstance;
  try {
    return await Instance.create(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (LOCKED.test(message)) throw new WorkspaceUnavailable(heldBy(path, message));
    if (path === ':memory:' || !UNREPLAYABLE_WAL.test(message)) {
      throw new WorkspaceUnavailable(sayAll(WORKSPACE_ERRORS, 'cannotOpen', { path, reason: message.split('\n')[0] }));
    }
    notes.push(await recoverLog(path));
    return Instance.create(path);
  }
}

/**
 * DuckDB replays such a log when the file is attached to another database rather than opened as
 * the default one. The log is kept aside first (never deleted), then the attached file is
 * checkpointed: the log's transactions move into the file and the log is emptied.
 */
export async function recoverLog(path: string): Promise<string> {
  const wal = `${path}.wal`;
  const kept = `${wal}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
  if (existsSync(wal)) copyFileSync(wal, kept);
  const helper = await duckdb().DuckDBInstance.create(':memory:');
  try {
    const connection = await helper.connect();
    try {
      await connection.run(`ATTACH ${quoteLiteral(path)} AS workspace`);
      await connection.run('CHECKPOINT workspace');
      await connection.run('DETACH workspace');
    } finally {
      connection.closeSync();
    }
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new WorkspaceUnavailable(sayAll(WORKSPACE_ERRORS, 'logNotReplayed', { path, reason, kept }));
  } finally {
    helper.closeSync();
  }
  return `recovered ${path}: its write-ahead log was replayed into the file (a copy of the log is kept as ${kept})`;
}

/** Where a running `ltc serve` says which workspace it holds and at which address. */
export const serverNotePath = (path: string) => `${path}.server.json`;

interface ServerNote {
  readonly pid: number;
  readonly url: string;
}

/** Written by `ltc serve` once it listens; removed when it stops. */
export function writeServerNote(path: string, url: string): () => void {
  if (path === ':memory:') return () => undefined;
  const file = serverNotePath(path);
  writeFileSync(file, JSON.stringify({ pid: process.pid, url } satisfies ServerNote), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

function heldBy(path: string, message: string): Message {
  const pid = Number(/PID (\d+)/.exec(message)?.[1] ?? NaN);
  const note = readNote(path);
  if (note && (note.pid === pid || (Number.isNaN(pid) && alive(note.pid)))) {
    return sayAll(WORKSPACE_ERRORS, 'heldByServer', { path, url: note.url, pid: String(note.pid) });
  }
  return Number.isNaN(pid) ? sayAll(WORKSPACE_ERRORS, 'heldByProcess', { path }) : sayAll(WORKSPACE_ERRORS, 'heldByPid', { path, pid: String(pid) });
}

function readNote(path: string): ServerNote | null {
  try {
    const note = JSON.parse(readFileSync(serverNotePath(path), 'utf8')) as Partial<ServerNote>;
    return typeof note.pid === 'number' && typeof note.url === 'string' ? { pid: note.pid, url: note.url } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
