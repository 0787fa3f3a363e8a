import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LogOverview } from '../../models/log-overview.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { writeBundle } from '../helpers/workspace.ts';

const at = (hours: number) => new Date(Date.UTC(2025, 0, 1) + hours * 3_600_000).toISOString().replace('.000', '');

/**
 * C1–C20: a, b after 1 h, c after 2 h more (3 h). R1–R4: a, b after 1 h, b again after 30 min, c after
 * 10 h more (11.5 h, rework). S: a, d after 5 days (one case).
 */
function handLog(): string {
  const rows = ['case_id,activity,timestamp'];
  for (let i = 1; i <= 20; i++) rows.push(`C${i},a,${at(0)}`, `C${i},b,${at(1)}`, `C${i},c,${at(3)}`);
  for (let i = 1; i <= 4; i++) rows.push(`R${i},a,${at(0)}`, `R${i},b,${at(1)}`, `R${i},b,${at(1.5)}`, `R${i},c,${at(11.5)}`);
  rows.push(`S,a,${at(0)}`, `S,d,${at(120)}`);
  return `${rows.join('\n')}\n`;
}

describe('ltc log-overview', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'ltc-log-overview-')), 'ws.duckdb');
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...writeBundle({ 'events.csv': handLog() }).paths]);
  });

  it('sums up the log: cases, events, throughput, variants, rework, the slowest transition with enough cases', () => {
    const o = ltcJson<LogOverview>(['log-overview', '--db', db]);
    // Durations: 20 × 3 h, 4 × 11.5 h, 1 × 120 h. Median: the 13th of 25 = 3 h; p90: position 21.6
    // of 0…24 falls among the 11.5 h; mean (20·3 + 4·11.5 + 120) / 25 h.
    expect(o).toMatchObject({
      log: 'events', cases: 25, events: 20 * 3 + 4 * 4 + 2, activities: 4, thin_below: 20,
      first_event_at: '2025-01-01T00:00:00', last_event_at: '2025-01-06T00:00:00',
      throughput: { n: 25, median_seconds: 3 * 3600, p90_seconds: 11.5 * 3600 },
      // a-b-c 20 cases (80%: the top variant alone covers 80%), a-b-b-c 4, a-d 1.
      variants: { count: 3, top_cases: 20, top_share: 0.8, for_80_percent: 1 },
      rework: { cases: 4, share: 4 / 25 },
    });
    expect(o.throughput.mean_seconds).toBeCloseTo(((20 * 3 + 4 * 11.5 + 120) / 25) * 3600, 6);
    // b → c: 20 × 2 h and 4 × 10 h, median 2 h over 24; a → d (5 days) is followed once: thin, passed over.
    expect(o.slowest_transition).toEqual({ from: 'b', to: 'c', count: 24, median_seconds: 7200, mean_seconds: (20 * 7200 + 4 * 36000) / 24, thin: false });
  });

  it('prints it readably, each figure with its n', () => {
    const text = ltc(['log-overview', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('log events: 25 cases · 78 events · 4 activities');
    expect(text.stdout).toContain('throughput time (n = 25 cases): median 3.0h');
    expect(text.stdout).toContain('variants: 3; the 1 most frequent cover 80% of cases; the top one 80.0% (20 cases)');
    expect(text.stdout).toContain('rework: 4 cases (16.0%) repeat an activity');
    expect(text.stdout).toContain('slowest transition: b → c, median 2.0h (n = 24)');
  });

  it('says what to import on a workspace without events, and refuses an unknown log', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'ltc-log-overview-empty-')), 'ws.duckdb');
    expect(ltc(['log-overview', '--db', empty]).stdout).toMatch(/no events loaded: import an event log/);
    expect(ltcJson<LogOverview>(['log-overview', '--db', empty])).toMatchObject({ cases: 0, events: 0, slowest_transition: null, rework: { share: null } });
    expect(ltc(['log-overview', '--db', db, '--log', 'nonsense']).code).toBe(2);
  });
});

interface Pm4py {
  n_cases: number;
  n_events: number;
  n_activities: number;
  n_variants: number;
  dfg: [string, string, number][];
  performance_dfg: [string, string, { median: number }][];
  case_durations: { median: number; mean: number; sorted_all: number[] };
}

describe('ltc log-overview on pm4py’s running example', needsShared('log overview vs pm4py', ['eventlogs/running-example.xes']), () => {
  it('equals pm4py’s counts, case durations and performance DFG', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ltc-log-overview-re-')), 'ws.duckdb');
    ltcJson(['ingest', '--db', db, fixture('eventlogs/running-example.xes')]);
    const o = ltcJson<LogOverview>(['log-overview', '--db', db]);
    const pm = JSON.parse(readFileSync(fixture('eventlogs/running-example.pm4py.json'), 'utf8')) as Pm4py;
    expect(o).toMatchObject({ cases: pm.n_cases, events: pm.n_events, activities: pm.n_activities });
    expect(o.throughput.median_seconds).toBe(pm.case_durations.median);
    expect(o.throughput.mean_seconds).toBeCloseTo(pm.case_durations.mean, 6);
    // p90 by linear interpolation (numpy's default) over pm4py's sorted durations.
    const sorted = pm.case_durations.sorted_all;
    const position = 0.9 * (sorted.length - 1);
    const low = Math.floor(position);
    expect(o.throughput.p90_seconds).toBeCloseTo(sorted[low] + (position - low) * (sorted[low + 1] - sorted[low]), 6);
    // Six cases, six variants: each one case; five of them are needed for 80%.
    expect(pm.n_variants).toBe(pm.n_cases);
    expect(o.variants).toEqual({ count: pm.n_variants, top_cases: 1, top_share: 1 / 6, for_80_percent: 5 });
    // The slowest edge by pm4py's median; every edge is followed by fewer than 20 cases: thin.
    const [from, to, { median }] = [...pm.performance_dfg].sort((a, b) => b[2].median - a[2].median)[0];
    const count = pm.dfg.find(([a, b]) => a === from && b === to)![2];
    expect(o.slowest_transition).toMatchObject({ from, to, median_seconds: median, count, thin: true });
  });

  it('counts rework as the cases repeating an activity, read from the CSV twin by hand', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'ltc-log-overview-rw-')), 'ws.duckdb');
    ltcJson(['ingest', '--db', db, fixture('eventlogs/running-example.xes')]);
    const lines = readFileSync(fixture('eventlogs/running-example.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const byCase = new Map<string, string[]>();
    for (const cells of lines) byCase.set(cells[7], [...(byCase.get(cells[7]) ?? []), cells[1]]);
    const repeating = [...byCase.values()].filter((acts) => new Set(acts).size < acts.length).length;
    expect(repeating).toBeGreaterThan(0);
    expect(ltcJson<LogOverview>(['log-overview', '--db', db]).rework).toEqual({ cases: repeating, share: repeating / byCase.size });
  });
});
