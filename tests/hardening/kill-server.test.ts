/**
 * A server killed during an upload leaves the database as it was (docs/safety.md, issue 9 "Crash
 * safety"). `ltc serve` on a workspace file that already holds a first import receives a 150,000-row
 * leads CSV on POST /api/import and is killed with SIGKILL: once while the body is still arriving
 * (sent slowly, killed half-way), and at 50% and 85% of the import that follows the upload (the file's
 * commit comes early in it; the model rebuild takes the rest), aiming earlier until a kill lands
 * before the commit. The file
 * then opens, every table (main and model schema) has the checksum it had before, import_batches has
 * no row of the file, and the next import works. A kill that comes too late (the file was committed)
 * must leave the whole file and a model equal to a complete run's; it is retried earlier, and the
 * test fails if a moment never lands.
 */
import { copyFileSync, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_HEADERS } from '../helpers/api-server.ts';
import { serveProcess } from '../helpers/served.ts';
import { BIG_FILE, firstImport, sleep, workspaceState, writeBigLeads, type WorkspaceState } from '../helpers/kill-workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-kill-server-'));
const pristine = join(dir, 'workspace.duckdb');
const big = join(dir, BIG_FILE);
const ROWS = 150_000;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Upload {
  /** resolves when the whole body was handed to the socket */
  readonly sent: Promise<void>;
  /** the answer's status; rejects when the connection breaks (the server was killed) */
  readonly status: Promise<number>;
  /** chunks written so far (slow uploads) */
  chunks(): number;
}

/** POSTs the big file to /api/import; `slow` sends it in 64 KiB chunks 20 ms apart. */
function upload(port: number, slow: boolean): Upload {
  let written = 0;
  const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/import?name=${BIG_FILE}`,
    headers: { ...DASHBOARD_HEADERS, 'Content-Length': statSync(big).size } });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    req.on('error', reject);
  });
  status.catch(() => undefined);
  const sent = (async () => {
    for await (const chunk of createReadStream(big, { highWaterMark: 64 * 1024 })) {
      if (req.destroyed) return;
      if (!req.write(chunk)) await drainedOrClosed(req);
      written++;
      if (slow) await sleep(20);
    }
    req.end();
  })().catch(() => undefined);
  return { sent, status, chunks: () => written };
}

/** Resolves on the request's next 'drain' or its 'close', leaving no listener behind. */
function drainedOrClosed(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}

let before: WorkspaceState;
/** the workspace after the whole upload (timing run) */
let complete: WorkspaceState;
let importMs = 0;

beforeAll(async () => {
  await firstImport(dir, pristine);
  before = await workspaceState(pristine);
  expect(before.main.leads.rows).toBe(1000);
  await writeBigLeads(big, ROWS);
  // A whole run, on a copy, times the import that follows the upload.
  const copy = join(dir, 'timing.duckdb');
  copyFileSync(pristine, copy);
  const server = await serveProcess(copy);
  const run = upload(server.port, false);
  await run.sent;
  const sentAt = Date.now();
  expect(await run.status).toBe(200);
  importMs = Date.now() - sentAt;
  server.kill();
  await server.exit;
  complete = await workspaceState(copy);
  expect(complete.main.leads.rows, 'the whole upload loads the big file').toBe(ROWS);
  expect(complete.big).toBe(1);
}, 120_000);

/** The workspace after a kill: as before, and it takes the next import. */
async function expectUnchanged(path: string, moment: string) {
  const after = await workspaceState(path);
  expect(after.big, `import_batches has no row of the file killed ${moment}`).toBe(0);
  expect(after.main, `main tables after a kill ${moment}`).toEqual(before.main);
  expect(after.model, `model tables after a kill ${moment}`).toEqual(before.model);
  const server = await serveProcess(path);
  try {
    const run = upload(server.port, false);
    expect(await run.status).toBe(200);
  } finally {
    server.kill();
    await server.exit;
  }
  expect((await workspaceState(path)).main.leads.rows).toBe(ROWS);
}

describe('a server killed during an upload', () => {
  it('leaves the workspace file as it was when killed while the body arrives', async () => {
    const path = join(dir, 'killed-upload.duckdb');
    copyFileSync(pristine, path);
    const server = await serveProcess(path);
    const run = upload(server.port, true);
    const total = Math.ceil(statSync(big).size / (64 * 1024));
    while (run.chunks() < total / 2) await sleep(10);
    server.kill();
    expect((await server.exit).signal).toBe('SIGKILL');
    await expect(run.status).rejects.toThrow();
    await expectUnchanged(path, `after ${run.chunks()} of ${total} chunks of the upload`);
  }, 120_000);

  it('leaves the workspace as it was when killed in the import after the upload, and whole when killed after its commit', async () => {
    expect(importMs, 'the import takes a while').toBeGreaterThan(200);
    const landed: string[] = [];
    for (const [index, fraction] of [0.5, 0.85].entries()) {
      let delay = Math.round(importMs * fraction);
      for (let attempt = 1; ; attempt++) {
        const path = join(dir, `killed-import-${index}-${attempt}.duckdb`);
        copyFileSync(pristine, path);
        const server = await serveProcess(path);
        const run = upload(server.port, false);
        await run.sent;
        await sleep(delay);
        server.kill();
        expect((await server.exit).signal).toBe('SIGKILL');
        const state = await workspaceState(path);
        if (state.big > 0) {
          // Too late: the file was committed before the kill. Then the workspace holds all of it, and
          // its model (rebuilt on opening if the kill came before the rebuild) equals the complete run's.
          expect(state.main.leads, 'a committed file is whole').toEqual(complete.main.leads);
          expect(state.model, 'the model of a committed file').toEqual(complete.model);
          expect(attempt, `a kill at ${fraction * 100}% of the import never came before its commit`).toBeLessThan(4);
          delay = Math.round(delay / 2);
          continue;
        }
        await expectUnchanged(path, `${delay} ms into the import`);
        landed.push(`${delay} ms`);
        break;
      }
    }
    expect(landed, `kills after ${landed.join(', ')} of a ${importMs} ms import`).toHaveLength(2);
    if (process.env.LTC_KILL_SUMMARY) console.info(`server kills after ${landed.join(', ')} of a ${importMs} ms import`);
  }, 240_000);
});
