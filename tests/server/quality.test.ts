import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';
import type { QualityResult } from '../../models/quality.ts';
import { ltcJson } from '../helpers/cli.ts';
import { plantedWorld } from '../helpers/quality-world.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { openWorkspace } from '../../app/workspace.ts';

describe('GET /api/quality', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ltc-quality-api-')), 'ws.duckdb');
  let cli: QualityResult;
  let cliLimit: QualityResult;
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ltcJson(['ingest', '--db', path, ...writeBundle(plantedWorld).paths]);
    cli = ltcJson<QualityResult>(['quality', '--db', path]);
    cliLimit = ltcJson<QualityResult>(['quality', '--db', path, '--limit', '1']);
    db = await openWorkspace(path);
    server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')) });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => { db.close(); resolve(); })));

  it('answers what `ltc quality --json` answers', async () => {
    const res = await fetch(`${base}/api/quality`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(cli);
    expect(await (await fetch(`${base}/api/quality?limit=1`)).json()).toEqual(cliLimit);
  });

  it('has the planted counts, whatever filters the page sends', async () => {
    const body = await (await fetch(`${base}/api/quality?source=Fair&from=2025-03-01`)).json() as QualityResult;
    expect(body.problems).toBe(15);
    expect(body.checks.find((c) => c.code === 'order_before_lead')!.examples.map((e) => e.id)).toEqual(['SO2']);
  });

  it('refuses a bad limit with 400', async () => {
    const res = await fetch(`${base}/api/quality?limit=-3`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/limit must be a whole number from 0 to 1000/);
  });
});
