/**
 * The process map's Activities and Paths sliders (app/web/src/lib/process-graph.ts), input → output
 * on a small hand-made map: what stays at 100/100, which activities go first, and that every kept
 * activity keeps its strongest way in and out however low Paths is.
 */
import { describe, expect, it } from 'vitest';
import { defaultActivitiesPercent, defaultPathsPercent, mapSliders, visibleMap } from '../../app/web/src/lib/process-graph.ts';
import type { ProcessMapResponse } from '../../app/web/src/lib/process.ts';

const edge = (from: string, to: string, count: number) => ({ from, to, count, mean_seconds: 60, median_seconds: 60 });

// A → B → C → D with a rework loop on B, a shortcut A → C and a rare detour C → E → D.
const MAP: ProcessMapResponse = {
  log: 'events',
  filters_ignored: [],
  cases: 10,
  events: 40,
  activities: [
    { name: 'A', count: 10 },
    { name: 'B', count: 9 },
    { name: 'C', count: 10 },
    { name: 'D', count: 10 },
    { name: 'E', count: 1 },
  ],
  edges: [
    edge('A', 'B', 7),
    edge('B', 'B', 2),
    edge('B', 'C', 7),
    edge('A', 'C', 3),
    edge('C', 'D', 9),
    edge('C', 'E', 1),
    edge('E', 'D', 1),
  ],
  start: [{ activity: 'A', count: 10 }],
  end: [{ activity: 'D', count: 10 }],
};

const names = (items: { name: string }[]) => items.map((a) => a.name).sort();
const pairs = (edges: { from: string; to: string }[]) => edges.map((e) => `${e.from}→${e.to}`).sort();

describe('process map sliders', () => {
  it('keeps everything at 100% activities and 100% paths', () => {
    const shown = visibleMap(MAP, { activities: 100, paths: 100 });
    expect(names(shown.activities)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(pairs(shown.edges)).toEqual(pairs(MAP.edges));
    expect(shown.start).toEqual(MAP.start);
    expect(shown.end).toEqual(MAP.end);
  });

  it('drops the rarest activities first and the edges that touch them', () => {
    const shown = visibleMap(MAP, { activities: 80, paths: 100 });
    expect(names(shown.activities)).toEqual(['A', 'B', 'C', 'D']);
    expect(pairs(shown.edges)).toEqual(['A→B', 'A→C', 'B→B', 'B→C', 'C→D']);
    // Never fewer than one activity.
    expect(names(visibleMap(MAP, { activities: 1, paths: 100 }).activities)).toHaveLength(1);
  });

  it('keeps each activity’s strongest way in and out at 0% paths', () => {
    const shown = visibleMap(MAP, { activities: 100, paths: 0 });
    expect(pairs(shown.edges)).toEqual(['A→B', 'B→C', 'C→D', 'C→E', 'E→D']);
    expect(shown.start.map((s) => s.activity)).toEqual(['A']);
    expect(shown.end.map((s) => s.activity)).toEqual(['D']);
  });

  it('adds the most frequent paths as the slider rises', () => {
    // Among A–D, 7 candidates (5 edges, a start and an end edge): 60% keeps the 5 most frequent,
    // 80% the 6 most frequent, which adds the shortcut A → C but not yet the rework loop on B.
    expect(pairs(visibleMap(MAP, { activities: 80, paths: 60 }).edges)).toEqual(['A→B', 'B→C', 'C→D']);
    expect(pairs(visibleMap(MAP, { activities: 80, paths: 80 }).edges)).toEqual(['A→B', 'A→C', 'B→C', 'C→D']);
  });

  it('opens large maps with the sliders lowered', () => {
    expect(defaultActivitiesPercent(14)).toBe(100);
    expect(defaultActivitiesPercent(30)).toBe(100);
    expect(defaultActivitiesPercent(80)).toBe(25);
    expect(defaultPathsPercent(MAP, 100)).toBe(100);
    expect(mapSliders(new URLSearchParams('activities=40&paths=0'), MAP)).toEqual({ activities: 40, paths: 0 });
    expect(mapSliders(new URLSearchParams('activities=0&paths=abc'), MAP)).toEqual({ activities: 100, paths: 100 });
  });
});
