/**
 * `ltc imports` and `ltc undo BATCH` as the README promises them: the batches listed (text and
 * --json), one undone with what it replaced restored, and exit 1 (one line, nothing changed) for a
 * batch already undone or one whose rows a later batch replaced, exit 2 for a batch that does not
 * exist or a malformed request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-batches-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'ws.duckdb');

const files = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-10,L1,100\n',
  // L1 as before, L2 with another source (replaces the row of leads.csv), L3 new.
  'leads-2.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Partner\nL3,2025-01-03,Web\n',
}).paths;
const [leads, orders, leads2] = files;

interface Batch {
  batch_id: number;
  file_name: string;
  kind: string;
  preset: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_inserted: number;
  rows_updated: number;
  rows_unchanged: number;
  rows_rejected: number;
  imported_at: string;
  undone_at: string | null;
}
const batches = () => ltcJson<{ batches: Batch[] }>(['imports', '--db', db]).batches;
const sources = () => ltcJson<{ fields: { key: string; values: { value: string; cases: number }[] }[] }>(['filters', '--db', db])
  .fields.find((f) => f.key === 'source')!.values.map((v) => `${v.value} ${v.cases}`);
const ids: number[] = [];

describe('ltc imports and ltc undo', () => {
  beforeAll(() => {
    const empty = ltc(['imports', '--db', db]);
    expect([empty.code, empty.stdout]).toEqual([0, 'no imports yet: ltc ingest FILE… loads exports\n']);
    expect(ltcJson(['imports', '--db', db])).toEqual({ batches: [] });
    for (const path of [leads, orders, leads2]) {
      ids.push(ltcJson<{ files: { batch_id: number }[] }>(['ingest', '--db', db, path]).files[0].batch_id);
    }
  });

  it('lists the batches with what each did, as JSON and as a table', () => {
    const list = batches();
    expect(list.map((b) => b.batch_id)).toEqual(ids);
    expect(list.map((b) => [b.file_name, b.kind, b.rows_read, b.rows_inserted, b.rows_updated, b.rows_unchanged, b.rows_rejected, b.undone_at]))
      .toEqual([
        [leads, 'leads', 2, 2, 0, 0, 0, null],
        [orders, 'orders', 1, 1, 0, 0, 0, null],
        [leads2, 'leads', 3, 1, 1, 1, 0, null],
      ]);
    for (const b of list) expect(b.imported_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

    const { code, stdout, stderr } = ltc(['imports', '--db', db]);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^batch\s+file\s+read as\s+new\s+updated\s+unchanged\s+rejected\s+skipped\s+imported\s+undone$/);
    expect(lines).toHaveLength(2 + 3);
    expect(lines[4].trim().split(/\s{2,}/)).toEqual([String(ids[2]), leads2, list[2].preset ?? 'leads', '1', '1', '1', '0', '0', list[2].imported_at]);
  });

  it('refuses to undo a batch whose rows a later batch replaced: exit 1, one line, nothing changed', () => {
    const before = batches();
    const result = ltc(['undo', '--db', db, String(ids[0])]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`ltc undo: rows of batch ${ids[0]} were since replaced by batch ${ids[2]}: undo batch ${ids[2]} first\n`);
    expect(batches()).toEqual(before);
    expect(sources()).toEqual(['Web 2', 'Partner 1']);
  });

  it('undoes the later batch and restores the row it replaced', () => {
    const { code, stdout, stderr } = ltc(['undo', '--db', db, String(ids[2])]);
    expect([code, stderr]).toEqual([0, '']);
    // L3 and the Partner row of L2 removed; the Fair row of L2 back.
    expect(stdout).toBe(`batch ${ids[2]} undone: 2 rows removed, 1 earlier rows restored\n`);
    expect(sources()).toEqual(['Fair 1', 'Web 1']);
    const list = batches();
    expect(list.map((b) => b.undone_at === null)).toEqual([true, true, false]);
    expect(list[2].undone_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const table = ltc(['imports', '--db', db]).stdout.trimEnd().split('\n');
    expect(table[4].trim().split(/\s{2,}/).at(-1)).toBe(list[2].undone_at);
  });

  it('refuses a batch already undone: exit 1, one line, nothing changed', () => {
    const before = batches();
    const result = ltc(['undo', '--db', db, String(ids[2])]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^ltc undo: batch ${ids[2]} was already undone at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\n$`));
    expect(batches()).toEqual(before);
  });

  it('undoes a batch with --json, and then the one its rows no longer stand in the way of', () => {
    expect(ltcJson(['undo', '--db', db, String(ids[1])])).toEqual({ batch_id: ids[1], rows_removed: 1, rows_restored: 0 });
    expect(ltcJson(['undo', '--db', db, String(ids[0])])).toEqual({ batch_id: ids[0], rows_removed: 2, rows_restored: 0 });
    expect(ltcJson(['funnel', '--db', db])).toMatchObject({ stages: [] });
    expect(batches().every((b) => b.undone_at !== null)).toBe(true);
  });

  it('exits 2 on a batch that does not exist or a malformed request, writing nothing to stdout', () => {
    const unknown = ltc(['undo', '--db', db, '999']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('ltc undo: there is no import batch 999 (ltc imports lists them)\n');
    for (const args of [[], ['seven'], ['1', '2'], ['-1']]) {
      const result = ltc(['undo', '--db', db, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
    }
  });
});
