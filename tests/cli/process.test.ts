import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcessMap } from '../../models/process-map.ts';
import type { VariantsResult } from '../../models/variants.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

/** Case A: x, y (tie at 10:00, file order), z; case B: x, y listed in reverse; case C: one event. */
const bundle = writeBundle({
  'events.csv': `case_id,activity,timestamp
A,x,2025-01-01T10:00:00Z
A,y,2025-01-01T10:00:00Z
A,z,2025-01-01T10:05:00Z
B,y,2025-01-01T09:00:00+01:00
B,x,2025-01-01T07:00:00Z
C,x,2025-01-02T00:00:00Z
`,
});
const db = join(mkdtempSync(join(tmpdir(), 'ltc-process-')), 'ws.duckdb');

describe('ltc process-map, variants', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('print the process map of docs/api.md', () => {
    const map = ltcJson<ProcessMap>(['process-map', '--db', db]);
    expect(map).toEqual({
      log: 'events',
      filters_ignored: [],
      cases: 3,
      events: 6,
      activities: [{ name: 'x', count: 3 }, { name: 'y', count: 2 }, { name: 'z', count: 1 }],
      edges: [
        // A: 0 s; B: 07:00 → 08:00 UTC = 3600 s
        { from: 'x', to: 'y', count: 2, mean_seconds: 1800, median_seconds: 1800 },
        { from: 'y', to: 'z', count: 1, mean_seconds: 300, median_seconds: 300 },
      ],
      start: [{ activity: 'x', count: 3 }],
      end: [{ activity: 'x', count: 1 }, { activity: 'y', count: 1 }, { activity: 'z', count: 1 }],
    });
  });

  it('print the variants, --top N keeping the most frequent', () => {
    const all = ltcJson<VariantsResult>(['variants', '--db', db]);
    expect(all).toEqual({
      log: 'events',
      filters_ignored: [],
      cases: 3,
      variants: [
        { activities: ['x'], count: 1, median_seconds: 0, mean_seconds: 0 },
        { activities: ['x', 'y'], count: 1, median_seconds: 3600, mean_seconds: 3600 },
        { activities: ['x', 'y', 'z'], count: 1, median_seconds: 300, mean_seconds: 300 },
      ],
    });
    expect(Object.keys(all.variants[0])).toEqual(['activities', 'count', 'median_seconds', 'mean_seconds']);
    expect(ltcJson<VariantsResult>(['variants', '--db', db, '--top', '2']).variants).toEqual(all.variants.slice(0, 2));
  });

  it('print the same JSON whatever the machine timezone', () => {
    for (const command of [['process-map'], ['variants']]) {
      const west = ltc([...command, '--db', db, '--json'], { TZ: 'America/Los_Angeles' });
      const east = ltc([...command, '--db', db, '--json'], { TZ: 'Asia/Shanghai' });
      expect(west.code).toBe(0);
      expect(west.stdout).toBe(east.stdout);
    }
  });

  it('print readable tables and refuse a bad --top', () => {
    const map = ltc(['process-map', '--db', db]);
    expect(map.code).toBe(0);
    expect(map.stdout).toContain('3 cases · 6 events');
    expect(map.stdout).toMatch(/x\s+y\s+2/);
    const list = ltc(['variants', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('x → y → z');
    const bad = ltc(['variants', '--db', db, '--top', 'many']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--top must be a whole number');
  });
});

describe('ltc export, conformance', () => {
  const out = mkdtempSync(join(tmpdir(), 'ltc-export-cli-'));
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('export writes the log and says what it wrote; the XES reads back as the same cases', () => {
    const file = join(out, 'log.xes');
    expect(ltcJson(['export', '--db', db, '--format', 'xes', '--out', file])).toEqual({
      format: 'xes', out: file, log: 'events', cases: 3, events: 6, filters_ignored: [],
    });
    const again = join(out, 'again.duckdb');
    ltcJson(['ingest', '--db', again, file]);
    expect(ltcJson<ProcessMap>(['process-map', '--db', again])).toEqual(ltcJson<ProcessMap>(['process-map', '--db', db]));
  });

  it('export refuses bad usage with exit 2 and an empty log with exit 1, leaving no file', () => {
    expect(ltc(['export', '--db', db, '--format', 'bpmn', '--out', join(out, 'x')]).code).toBe(2);
    expect(ltc(['export', '--db', db, '--format', 'csv']).code).toBe(2);
    const emptyDb = join(out, 'empty.duckdb');
    const file = join(out, 'empty.csv');
    const result = ltc(['export', '--db', emptyDb, '--format', 'csv', '--out', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/empty/);
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
  });

  it('conformance has nothing to check without LTC cases, and says so', () => {
    const result = ltcJson<{ log: string; checks: { id: string; n: number }[] }>(['conformance', '--db', db]);
    expect(result.log).toBe('ltc');
    expect(result.checks.map((c) => [c.id, c.n])).toEqual([['out_of_order', 0], ['skipped_steps', 0], ['rework', 0], ['late_payment', 0]]);
    expect(ltc(['conformance', '--db', db]).stdout).toMatch(/no LTC cases to check/);
    expect(ltc(['conformance', '--db', db, '--by', 'week']).code).toBe(2);
  });
});
