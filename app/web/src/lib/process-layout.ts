/**
 * The drawing of a process map: a top-to-bottom layered (Sugiyama) layout by dagre, with a Start
 * and an End node as Disco draws them. Dagre lays out the nodes and routes the edges with their
 * labels; self-loops, which dagre routes poorly, are left out of its graph and drawn here as a
 * small loop on the node's right, the node's slot widened so the loop and its label do not
 * overlap a neighbour. Edge weights grow with the count, so that the main flow runs straight and
 * cycles are broken at their rarest edge; start and end edges weigh nothing.
 */

import dagre from '@dagrejs/dagre';
import type { ActivityCount, EndpointCount, ProcessEdge } from './process.ts';
import type { VisibleMap } from './process-graph.ts';

export const START_NODE = '\u0000start';
export const END_NODE = '\u0000end';

/** Text width in pixels of `text` set in `font` (a CSS font shorthand). */
export type Measure = (text: string, font: string) => number;

export const NODE_FONT = '600 12.5px';
export const COUNT_FONT = '500 12px';
export const LABEL_FONT = '500 11.5px';
const NODE_LINE = 16;
const NODE_PAD_X = 14;
const NODE_PAD_Y = 9;
const NODE_MAX_TEXT = 176;
const NODE_MIN_WIDTH = 112;
const NODE_MAX_LINES = 3;
const ENDPOINT_SIZE = 30;
const LABEL_HEIGHT = 16;
const LOOP_REACH = 30;
const MARGIN = 8;

export interface Point {
  x: number;
  y: number;
}

