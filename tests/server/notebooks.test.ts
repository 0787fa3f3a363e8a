import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../app/server/server.ts';
import type { Database } from '../../models/db/database.ts';
import { listNotebooks, loadNotebook } from '../../models/notebook/library.ts';
import { runNotebook } from '../../models/notebook/run.ts';
import { workspace } from '../helpers/workspace.ts';

describe('notebooks API', () => {
  let db: Database;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-03-01,Fair\n',
      'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\n',
      'payments.csv': 'payment_id,paid_at,amount,order_id\nP1,2025-02-01,100,SO1\n',
    }));
    server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot: mkdtempSync(join(tmpdir(), 'ltc-noweb-')) });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => { db.close(); resolve(); })));

  it('lists the notebooks of notebooks/ with their titles', async () => {
    const res = await fetch(`${base}/api/notebooks`);
    expect(await res.json()).toEqual({ notebooks: listNotebooks() });
  });

  it('runs one notebook, by file name with or without .md, as the model does', async () => {
    const expected = JSON.parse(JSON.stringify(await runNotebook(db, loadNotebook('data-quality.md'))));
    expect(await (await fetch(`${base}/api/notebook?name=data-quality.md`)).json()).toEqual(expected);
    expect(await (await fetch(`${base}/api/notebook?name=data-quality`)).json()).toEqual(expected);
  });

  it('sends the HTML file as a download', async () => {
    const res = await fetch(`${base}/api/notebook.html?name=data-quality.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="data-quality.html"');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('notebooks/data-quality.md');
    expect(html).not.toMatch(/<script/i);
  });

  it('takes only a file directly in notebooks/, never a path', async () => {
    for (const name of ['../package.json', '..%2FREADME.md', '/etc/passwd', 'sub/x.md', '..', 'nope.md', '']) {
      const res = await fetch(`${base}/api/notebook?name=${name}`);
      expect(res.status, name).toBe(400);
      expect((await res.json()).error, name).toMatch(/notebook|name is required/);
    }
    expect((await fetch(`${base}/api/notebook.html?name=../package.json`)).status).toBe(400);
  });
});
