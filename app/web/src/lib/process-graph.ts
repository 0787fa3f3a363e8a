/**
 * Which part of a process map is drawn, as Disco's two sliders decide it: "Activities" keeps the
 * most frequent k% of the activities (at least one), "Paths" keeps the most frequent p% of the
 * edges among them — and, so that the graph stays connected, each kept activity's strongest
 * incoming and strongest outgoing edge whatever p is. Start and end edges (from the Start node to
 * a start activity, from an end activity to the End node) compete with the other edges.
 */

import type { ActivityCount, EndpointCount, ProcessEdge, ProcessMapResponse } from './process.ts';

/** A map with more activities than this opens with the Activities slider lowered. */
export const READABLE_ACTIVITIES = 30;
/** …to about this many activities. */
const DEFAULT_SHOWN_ACTIVITIES = 20;
/** A map with more edges among the shown activities than this opens with the Paths slider lowered. */
const READABLE_EDGES = 40;

/** The slider positions, as percents. */
export interface MapSliders {
  activities: number;
  paths: number;
}

/** The part of the map that is drawn. */
export interface VisibleMap {
  activities: ActivityCount[];
  edges: ProcessEdge[];
  start: EndpointCount[];
  end: EndpointCount[];
}

/** The Activities slider's default: 100% up to 30 activities, else about 20 of them. */
export function defaultActivitiesPercent(activityCount: number): number {
  if (activityCount <= READABLE_ACTIVITIES) return 100;
  return Math.max(1, Math.floor((DEFAULT_SHOWN_ACTIVITIES / activityCount) * 100));
}

/** The Paths slider's default for the activities kept: 100% unless that draws a thicket of edges. */
export function defaultPathsPercent(map: ProcessMapResponse, activitiesPercent: number): number {
  const kept = new Set(keptActivities(map.activities, activitiesPercent).map((a) => a.name));
  const edges = map.edges.filter((e) => kept.has(e.from) && kept.has(e.to)).length;
  if (edges <= READABLE_EDGES) return 100;
  return Math.max(10, Math.floor((READABLE_EDGES / edges) * 100));
}

/** A percent parameter (whole number from `min` to 100), or undefined when absent or malformed. */
export function percentParam(params: URLSearchParams, key: string, min: number): number | undefined {
  const value = params.get(key);
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= 100 ? n : undefined;
}

/** The slider positions of the query string (`activities=`, `paths=`), else the defaults for `map`. */
export function mapSliders(params: URLSearchParams, map: ProcessMapResponse): MapSliders {
  const activities = percentParam(params, 'activities', 1) ?? defaultActivitiesPercent(map.activities.length);
  const paths = percentParam(params, 'paths', 0) ?? defaultPathsPercent(map, activities);
  return { activities, paths };
}

/** How many of `total` items `percent` keeps, rounding up; at least `min`. */
function share(total: number, percent: number, min: number): number {
  return Math.min(total, Math.max(min, Math.ceil((total * percent) / 100 - 1e-9)));
}

/** The most frequent `percent`% of the activities (at least one), most frequent first. */
export function keptActivities(activities: readonly ActivityCount[], percent: number): ActivityCount[] {
  const ranked = activities.map((a, i) => ({ a, i })).sort((x, y) => y.a.count - x.a.count || x.i - y.i);
  return ranked.slice(0, share(ranked.length, percent, 1)).map(({ a }) => a);
}

type Candidate =
  | { kind: 'edge'; edge: ProcessEdge; from: string; to: string; count: number; order: number }
  | { kind: 'start' | 'end'; endpoint: EndpointCount; from: string; to: string; count: number; order: number };

const START = '\u0000start';
const END = '\u0000end';

/** The part of `map` the sliders keep; at 100/100 everything. */
export function visibleMap(map: ProcessMapResponse, sliders: MapSliders): VisibleMap {
  const activities = keptActivities(map.activities, sliders.activities);
  const kept = new Set(activities.map((a) => a.name));
  const candidates: Candidate[] = [];
  for (const edge of map.edges) {
    if (kept.has(edge.from) && kept.has(edge.to)) {
      candidates.push({ kind: 'edge', edge, from: edge.from, to: edge.to, count: edge.count, order: candidates.length });
    }
  }
  for (const endpoint of map.start) {
    if (kept.has(endpoint.activity)) {
      candidates.push({ kind: 'start', endpoint, from: START, to: endpoint.activity, count: endpoint.count, order: candidates.length });
    }
  }
  for (const endpoint of map.end) {
    if (kept.has(endpoint.activity)) {
      candidates.push({ kind: 'end', endpoint, from: endpoint.activity, to: END, count: endpoint.count, order: candidates.length });
    }
  }

  const ranked = [...candidates].sort((x, y) => y.count - x.count || x.order - y.order);
  const chosen = new Set<Candidate>(sliders.paths > 0 ? ranked.slice(0, share(ranked.length, sliders.paths, 0)) : []);
  // Connectedness: every kept activity keeps its strongest way in and its strongest way out.
  const strongestIn = new Map<string, Candidate>();
  const strongestOut = new Map<string, Candidate>();
  for (const c of ranked) {
    if (c.from === c.to) continue;
    if (!strongestIn.has(c.to)) strongestIn.set(c.to, c);
    if (!strongestOut.has(c.from)) strongestOut.set(c.from, c);
  }
  for (const name of kept) {
    const inbound = strongestIn.get(name);
    const outbound = strongestOut.get(name);
    if (inbound) chosen.add(inbound);
    if (outbound) chosen.add(outbound);
  }

  const inOrder = candidates.filter((c) => chosen.has(c));
  return {
    activities,
    edges: inOrder.flatMap((c) => (c.kind === 'edge' ? [c.edge] : [])),
    start: inOrder.flatMap((c) => (c.kind === 'start' ? [c.endpoint] : [])),
    end: inOrder.flatMap((c) => (c.kind === 'end' ? [c.endpoint] : [])),
  };
}
