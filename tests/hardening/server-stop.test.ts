/**
 * A normal stop closes the workspace properly (issue 14): Ctrl+C (SIGINT to the whole process
 * group, as a terminal sends it) and SIGTERM of `ltc start` run through npm (node bin/ltc.js), as `npm start`
 * runs it, finish what is in flight, write the log into the workspace file and exit; the workspace
 * then opens with no log to replay. While the server holds the workspace, another `ltc` command
 * says so in one line, with the server's address.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboardPost } from '../helpers/api-server.ts';
import { ltc } from '../helpers/cli.ts';
import { writeBigLeads } from '../helpers/kill-workspace.ts';
import { npmStart } from '../helpers/served.ts';
import { openWorkspace } from '../../app/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importCsv(port: number, name: string, body: string): Promise<Response> {
  return dashboardPost(`http://127.0.0.1:${port}/api/import?name=${name}`, body);
}

describe('stopping the dashboard server', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} to npm start's process group after an import closes the workspace cleanly`, async () => {
      const path = join(dir, `${signal}.duckdb`);
      const server = await npmStart(path);
      const res = await importCsv(server.port, 'extra-leads.csv', 'lead_id,created_at,source\nX1,2025-05-01,Web\nX2,2025-05-02,Fair\n');
      expect(res.status).toBe(200);
      expect(existsSync(`${path}.server.json`)).toBe(true);
      server.kill(signal);
      await server.exit;
      await server.gone();
      expect(server.stderr()).toMatch(/stopping: finishing what is in flight/);
      expect(existsSync(`${path}.wal`)).toBe(false);
      expect(existsSync(`${path}.server.json`)).toBe(false);
      const db = await openWorkspace(path);
      try {
        expect(db.notes).toEqual([]);
        const [{ extra, sample }] = await db.query<{ extra: number; sample: number }>(
          "SELECT count(*) FILTER (lead_id LIKE 'X%')::INTEGER AS extra, count(*)::INTEGER AS sample FROM leads");
        expect(extra).toBe(2);
        expect(sample).toBeGreaterThan(1000);
      } finally {
        db.close();
      }
    });
  }

  it('lets an import in flight finish before it stops', async () => {
    const path = join(dir, 'in-flight.duckdb');
    const big = join(dir, 'big-leads.csv');
    await writeBigLeads(big, 60_000);
    const server = await npmStart(path);
    const { readFileSync } = await import('node:fs');
    const answer = importCsv(server.port, 'big-leads.csv', readFileSync(big, 'utf8')).then((r) => r.status, () => null);
    // The upload is under way (its body sent) when the stop comes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.kill('SIGTERM');
    await server.exit;
    await answer;
    await server.gone();
    const db = await openWorkspace(path);
    try {
      expect(db.notes).toEqual([]);
      const [{ big: loaded }] = await db.query<{ big: number }>(
        "SELECT count(*)::INTEGER AS big FROM import_batches WHERE file_name = 'big-leads.csv' AND rows_loaded = 60000");
      expect(loaded).toBe(1);
    } finally {
      db.close();
    }
  });

  it('another ltc command on the held workspace names the server and what to do, in one line', async () => {
    const path = join(dir, 'held.duckdb');
    writeFileSync(join(dir, 'held-leads.csv'), 'lead_id,created_at\nH1,2025-01-01\n');
    const server = await npmStart(path);
    try {
      const result = await ltc(['kpis', '--db', path]);
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`in use by \`ltc serve\` at http://127\\.0\\.0\\.1:${server.port} \\(pid \\d+\\): use the dashboard there, or stop the server`));
    } finally {
      server.kill('SIGTERM');
      await server.exit;
      await server.gone();
    }
  });
});
