/**
 * Issue 7 "Long imports … can be cancelled": when the browser goes away during an import (the
 * Cancel button aborts the upload request), the server rolls the file back — nothing of it is
 * loaded, the workspace is as before — and the same file imports later as new.
 */
import { request } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { tableChecksums } from '../helpers/checksums.ts';
import { writeBigLeads } from '../helpers/kill-workspace.ts';
import { apiServer, DASHBOARD_HEADERS, type ApiServer } from '../helpers/api-server.ts';
import { recordingDatabase } from '../helpers/recording-db.ts';
import { workspace } from '../helpers/workspace.ts';

describe('an import cancelled by the browser', () => {
  let db: Database;
  let api: ApiServer;
  let port: number;
  let big: string;
  const statements: string[] = [];

  beforeAll(async () => {
    ({ db } = await workspace({ 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n' }));
    big = join(mkdtempSync(join(tmpdir(), 'ltc-cancel-')), 'leads-big.csv');
    await writeBigLeads(big, 100_000);
    api = await apiServer(recordingDatabase(db, statements));
    port = api.port;
  });
  afterAll(() => api.stop(db));

  const post = () => request({ host: '127.0.0.1', port, method: 'POST', path: '/api/import?name=leads-big.csv', headers: DASHBOARD_HEADERS });

  it('rolls the file back when the request goes away while the rows load', async () => {
    const before = await tableChecksums(db);
    statements.length = 0;
    const req = post();
    req.on('error', () => undefined);
    req.end(readFileSync(big));
    // The server has the whole file and reads it: then the browser cancels.
    while (!statements.some((s) => s.includes('CREATE TEMP TABLE ltc_raw'))) await new Promise((resolve) => setTimeout(resolve, 5));
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await db.idle();
    expect(await tableChecksums(db)).toEqual(before);

    // Nothing of it was recorded: the same file is new to the next import.
    const again = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const r = post();
      r.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      r.on('error', reject);
      r.end(readFileSync(big));
    });
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body).files[0].rows_inserted).toBe(99_999);
  });
});