export interface LaidNode {
  id: string;
  kind: 'activity' | 'start' | 'end';
  /** the activity (empty for Start and End) */
  name: string;
  /** events of the activity; for Start and End the cases starting / ending */
  count: number;
  /** the name broken into lines that fit the box */
  lines: string[];
  /** centre and size of the drawn box */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LaidEdge {
  id: string;
  kind: 'edge' | 'start' | 'end';
  from: string;
  to: string;
  count: number;
  median_seconds: number | null;
  mean_seconds: number | null;
  /** the SVG path of the line, ending where the arrowhead begins */
  path: string;
  /** the arrowhead's polygon */
  arrow: string;
  strokeWidth: number;
  label: string;
  /** the label's left end, vertically centred */
  labelX: number;
  labelY: number;
  selfLoop: boolean;
}

export interface MapLayout {
  /** the drawing's top-left corner (the SVG's viewBox starts there) */
  x: number;
  y: number;
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
}

/** Stroke width of an edge by its count: 1.25 to 8 px, by the square root of its share of the largest. */
export function edgeWidth(count: number, maxCount: number): number {
  return 1.25 + 6.75 * Math.sqrt(Math.max(0, count) / Math.max(1, maxCount));
}

/** Breaks `text` into at most `maxLines` lines of at most `maxWidth` px; the last one ends in … if cut. */
export function wrapText(text: string, maxWidth: number, measure: (t: string) => number, maxLines = NODE_MAX_LINES): string[] {
  // Latin text breaks at spaces, CJK text between any two characters.
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line && measure(next.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = next;
    }
    // A single word longer than the box is cut by characters.
    while (measure(line.trimEnd()) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut)) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && measure(`${last}…`) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the segment from the centre of `box` towards `toward` leaves the box. */
function boxExit(box: Box, toward: Point): Point {
  const dx = toward.x - box.x;
  const dy = toward.y - box.y;
  if (dx === 0 && dy === 0) return { x: box.x, y: box.y + box.height / 2 };
  const w = box.width / 2;
  const h = box.height / 2;
  const scale = Math.abs(dy) * w > Math.abs(dx) * h ? h / Math.abs(dy) : w / Math.abs(dx);
  return { x: box.x + dx * scale, y: box.y + dy * scale };
}

/** A B-spline through `points` as cubic Bézier segments (the curve of d3's curveBasis). */
export function basisPath(points: readonly Point[]): string {
  const f = (n: number) => Number(n.toFixed(1));
  if (points.length < 3) return points.map((p, i) => `${i ? 'L' : 'M'}${f(p.x)},${f(p.y)}`).join('');
  let d = `M${f(points[0].x)},${f(points[0].y)}`;
  let [x0, y0, x1, y1] = [points[0].x, points[0].y, points[1].x, points[1].y];
  d += `L${f((5 * x0 + x1) / 6)},${f((5 * y0 + y1) / 6)}`;
  const bezier = (x: number, y: number) => {
    d += `C${f((2 * x0 + x1) / 3)},${f((2 * y0 + y1) / 3)},${f((x0 + 2 * x1) / 3)},${f((y0 + 2 * y1) / 3)},${f((x0 + 4 * x1 + x) / 6)},${f((y0 + 4 * y1 + y) / 6)}`;
  };
  for (const p of points.slice(2)) {
    bezier(p.x, p.y);
    [x0, y0, x1, y1] = [x1, y1, p.x, p.y];
  }
  bezier(x1, y1);
  d += `L${f(x1)},${f(y1)}`;
  return d;
}

/** The arrowhead at `tip` pointing along `from`→`tip`, and the point where the line should stop. */
function arrowhead(from: Point, tip: Point, strokeWidth: number): { base: Point; polygon: string } {
  const length = 6 + strokeWidth * 1.1;
  const half = 3.2 + strokeWidth * 0.75;
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const norm = Math.hypot(dx, dy) || 1;
  const ux = dx / norm;
  const uy = dy / norm;
  const base = { x: tip.x - ux * length, y: tip.y - uy * length };
  const f = (n: number) => n.toFixed(1);
  const polygon = [
    `${f(tip.x)},${f(tip.y)}`,
    `${f(base.x - uy * half)},${f(base.y + ux * half)}`,
    `${f(base.x + uy * half)},${f(base.y - ux * half)}`,
  ].join(' ');
  return { base, polygon };
}

/**
 * A position of each activity along the flow: the weighted least-squares solution of "an edge
 * goes one step down" (start activities at step 0), by Gauss–Seidel. Edges pointing up this order
 * are the back edges of cycles (rework, loops); they are laid out reversed, so that the main flow
 * reads top to bottom however tangled the cycles are.
 */
export function flowPositions(map: VisibleMap): Map<string, number> {
  const position = new Map(map.activities.map((a) => [a.name, 0]));
  const startWeight = new Map(map.start.map((s) => [s.activity, s.count]));
  const links = new Map<string, { other: string; weight: number; step: number }[]>();
  const link = (name: string, entry: { other: string; weight: number; step: number }) => {
    if (!links.has(name)) links.set(name, []);
    links.get(name)!.push(entry);
  };
  for (const e of map.edges) {
    if (e.from === e.to || !position.has(e.from) || !position.has(e.to)) continue;
    link(e.to, { other: e.from, weight: e.count, step: 1 });
    link(e.from, { other: e.to, weight: e.count, step: -1 });
  }
  for (let round = 0; round < 300; round++) {
    let moved = 0;
    for (const name of position.keys()) {
      const anchor = (startWeight.get(name) ?? 0) + 1e-6;
      let sum = 0;
      let weight = anchor;
      for (const { other, weight: w, step } of links.get(name) ?? []) {
        sum += w * ((position.get(other) ?? 0) + step);
        weight += w;
      }
      const next = sum / weight;
      moved = Math.max(moved, Math.abs(next - (position.get(name) ?? 0)));
      position.set(name, next);
    }
    if (moved < 1e-4) break;
  }
  return position;
}

export interface LayoutInput {
  map: VisibleMap;
  /** the label drawn beside an edge */
  edgeLabel: (edge: { kind: LaidEdge['kind']; count: number; median_seconds: number | null }) => string;
  measure: Measure;
  /** an activity's name as drawn (the page's language); the node keeps the data's name */
  nodeLabel?: (name: string) => string;
  /** the largest count of the whole map, so that widths do not change with the sliders */
  maxEdgeCount: number;
}

/** Lays out the visible map; the drawing spans width × height from (x, y). */
export function layoutMap({ map, edgeLabel, measure, nodeLabel = (name) => name, maxEdgeCount }: LayoutInput): MapLayout {
  const g = new dagre.graphlib.Graph<Record<string, unknown>, { width: number; height: number; x?: number; y?: number }, Record<string, unknown>>({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 46, edgesep: 10, ranker: 'network-simplex' });

  const nodes: LaidNode[] = [];
  const boxes = new Map<string, LaidNode>();
  const measureNode = (t: string) => measure(t, NODE_FONT);

  const activityNode = (a: ActivityCount): LaidNode => {
    const lines = wrapText(nodeLabel(a.name), NODE_MAX_TEXT, measureNode);
    const textWidth = Math.max(...lines.map(measureNode), measure(String(a.count), COUNT_FONT));
    return {
      id: a.name, kind: 'activity', name: a.name, count: a.count, lines, x: 0, y: 0,
      width: Math.max(NODE_MIN_WIDTH, Math.ceil(textWidth) + 2 * NODE_PAD_X),
      height: NODE_PAD_Y * 2 + lines.length * NODE_LINE + NODE_LINE,
    };
  };
  for (const a of map.activities) nodes.push(activityNode(a));
  const endpointCount = (list: readonly EndpointCount[]) => list.reduce((sum, e) => sum + e.count, 0);
  if (map.start.length) nodes.push({ id: START_NODE, kind: 'start', name: '', count: endpointCount(map.start), lines: [], x: 0, y: 0, width: ENDPOINT_SIZE, height: ENDPOINT_SIZE });
  if (map.end.length) nodes.push({ id: END_NODE, kind: 'end', name: '', count: endpointCount(map.end), lines: [], x: 0, y: 0, width: ENDPOINT_SIZE, height: ENDPOINT_SIZE });

  interface Pending {
    edge: Omit<LaidEdge, 'path' | 'arrow' | 'labelX' | 'labelY'>;
    labelWidth: number;
  }
  const pending: Pending[] = [];
  const add = (kind: LaidEdge['kind'], from: string, to: string, count: number, median: number | null, mean: number | null) => {
    const label = edgeLabel({ kind, count, median_seconds: median });
    pending.push({
      edge: {
        id: `${kind}:${from}\u0000${to}`, kind, from, to, count, median_seconds: median, mean_seconds: mean, label,
        strokeWidth: edgeWidth(count, maxEdgeCount) * (kind === 'edge' ? 1 : 0.7), selfLoop: from === to,
      },
      labelWidth: Math.ceil(measure(label, LABEL_FONT)) + 6,
    });
  };
  for (const e of map.edges) add('edge', e.from, e.to, e.count, e.median_seconds, e.mean_seconds);
  for (const s of map.start) add('start', START_NODE, s.activity, s.count, null, null);
  for (const s of map.end) add('end', s.activity, END_NODE, s.count, null, null);

  // A node with a self-loop takes a wider slot; its box sits at the slot's left, the loop on the right.
  const loopOf = new Map(pending.filter((p) => p.edge.selfLoop).map((p) => [p.edge.from, p]));
  const reserveOf = new Map<string, number>();
  for (const node of nodes) {
    const loop = loopOf.get(node.id);
    const reserve = loop ? LOOP_REACH + 8 + loop.labelWidth : 0;
    reserveOf.set(node.id, reserve);
    g.setNode(node.id, { width: node.width + reserve, height: node.height });
    boxes.set(node.id, node);
  }
  const flow = flowPositions(map);
  const order = new Map(map.activities.map((a, i) => [a.name, i]));
  const upward = (from: string, to: string) => {
    const a = flow.get(from) ?? 0;
    const b = flow.get(to) ?? 0;
    return b < a || (b === a && (order.get(to) ?? 0) < (order.get(from) ?? 0));
  };
  const reversed = new Set<string>();
  for (const p of pending) {
    if (p.edge.selfLoop) continue;
    if (p.edge.kind === 'edge') {
      // Back edges are laid out reversed (drawn the right way round afterwards). Frequent edges
      // weigh more: the main flow runs short and straight, rare ones give way.
      const back = upward(p.edge.from, p.edge.to);
      if (back) reversed.add(p.edge.id);
      const [v, w] = back ? [p.edge.to, p.edge.from] : [p.edge.from, p.edge.to];
      g.setEdge(v, w, {
        width: p.labelWidth, height: LABEL_HEIGHT, labelpos: 'r', labeloffset: 6,
        weight: Math.max(1, Math.round((100 * p.edge.count) / Math.max(1, maxEdgeCount))), minlen: 1,
      }, p.edge.id);
    } else {
      // Start and end edges barely pull on the layout; their counts are written at the activity.
      g.setEdge(p.edge.from, p.edge.to, { weight: 1, minlen: 1 }, p.edge.id);
    }
  }
  dagre.layout(g);

  for (const node of nodes) {
    const laid = g.node(node.id);
    node.x = (laid.x ?? 0) - (reserveOf.get(node.id) ?? 0) / 2;
    node.y = laid.y ?? 0;
  }

  // dagre's own extent leaves out the bends of long edges: the drawing's bounds are taken here.
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const extend = (px: number, py: number) => {
    bounds.minX = Math.min(bounds.minX, px);
    bounds.maxX = Math.max(bounds.maxX, px);
    bounds.minY = Math.min(bounds.minY, py);
    bounds.maxY = Math.max(bounds.maxY, py);
  };
  const edges: LaidEdge[] = [];
  for (const { edge, labelWidth } of pending) {
    const from = boxes.get(edge.from)!;
    const to = boxes.get(edge.to)!;
    if (edge.selfLoop) {
      // Out of the right side near the top, round, and back in near the bottom.
      const right = from.x + from.width / 2;
      const top = { x: right, y: from.y - from.height * 0.22 };
      const bottom = { x: right, y: from.y + from.height * 0.22 };
      const reach = LOOP_REACH;
      const controls = [top, { x: right + reach, y: top.y - 8 }, { x: right + reach, y: bottom.y + 8 }, bottom];
      const { base, polygon } = arrowhead({ x: right + reach * 0.5, y: bottom.y + 4 }, bottom, edge.strokeWidth);
      const f = (n: number) => n.toFixed(1);
      const path = `M${f(top.x)},${f(top.y)}C${f(controls[1].x)},${f(controls[1].y)},${f(controls[2].x)},${f(controls[2].y)},${f(base.x)},${f(base.y)}`;
      const labelX = right + reach * 0.78 + 6;
      for (const p of controls) extend(p.x, p.y);
      extend(labelX + labelWidth, from.y);
      edges.push({ ...edge, path, arrow: polygon, labelX, labelY: from.y });
      continue;
    }
    const isReversed = reversed.has(edge.id);
    const [v, w] = isReversed ? [edge.to, edge.from] : [edge.from, edge.to];
    const laid = g.edge({ v, w, name: edge.id }) as { points?: Point[]; x?: number; y?: number };
    const points = [...(laid.points ?? [])];
    if (isReversed) points.reverse();
    // dagre ends the edges on the slots; end them on the drawn boxes instead.
    if (points.length >= 2) {
      points[0] = boxExit(from, points[1]);
      points[points.length - 1] = boxExit(to, points[points.length - 2]);
    } else {
      points.splice(0, points.length, boxExit(from, to), boxExit(to, from));
    }
    const tip = points[points.length - 1];
    const first = points[0];
    const { base, polygon } = arrowhead(points[points.length - 2], tip, edge.strokeWidth);
    points[points.length - 1] = base;
    const label =
      edge.kind === 'edge' ? { labelX: (laid.x ?? 0) - labelWidth / 2 + 3, labelY: laid.y ?? 0 }
      : edge.kind === 'start' ? { labelX: tip.x + 6, labelY: tip.y - 10 }
      : { labelX: first.x + 6, labelY: first.y + 10 };
    for (const p of points) extend(p.x, p.y);
    extend(tip.x, tip.y);
    extend(label.labelX, label.labelY - LABEL_HEIGHT / 2);
    extend(label.labelX + labelWidth, label.labelY + LABEL_HEIGHT / 2);
    edges.push({ ...edge, path: basisPath(points), arrow: polygon, ...label });
  }

  for (const node of nodes) {
    extend(node.x - node.width / 2, node.y - node.height / 2);
    extend(node.x + node.width / 2 + (reserveOf.get(node.id) ?? 0), node.y + node.height / 2);
    // Start writes its name to the right, End below.
    if (node.kind === 'start') extend(node.x + node.width / 2 + 44, node.y);
    if (node.kind === 'end') extend(node.x, node.y + node.height / 2 + 20);
  }
  const x = Math.floor(bounds.minX - MARGIN);
  const y = Math.floor(bounds.minY - MARGIN);
  return { x, y, width: Math.ceil(bounds.maxX + MARGIN) - x, height: Math.ceil(bounds.maxY + MARGIN) - y, nodes, edges };
}
