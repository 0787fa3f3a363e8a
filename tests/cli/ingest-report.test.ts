/**
 * `ltc ingest` text: the skipped rows with their reasons next to the rejects, at most 20 rejects a
 * file with the command that lists them all; `ltc rejects` lists them; `ltc imports` counts skips.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';

describe('ltc ingest, rejects and imports: skipped rows and rejects in the text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-cli-skips-'));
  const db = join(dir, 'ws.duckdb');
  // 25 leads without a created_at (lines 2–26) and 2 good ones
  const leads = join(dir, 'leads.csv');
  writeFileSync(leads, `lead_id,created_at,source\n${Array.from({ length: 25 }, (_, i) => `B${i + 1},,Web\n`).join('')}G1,2025-01-02,Web\nG2,2025-01-03,Fair\n`);

  it('prints the deleted QuickBooks invoices as skipped, with reason and first line', () => {
    const run = ltc(['ingest', fixture('quickbooks/invoice_data.csv'), '--db', db]);
    expect(run.code).toBe(0);
    const [, , row] = run.stdout.split('\n');
    // read 16, new 10 (5 orders + 5 invoices), rejected 0, skipped 11
    expect(row.split(/\s{2,}/).slice(2, 8)).toEqual(['16', '10', '0', '0', '0', '11']);
    expect(run.stdout).toContain('skipped rows of');
    expect(run.stdout).toMatch(/11\s+deleted in the source system\s+3/);
  });

  it('prints the first 20 rejects of a file and names the command that lists them all', () => {
    const run = ltc(['ingest', leads, '--db', db]);
    expect(run.code).toBe(0);
    const listed = run.stdout.split('\n').filter((l) => /created_at is missing/.test(l));
    expect(listed).toHaveLength(20);
    expect(listed[0]).toMatch(/^\s*2\s/);
    expect(run.stdout).toContain('… and 5 more (all kept: ltc rejects --batch 2, or GET /api/rejects.csv?batch=2)');
  });

  it('ltc rejects --batch N lists all of them, ltc imports counts the skipped rows', () => {
    const { rejects } = ltcJson<{ rejects: { line: number; column: string }[] }>(['rejects', '--batch', '2', '--db', db]);
    expect(rejects.map((r) => r.line)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
    expect(ltc(['rejects', '--batch', 'x', '--db', db]).code).toBe(2);
    const { batches } = ltcJson<{ batches: { batch_id: number; rows_skipped: number; skipped: { reason: string; rows: number }[] }[] }>(['imports', '--db', db]);
    expect(batches.map((b) => [b.batch_id, b.rows_skipped, b.skipped.map((s) => `${s.rows} ${s.reason}`)]))
      .toEqual([[1, 11, ['11 deleted_in_source']], [2, 0, []]]);
    expect(ltc(['imports', '--db', db]).stdout).toMatch(/skipped rows \(left out on purpose\):[\s\S]*1\s+11\s+deleted in the source system\s+3/);
  });
});
