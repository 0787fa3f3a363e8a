/**
 * docs/safety.md, issue 9 "Server safety": every value from a request reaches SQL as a parameter, or as a
 * quoted identifier from an allow-list. Each endpoint gets an injection string in each parameter it
 * reads (and in attribute filter names and values), one at a time; the database door records every
 * statement sent to DuckDB. The marker never appears in a statement's text, no request ends in a
 * server error, and no table changes. Filter values that try to widen a filter select nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { generate } from '../../sample-data/generator/index.ts';
import { tableChecksums } from '../helpers/checksums.ts';
import { apiServer, dashboardPost, type ApiServer } from '../helpers/api-server.ts';
import { ENDPOINTS, PERIOD } from '../helpers/endpoints.ts';
import { recordingDatabase } from '../helpers/recording-db.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const MARK = 'ltcmark';
const INJECTIONS = [
  `${MARK}' OR '1'='1`,
  `${MARK}"; DROP TABLE leads; --`,
  `${MARK}') UNION SELECT * FROM import_batches --`,
  `${MARK}\\'}]); DELETE FROM orders; --`,
];

describe('request values never become SQL', () => {
  let dir: string;
  let db: Database;
  let api: ApiServer;
  let base: string;
  const statements: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ltc-injection-'));
    generate({ leads: 300, outDir: join(dir, 'bundle'), seed: 5 });
    db = await openWorkspace(join(dir, 'ws.duckdb'));
    const files = ['accounts', 'leads', 'opportunities', 'quotes', 'orders', 'deliveries', 'invoices', 'payments']
      .map((f) => ({ path: join(dir, 'bundle', `${f}.csv`), name: `${f}.csv` }));
    // Three more leads with a column of their own: the attribute the attr.<column> filters name.
    writeFileSync(join(dir, 'leads-tier.csv'), 'lead_id,created_at,source,Tier\nLT1,2024-05-01,Web,Gold\nLT2,2024-06-01,Web,Silver\nLT3,2024-07-01,Fair,Gold\n');
    files.push({ path: join(dir, 'leads-tier.csv'), name: 'leads-tier.csv' });
    const report = await importAndRebuild(db, files);
    expect(report.files.every((f) => !f.error)).toBe(true);
    // The server's database door, recording each statement's text.
    const recorded = recordingDatabase(db, statements);
    api = await apiServer(recorded);
    base = api.base;
  });

  afterAll(() => api?.stop(db));

  const get = async (path: string, query: Record<string, string>) => {
    const response = await fetch(`${base}${path}?${new URLSearchParams(query)}`);
    return { status: response.status, text: await response.text() };
  };

  it('answers every endpoint with its base query (the runs below start from working requests)', async () => {
    for (const e of ENDPOINTS) {
      const { status, text } = await get(e.path, e.base ?? {});
      expect({ path: e.path, status, text: status === 200 ? '' : text }).toEqual({ path: e.path, status: 200, text: '' });
    }
  });

  it('keeps an injection string in any parameter out of every statement, with no server error and no table changed', async () => {
    const before = await tableChecksums(db);
    const attribute = 'Tier';
    const failures: string[] = [];
    let requests = 0;
    for (const e of ENDPOINTS) {
      const names = [...(e.period === false ? [] : PERIOD), ...(e.own ?? [])];
      const cases: Record<string, string>[] = [
        ...names.flatMap((name, i) => [{ [name]: INJECTIONS[i % INJECTIONS.length] }]),
        ...(e.period === false ? [] : [{ [`attr.${INJECTIONS[1]}`]: 'x' }, { [`attr.${attribute}`]: INJECTIONS[2] }]),
      ];
      for (const injected of cases) {
        statements.length = 0;
        const { status, text } = await get(e.path, { ...e.base, ...injected });
        requests++;
        const leaked = statements.filter((s) => s.includes(MARK));
        if (status >= 500 || leaked.length) {
          failures.push(`${e.path} ${JSON.stringify(injected)} → ${status} ${text.slice(0, 160)}${leaked.length ? ` | in SQL: ${leaked[0].slice(0, 200)}` : ''}`);
        }
        if (/(Parser|Binder|Catalog|Conversion) Error/.test(text)) failures.push(`${e.path} ${JSON.stringify(injected)} shows a database error: ${text.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(250);
    expect(await tableChecksums(db)).toEqual(before);
  });

  it('reads an injection string in a filter value as a value that matches nothing', async () => {
    const all = JSON.parse((await get('/api/funnel', {})).text) as { stages: { count: number }[] };
    expect(all.stages[0].count).toBeGreaterThan(0);
    for (const value of INJECTIONS) {
      for (const name of ['source', 'owner', 'region', 'segment']) {
        const funnel = JSON.parse((await get('/api/funnel', { [name]: value })).text) as { stages: { count: number }[] };
        expect(funnel.stages.length).toBe(all.stages.length);
        expect(funnel.stages.every((s) => s.count === 0)).toBe(true);
      }
    }
  });

  it('stores an upload named like an injection as that name, and reads nothing from the name as a path', async () => {
    const name = `../../${INJECTIONS[2]}/${INJECTIONS[1]} leads.csv`;
    const body = 'lead_id,created_at\nLX1,2025-03-01\n';
    const response = await dashboardPost(`${base}/api/import?${new URLSearchParams({ name })}`, body);
    expect(response.status).toBe(200);
    const [batch] = await db.query<{ file_name: string }>('SELECT file_name FROM import_batches ORDER BY batch_id DESC LIMIT 1');
    // The name's last part is kept as written (for display); the body went to a temporary file of the server's choosing.
    expect(batch.file_name).toBe(`${INJECTIONS[1]} leads.csv`);
    expect(readFileSync(join(dir, 'bundle', 'leads.csv'), 'utf8')).not.toContain('LX1');
    expect(statements.some((s) => s.includes(MARK))).toBe(false);
  });
});
