/**
 * A date column holding both US (03/15/2024) and European (15/03/2024) dates is never read one way
 * in silence: values valid one way only are read that way, a value valid both ways by its row's
 * other dates, and a file with a value nothing settles is refused with both readings shown — on the
 * command line's import and over HTTP alike. Fixtures: tests/fixtures/mixed-dates (README there).
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileReport } from '../../ingest/import-files.ts';
import { validateMapping, type MappingFile } from '../../ingest/mapping-file.ts';
import type { Database } from '../../models/db/database.ts';
import { apiServer, dashboardPost } from '../helpers/api-server.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const MIXED = join(process.cwd(), 'tests/fixtures/mixed-dates');

let db: Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

async function load(path: string, mapping?: MappingFile): Promise<FileReport> {
  db = await openWorkspace(':memory:');
  return (await importAndRebuild(db, [{ path, name: path.split('/').pop()! }], { mapping })).files[0];
}

const dates = (table: string, id: string, columns: string[]) => db!.query<Record<string, string | null>>(
  `SELECT ${id} AS id, ${columns.map((c) => `strftime(${c}, '%Y-%m-%d') AS ${c}`).join(', ')} FROM ${table} ORDER BY 1`);

describe('a column with dates valid only month first and others valid only day first', () => {
  it('leads.csv is refused: file, column, both readings with their lines, the value left open, how to say the order', async () => {
    const report = await load(join(MIXED, 'leads.csv'));
    expect(report.rows_loaded).toBe(0);
    expect(report.error).toBe('leads.csv column "created_at": dates are written both month first and day first — '
      + 'line 2 "03/15/2024" reads only as March 15, 2024, line 3 "15/03/2024" only as 15 March 2024; '
      + 'line 4 "04/05/2024" reads as April 5, 2024 or as 4 May 2024 and no other date of its row says which. '
      + 'Nothing was loaded. Say the column\'s order in a mapping file, {"kind":"leads","date_format":{"created_at":"M/D/Y"}} '
      + '(ltc ingest --map FILE; "D/M/Y" for day first; values that do not fit it are rejected), or correct the export.');
    expect(report.error).not.toMatch(/\n/);
    expect(await db!.query('SELECT count(*)::INTEGER AS n FROM leads')).toEqual([{ n: 0 }]);
  });

  it('orders.csv is refused the same way', async () => {
    const report = await load(join(MIXED, 'orders.csv'));
    expect(report.rows_loaded).toBe(0);
    expect(report.error).toContain('orders.csv column "created_at": dates are written both month first and day first');
    expect(report.error).toContain('line 2 "03/18/2024" reads only as March 18, 2024, line 3 "18/03/2024" only as 18 March 2024');
    expect(report.error).toContain('line 4 "06/07/2024" reads as June 7, 2024 or as 6 July 2024');
    expect(report.error).toContain('{"kind":"orders","date_format":{"created_at":"M/D/Y"}}');
  });

  it('the HTTP import refuses it with the same words (422, nothing loaded)', async () => {
    db = await openWorkspace(':memory:');
    const api = await apiServer(db);
    try {
      const res = await dashboardPost(`${api.base}/api/import?name=orders.csv`, readFileSync(join(MIXED, 'orders.csv')));
      expect(res.status).toBe(422);
      const body = await res.json() as { error: string };
      expect(body.error).toContain('orders.csv column "created_at": dates are written both month first and day first');
      expect(body.error).toContain('line 4 "06/07/2024" reads as June 7, 2024 or as 6 July 2024');
      expect(await db.query('SELECT count(*)::INTEGER AS n FROM orders')).toEqual([{ n: 0 }]);
    } finally {
      await api.stop();
    }
  });

  it('with the order given in a mapping file, it loads: values that do not fit are rejected with their line', async () => {
    const mapping = validateMapping({ kind: 'leads', date_format: { created_at: 'M/D/Y' } }, 'test');
    const report = await load(join(MIXED, 'leads.csv'), mapping);
    expect(report).toMatchObject({ rows_loaded: 2, rows_rejected: 2 });
    // 15/03/2024 (line 3) and 22/04/2024 (line 5) are not month first
    expect(report.rejects.map((r) => [r.line, r.column])).toEqual([[3, 'created_at'], [5, 'created_at']]);
    expect(report.formats?.created_at).toBe('M/D/Y (set by the mapping)');
    expect(await dates('leads', 'lead_id', ['created_at'])).toEqual([
      { id: 'L-1001', created_at: '2024-03-15' }, { id: 'L-1003', created_at: '2024-04-05' },
    ]);
  });

  it('a mapping file refuses a date_format that is not a date field or not a format', () => {
    expect(() => validateMapping({ kind: 'leads', date_format: { source: 'M/D/Y' } }, 'm')).toThrow(/"date_format.source": not a date field of leads/);
    expect(() => validateMapping({ kind: 'leads', date_format: 'MM/DD' }, 'm')).toThrow(/"date_format" must be one of/);
  });
});

describe('a value valid both ways is read in the order its row shows', () => {
  it('leads-settled.csv: each value read the only way it is valid, or as its row\'s other dates', async () => {
    const report = await load(join(MIXED, 'leads-settled.csv'));
    expect(report).toMatchObject({ rows_loaded: 5, rows_rejected: 0 });
    expect(report.formats?.created_at).toMatch(/^M\/D\/Y\|D\/M\/Y \(per value, the file mixing both orders: 1 month first only, 1 day first only/);
    expect(await dates('leads', 'lead_id', ['created_at', 'qualified_at', 'converted_at'])).toEqual([
      { id: 'L-3001', created_at: '2024-03-15', qualified_at: '2024-03-20', converted_at: '2024-04-02' },
      { id: 'L-3002', created_at: '2024-03-15', qualified_at: '2024-04-02', converted_at: '2024-04-10' },
      // 04/19/2024 on its row is month first: 04/05/2024 is April 5
      { id: 'L-3003', created_at: '2024-04-05', qualified_at: '2024-04-19', converted_at: null },
      // 20/05/2024 on its row is day first: 06/05/2024 is 6 May
      { id: 'L-3004', created_at: '2024-05-06', qualified_at: '2024-05-20', converted_at: null },
      { id: 'L-3005', created_at: '2024-07-07', qualified_at: null, converted_at: null },
    ]);
  });
});

describe('a column whose every day and month is 12 or less', () => {
  it('keeps reading month first, and the report says it assumed so and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-ambiguous-'));
    const path = join(dir, 'leads.csv');
    writeFileSync(path, 'lead_id,created_at,source\nL1,03/04/2024,Web\nL2,11/02/2024,Fair\nL3,05/05/2024,Web\n');
    const report = await load(path);
    expect(report).toMatchObject({ rows_loaded: 3, rows_rejected: 0 });
    expect(report.formats?.created_at).toBe('M/D/Y (every day and month ≤ 12, so the values cannot tell: read as month/day (US); '
      + 'if it is day first, say "date_format": "D/M/Y" in a --map file)');
    expect(await dates('leads', 'lead_id', ['created_at'])).toEqual([
      { id: 'L1', created_at: '2024-03-04' }, { id: 'L2', created_at: '2024-11-02' }, { id: 'L3', created_at: '2024-05-05' },
    ]);
  });
});
