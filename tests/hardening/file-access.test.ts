/**
 * What the workspace's DuckDB may touch on disk (issue 14): file names given to `ltc ingest` are
 * names, never glob patterns; and no query — a notebook's, or any other statement given to the
 * database — can read or write a file outside the workspace's private scratch folder, load an
 * extension, attach another database or change a setting. DuckDB enforces it, not our checks.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { parseNotebook } from '../../models/notebook/parse.ts';
import { runNotebook, type SqlResult } from '../../models/notebook/run.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { openWorkspace } from '../../app/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file names are names', () => {
  // A folder and files whose names are glob patterns, each beside a file the pattern would match.
  const folder = join(dir, 'exports [2025] {q1,q2} *?');
  const ws = join(dir, 'globs.duckdb');
  beforeAll(() => {
    mkdirSync(folder);
    writeFileSync(join(folder, 'leads[1].csv'), 'lead_id,created_at,source\nB1,2025-01-01,Bracket\n');
    writeFileSync(join(folder, 'leads1.csv'), 'lead_id,created_at,source\nP1,2025-01-01,Plain\nP2,2025-01-02,Plain\n');
    writeFileSync(join(folder, 'orders*.csv'), 'order_id,created_at,lead_id\nSO1,2025-02-01,B1\n');
    writeFileSync(join(folder, 'orders-a.csv'), 'order_id,created_at,lead_id\nSO9,2025-02-01,P1\n');
    writeFileSync(join(folder, 'log{a,b}?.jsonocel'), JSON.stringify({
      objectTypes: [{ name: 'order', attributes: [] }], eventTypes: [{ name: 'place', attributes: [] }],
      objects: [{ id: 'o1', type: 'order', attributes: [] }],
      events: [{ id: 'e1', type: 'place', time: '2025-01-01T00:00:00Z', attributes: [], relationships: [{ objectId: 'o1', qualifier: 'q' }] }],
    }));
  });

  it('loads exactly the file named, and remembers its own checksum', () => {
    const first = ltcJson<{ files: { path: string; rows_inserted: number; error?: string }[] }>(
      ['ingest', '--db', ws, '--json', join(folder, 'leads[1].csv'), join(folder, 'orders*.csv'), join(folder, 'log{a,b}?.jsonocel')]);
    expect(first.files.map((f) => [f.rows_inserted, f.error])).toEqual([[1, undefined], [1, undefined], [1, undefined]]);
    // The files the patterns would have matched are new to the workspace: loaded, not "already imported".
    const second = ltcJson<{ files: { rows_inserted: number; already_imported_as?: number }[] }>(
      ['ingest', '--db', ws, '--json', join(folder, 'leads1.csv'), join(folder, 'orders-a.csv')]);
    expect(second.files.map((f) => [f.rows_inserted, f.already_imported_as])).toEqual([[2, undefined], [1, undefined]]);
    const listed = ltc(['imports', '--db', ws, '--json']);
    expect(listed.code).toBe(0);
    const batches = (JSON.parse(listed.stdout) as { batches: { file_name: string }[] }).batches.map((b) => b.file_name);
    expect(batches).toEqual(expect.arrayContaining([
      expect.stringContaining('leads[1].csv'), expect.stringContaining('orders*.csv'), expect.stringContaining('leads1.csv'),
    ]));
  });
});

describe('the workspace database touches no file of its own accord', () => {
  let db: Database;
  const secret = join(dir, 'secret.csv');
  beforeAll(async () => {
    writeFileSync(secret, 'password\nhunter2\n');
    db = await openWorkspace(join(dir, 'locked.duckdb'));
    await db.exec("INSERT INTO leads (lead_id, created_at) VALUES ('L1', '2025-01-01')");
  });
  afterAll(() => db.close());

  const attempts: Record<string, string> = {
    read_text: "SELECT content FROM read_text('/etc/passwd')",
    read_csv: `SELECT * FROM read_csv('${secret}')`,
    glob: `SELECT * FROM glob('${dir}/*')`,
    read_parquet: `SELECT * FROM read_parquet('${dir}/*.parquet')`,
    copy: `COPY leads TO '${join(dir, 'out.csv')}'`,
    attach: `ATTACH '${join(dir, 'other.duckdb')}' AS other`,
    install: 'INSTALL spatial',
    load: 'LOAD spatial',
    set_access: 'SET enable_external_access = true',
    set_folders: "SET allowed_directories = ['/']",
    set_zone: "SET TimeZone = 'Asia/Shanghai'",
    set_memory: "SET memory_limit = '1TB'",
  };

  for (const [name, sql] of Object.entries(attempts)) {
    it(`refuses ${name} when it is given straight to the database`, async () => {
      await expect(db.exec(sql)).rejects.toThrow(/Permission Error|disabled|locked|Cannot change|Cannot enable/);
    });
  }

  it('refuses a notebook that reads a file, with DuckDB\'s reason, and runs the rest', async () => {
    const text = `\`\`\`sql name=passwd\nSELECT content FROM read_text('/etc/passwd')\n\`\`\`\n\n`
      + `\`\`\`sql name=secret\nFROM read_csv('${secret}')\n\`\`\`\n\n\`\`\`sql name=fine\nSELECT count(*) AS n FROM leads\n\`\`\`\n`;
    const run = await runNotebook(db, parseNotebook(text, 'files.md'));
    const blocks = run.cells.filter((c): c is SqlResult => c.kind === 'sql');
    expect(blocks[0].error).toMatch(/Permission Error: Cannot access file "\/etc\/passwd"/);
    expect(blocks[0].rows).toEqual([]);
    expect(blocks[1].error).toMatch(/Permission Error/);
    expect(blocks[2]).toMatchObject({ rows: [{ n: 1 }] });
  });
});

describe('the scratch folder', () => {
  it('is private, and one a killed process left behind is removed when a workspace opens', async () => {
    // A process id that cannot be running (above the kernel's maximum), holding a staged copy.
    const left = mkdtempSync(join(tmpdir(), 'ltc-scratch-4194305-'));
    writeFileSync(join(left, 'source-0'), 'lead_id,created_at\nL1,2025-01-01\n');
    const db = await openWorkspace(':memory:');
    try {
      expect(existsSync(left)).toBe(false);
      expect(db.scratch).toMatch(new RegExp(`ltc-scratch-${process.pid}-`));
      expect(statSync(db.scratch).mode & 0o777).toBe(0o700);
    } finally {
      db.close();
    }
    expect(existsSync(db.scratch)).toBe(false);
  });
});
