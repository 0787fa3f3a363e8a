import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { caseDurations, processMap, type ProcessMap } from '../../models/process-map.ts';
import { variants, type VariantsResult } from '../../models/variants.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { workspace } from '../helpers/workspace.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const RUNNING_CSV = 'eventlogs/running-example.csv';
const RUNNING_PM4PY = 'eventlogs/running-example.pm4py.json';

interface Stats { mean: number; median?: number }
interface Pm4py {
  n_cases: number;
  n_events: number;
  n_activities: number;
  activity_counts: Record<string, number>;
  n_dfg_arcs: number;
  dfg: [string, string, number][];
  start_activities: Record<string, number>;
  end_activities: Record<string, number>;
  performance_dfg: [string, string, Stats][];
  performance_dfg_mean: [string, string, number][];
  n_variants: number;
  variants_top5: [string[], number][];
  case_durations: { count: number; median: number; mean: number; min: number; max: number; sum: number; sorted_all: number[] };
}

describe('process map of running-example equals pm4py', needsShared('pm4py oracle', [RUNNING_CSV, RUNNING_PM4PY]), () => {
  let db: Database;
  let expected: Pm4py;
  let map: ProcessMap;
  let all: VariantsResult;

  beforeAll(async () => {
    expected = JSON.parse(readFileSync(fixture(RUNNING_PM4PY), 'utf8')) as Pm4py;
    db = await openWorkspace(':memory:');
    const { files } = await importAndRebuild(db, [{ path: fixture(RUNNING_CSV), name: 'running-example.csv' }]);
    expect(files.map((f) => [f.kind, f.error ?? null])).toEqual([['events', null]]);
    map = await processMap(db);
    all = await variants(db);
  });
  afterAll(() => db?.close());

  const edge = (from: string, to: string) => map.edges.find((e) => e.from === from && e.to === to);

  it('counts cases, events and activities', () => {
    expect(map.cases).toBe(expected.n_cases);
    expect(map.events).toBe(expected.n_events);
    expect(map.activities).toHaveLength(expected.n_activities);
    expect(Object.fromEntries(map.activities.map((a) => [a.name, a.count]))).toEqual(expected.activity_counts);
  });

  it('has every directly-follows arc with its count (discover_dfg)', () => {
    expect(map.edges).toHaveLength(expected.n_dfg_arcs);
    expect(map.edges.map((e) => [e.from, e.to, e.count]).sort()).toEqual([...expected.dfg].sort());
  });

  it('has the mean and median seconds of every arc (discover_performance_dfg)', () => {
    for (const [from, to, mean] of expected.performance_dfg_mean) expect(edge(from, to)!.mean_seconds).toBeCloseTo(mean, 6);
    expect(expected.performance_dfg).toHaveLength(expected.n_dfg_arcs);
    for (const [from, to, stats] of expected.performance_dfg) {
      expect(edge(from, to)!.mean_seconds).toBeCloseTo(stats.mean, 6);
      if (stats.median !== undefined) expect(edge(from, to)!.median_seconds).toBeCloseTo(stats.median, 6);
    }
  });

  it('has the start and end activities', () => {
    expect(Object.fromEntries(map.start.map((s) => [s.activity, s.count]))).toEqual(expected.start_activities);
    expect(Object.fromEntries(map.end.map((s) => [s.activity, s.count]))).toEqual(expected.end_activities);
  });

  it('has the variants in pm4py order (count desc, then lexicographic)', async () => {
    expect(all.variants).toHaveLength(expected.n_variants);
    const top5 = await variants(db, { top: 5 });
    expect(top5.variants.map((v) => [v.activities, v.count])).toEqual(expected.variants_top5);
    expect(all.variants.reduce((n, v) => n + v.count, 0)).toBe(expected.n_cases);
  });

  it('has the case durations (get_all_case_durations)', async () => {
    const durations = await caseDurations(db);
    const seconds = durations.map((d) => d.seconds);
    const d = expected.case_durations;
    expect(seconds).toHaveLength(d.count);
    seconds.forEach((s, i) => expect(s).toBeCloseTo(d.sorted_all[i], 6));
    expect(Math.min(...seconds)).toBeCloseTo(d.min, 6);
    expect(Math.max(...seconds)).toBeCloseTo(d.max, 6);
    expect(seconds.reduce((a, b) => a + b, 0)).toBeCloseTo(d.sum, 6);
    expect(seconds.reduce((a, b) => a + b, 0) / seconds.length).toBeCloseTo(d.mean, 6);
    const mid = seconds.length / 2;
    const median = seconds.length % 2 ? seconds[Math.floor(mid)] : (seconds[mid - 1] + seconds[mid]) / 2;
    expect(median).toBeCloseTo(d.median, 6);
    // Each variant's durations are those of its cases (every variant here has one case).
    const variantSeconds = all.variants.map((v) => v.mean_seconds).sort((a, b) => a - b);
    variantSeconds.forEach((s, i) => expect(s).toBeCloseTo(d.sorted_all[i], 6));
    for (const v of all.variants) expect(v.median_seconds).toBeCloseTo(v.mean_seconds, 6);
  });
});

