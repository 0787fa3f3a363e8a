import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QualityResult } from '../../models/quality.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { cleanWorld, plantedWorld } from '../helpers/quality-world.ts';
import { writeBundle } from '../helpers/workspace.ts';

const planted = join(mkdtempSync(join(tmpdir(), 'ltc-quality-')), 'ws.duckdb');
const clean = join(mkdtempSync(join(tmpdir(), 'ltc-quality-clean-')), 'ws.duckdb');

describe('ltc quality', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', planted, ...writeBundle(plantedWorld).paths]);
    ltcJson(['ingest', '--db', clean, ...writeBundle(cleanWorld).paths]);
  });

  it('--json: every check with its code, texts, count and examples', () => {
    const result = ltcJson<QualityResult>(['quality', '--db', planted, '--limit', '2']);
    expect(Object.keys(result).sort()).toEqual(['absurd_days', 'checks', 'earliest_plausible', 'failing_checks', 'limit', 'problems']);
    expect(result).toMatchObject({ problems: 15, failing_checks: 12, limit: 2, absurd_days: 3650, earliest_plausible: '1990-01-01' });
    for (const check of result.checks) {
      expect(Object.keys(check).sort()).toEqual(
        ['code', 'count', 'examples', 'explanation', 'explanation_zh', 'kind', 'title', 'title_zh', 'unit']);
    }
    const early = result.checks.find((c) => c.code === 'date_before_1990')!;
    expect(early.count).toBe(3);
    expect(early.examples).toEqual([
      { table: 'leads', id: 'L11', case_id: 'L11', field: 'created_at', value: '1900-01-01T00:00:00',
        other_table: null, other_id: null, other_field: null, other_value: null, difference: null },
      { table: 'deliveries', id: 'D12', case_id: 'L11', field: 'shipped_at', value: '1970-01-01T00:00:00',
        other_table: null, other_id: null, other_field: null, other_value: null, difference: null },
    ]);
  });

  it('text: one line per check with its count, then the examples; exit 0', () => {
    const { code, stdout, stderr } = ltc(['quality', '--db', planted, '--limit', '1']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^data quality: 15 finding\(s\) in 12 of 12 checks/);
    expect(stdout).toMatch(/^\s+1\s+Orders dated before their lead\s+order_before_lead$/m);
    expect(stdout).toMatch(/^\s+3\s+Dates before 1990\s+date_before_1990$/m);
    expect(stdout).toMatch(/^ {2}orders SO2 created_at 2025-02-03T00:00:00: 30\.0 d before leads L2 created_at 2025-03-05T00:00:00 \(case L2\)$/m);
    expect(stdout).toMatch(/^ {2}invoices I4 amount 800\.00, paid 900\.00 by payments P4: 100\.00 more \(case L4\)$/m);
    expect(stdout).toMatch(/^ {2}… and 2 more \(--limit N lists more\)$/m);
    expect(stdout).not.toMatch(/undefined|NaN|null|\[object Object\]/);
  });

  it('says so when nothing is wrong', () => {
    const { code, stdout } = ltc(['quality', '--db', clean]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^data quality: no problems found/);
    expect(stdout.match(/^\s+0\s/gm)).toHaveLength(12);
  });

  it('refuses a bad --limit with exit 2', () => {
    const bad = ltc(['quality', '--db', planted, '--limit', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/limit must be a whole number from 0 to 1000, not "lots"/);
  });
});
