import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { parseNotebook } from '../../models/notebook/parse.ts';
import { firstKeyword, splitStatements } from '../../models/notebook/read-only.ts';
import { describeProblem, runNotebook, type SqlResult } from '../../models/notebook/run.ts';
import { workspace } from '../helpers/workspace.ts';

describe('firstKeyword and splitStatements', () => {
  it('read the first word after comments and parentheses', () => {
    expect(firstKeyword('-- note\n/* more */ (select 1)')).toBe('SELECT');
    expect(firstKeyword('  drop table x')).toBe('DROP');
    expect(firstKeyword('-- only a comment')).toBe('');
  });

  it('split on semicolons outside strings, quoted names and comments', () => {
    expect(splitStatements('SELECT 1;')).toHaveLength(1);
    expect(splitStatements("SELECT 'a;b', \"c;d\" -- e;f\n/* g;h */ FROM t; -- trailing")).toHaveLength(1);
    expect(splitStatements("SELECT 'it''s'; DROP TABLE t")).toHaveLength(2);
    expect(splitStatements("SELECT E'\\'; DROP TABLE t; --'")).toHaveLength(1);
    expect(splitStatements("SELECT $$;$$, $x$;$x$")).toHaveLength(1);
    expect(splitStatements('SELECT 1; SELECT 2')).toHaveLength(2);
  });
});

describe('notebook SQL is read-only', () => {
  let db: Database;
  const scratch = mkdtempSync(join(tmpdir(), 'ltc-notebook-ro-'));
  const copied = join(scratch, 'leads.csv');
  const attached = join(scratch, 'other.duckdb');

  beforeAll(async () => {
    ({ db } = await workspace({
      'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\n',
    }));
  });
  afterAll(() => db.close());

  const snapshot = async () => ({
    leads: await db.query('SELECT * FROM leads ORDER BY lead_id'),
    tables: await db.query("SELECT table_schema, table_name FROM information_schema.tables ORDER BY ALL"),
  });

  const attempts: Record<string, string> = {
    drop: 'DROP TABLE leads',
    delete: "DELETE FROM leads WHERE lead_id = 'L1'",
    update: "UPDATE leads SET source = 'x'",
    copy: `COPY leads TO '${copied}'`,
    attach: `ATTACH '${attached}' AS other`,
    two: "SELECT 1; DROP TABLE leads",
    cte_insert: "WITH x AS (SELECT 'L9' AS id) INSERT INTO leads (lead_id, created_at) SELECT id, now() FROM x",
    break_out: 'SELECT 1) AS a; DROP TABLE leads; SELECT * FROM (SELECT 1',
    pivot_break_out: "PIVOT leads ON source USING count(*)) AS a; DROP TABLE leads; SELECT * FROM (SELECT 1",
    create: 'CREATE TABLE extra AS SELECT 1',
    set: "SET TimeZone = 'Asia/Shanghai'",
    checkpoint: 'CHECKPOINT',
  };

  it('refuses everything but one query, names the file, block and line, and leaves the database as it was', async () => {
    const before = await snapshot();
    const text = Object.entries(attempts).map(([name, sql]) => `\`\`\`sql name=${name}\n${sql}\n\`\`\``).join('\n\n');
    const run = await runNotebook(db, parseNotebook(`${text}\n\n\`\`\`sql name=still_fine\nSELECT count(*) AS n FROM leads\n\`\`\`\n`, 'attempts.md'));
    // The built-in, hidden `workspace` block comes after the notebook's own.
    const blocks = run.cells.filter((c): c is SqlResult => c.kind === 'sql' && c.name !== 'workspace');
    for (const block of blocks.slice(0, -1)) expect(block.error, block.name).toBeDefined();
    expect(blocks.find((b) => b.name === 'drop')!.error).toMatch(/only read-only queries .*starts with DROP/);
    expect(blocks.find((b) => b.name === 'two')!.error).toMatch(/one query; this one has 2 statements/);
    expect(blocks.find((b) => b.name === 'cte_insert')!.error).toMatch(/only read-only queries/);
    expect(blocks.at(-1)).toMatchObject({ name: 'still_fine', rows: [{ n: 2 }], total: 1 });
    expect(blocks.at(-1)!.error).toBeUndefined();

    const drop = run.errors.find((p) => p.block === 'drop')!;
    expect(describeProblem(drop, 'notebooks/attempts.md')).toMatch(/^notebooks\/attempts\.md, block drop \(line 1\): only read-only/);
    expect(run.errors.find((p) => p.block === 'copy')!.line).toBe(13);

    expect(await snapshot()).toEqual(before);
    expect(existsSync(copied)).toBe(false);
    expect(existsSync(attached)).toBe(false);
    const [zone] = await db.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
    expect(zone.zone).toBe('UTC');
  });

  it('accepts the read-only forms: SELECT, WITH, FROM, VALUES, PIVOT, UNPIVOT, DESCRIBE, SUMMARIZE', async () => {
    const forms = {
      select: 'SELECT lead_id FROM leads ORDER BY lead_id',
      with: 'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
      from: 'FROM leads SELECT source ORDER BY source',
      values: "VALUES (1, 'a'), (2, 'b');",
      pivot: 'PIVOT (SELECT source FROM leads) ON source USING count(*)',
      unpivot: 'UNPIVOT (SELECT 1 AS a, 2 AS b) ON a, b INTO NAME k VALUE v',
      describe: 'DESCRIBE leads',
      summarize: 'SUMMARIZE leads',
      comment_first: '-- the leads\nSELECT count(*) AS n FROM leads -- all of them',
    };
    const text = Object.entries(forms).map(([name, sql]) => `\`\`\`sql name=${name}\n${sql}\n\`\`\``).join('\n\n');
    const run = await runNotebook(db, parseNotebook(text, 'forms.md'));
    expect(run.errors).toEqual([]);
    const rows = Object.fromEntries(run.cells.map((c) => [(c as SqlResult).name, (c as SqlResult).rows]));
    expect(rows.select).toEqual([{ lead_id: 'L1' }, { lead_id: 'L2' }]);
    expect(rows.from).toEqual([{ source: 'Fair' }, { source: 'Web' }]);
    expect(rows.pivot).toEqual([{ Fair: 1, Web: 1 }]);
    expect(rows.comment_first).toEqual([{ n: 2 }]);
    // Nothing a block made stays behind: the transaction is rolled back.
    expect(await db.query("SELECT * FROM duckdb_tables() WHERE table_name LIKE 'ltc_notebook%'")).toEqual([]);
  });
});