/**
 * A hand-computed log (UTC):
 * A: x 10:00, y 10:00 (tie: file order), z 10:05.
 * B: listed out of order in the file: z 11:00, x 10:00, y 10:30 → x, y, z.
 * C: a single event x 09:00 — start and end x, no edge, duration 0.
 * D: y 12:00, x 12:00 (tie: file order) → y, x.
 * E: x 10:00, y 11:40.
 * x→y: A 0, B 1800, E 6000 → count 3, mean 2600, median 1800. y→z: A 300, B 1800 → mean = median 1050.
 * y→x: D 0.
 */
const TINY = {
  'events.csv': `case_id,activity,timestamp
A,x,2025-01-01 10:00:00
A,y,2025-01-01 10:00:00
A,z,2025-01-01 10:05:00
B,z,2025-01-01 11:00:00
B,x,2025-01-01 10:00:00
B,y,2025-01-01 10:30:00
C,x,2025-01-01 09:00:00
D,y,2025-01-01 12:00:00
D,x,2025-01-01 12:00:00
E,x,2025-01-01 10:00:00
E,y,2025-01-01 11:40:00
`,
};

describe('process map of a hand-computed log', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await workspace(TINY));
  });
  afterAll(() => db?.close());

  it('orders by timestamp, breaks ties by file order and keeps single-event cases', async () => {
    expect(await processMap(db)).toEqual({
      log: 'events',
      filters_ignored: [],
      cases: 5,
      events: 11,
      activities: [{ name: 'x', count: 5 }, { name: 'y', count: 4 }, { name: 'z', count: 2 }],
      edges: [
        { from: 'x', to: 'y', count: 3, mean_seconds: 2600, median_seconds: 1800 },
        { from: 'y', to: 'z', count: 2, mean_seconds: 1050, median_seconds: 1050 },
        { from: 'y', to: 'x', count: 1, mean_seconds: 0, median_seconds: 0 },
      ],
      start: [{ activity: 'x', count: 4 }, { activity: 'y', count: 1 }],
      end: [{ activity: 'x', count: 2 }, { activity: 'z', count: 2 }, { activity: 'y', count: 1 }],
    });
  });

  it('lists variants by count, then lexicographically, with their durations', async () => {
    expect(await variants(db)).toEqual({
      log: 'events',
      filters_ignored: [],
      cases: 5,
      variants: [
        { activities: ['x', 'y', 'z'], count: 2, mean_seconds: 1950, median_seconds: 1950 },
        { activities: ['x'], count: 1, mean_seconds: 0, median_seconds: 0 },
        { activities: ['x', 'y'], count: 1, mean_seconds: 6000, median_seconds: 6000 },
        { activities: ['y', 'x'], count: 1, mean_seconds: 0, median_seconds: 0 },
      ],
    });
    expect((await variants(db, { top: 1 })).variants.map((v) => v.activities)).toEqual([['x', 'y', 'z']]);
    expect((await variants(db, { top: 0 })).variants).toEqual([]);
  });

  it('gives each case its duration', async () => {
    expect(await caseDurations(db)).toEqual([
      { case_id: 'C', seconds: 0 }, { case_id: 'D', seconds: 0 }, { case_id: 'A', seconds: 300 },
      { case_id: 'B', seconds: 3600 }, { case_id: 'E', seconds: 6000 },
    ]);
  });

  it('is empty without events', async () => {
    const empty = await openWorkspace(':memory:');
    try {
      const { files } = await importAndRebuild(empty, []);
      expect(files).toEqual([]);
      expect(await processMap(empty)).toEqual({ log: 'ltc', filters_ignored: [], cases: 0, events: 0, activities: [], edges: [], start: [], end: [] });
      expect(await variants(empty)).toEqual({ log: 'ltc', filters_ignored: [], cases: 0, variants: [] });
    } finally {
      empty.close();
    }
  });
});
