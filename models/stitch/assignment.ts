/**
 * One-to-one links from scored candidate pairs (docs/linking.md#links-by-matching): the assignment
 * of greatest total weight (Hungarian method, per connected group of candidates), not the greedy
 * first match; and each chosen pair's confidence against its competitors.
 */

export interface Candidate {
  readonly from: string;
  readonly to: string;
  /** sum of log likelihood ratios; only pairs of positive weight can be chosen */
  readonly weight: number;
}

/** A candidate pair chosen for the assignment. */
export interface Assigned extends Candidate {
  readonly confidence: number;
  /** another candidate of the same record is nearly as likely: left for review */
  readonly ambiguous: boolean;
}

/**
 * Prior odds against a candidate before any evidence: one in `NO_MATCH_ODDS + 1` candidate pairs of
 * a block is a true link when the block holds nothing else (the partner may not be loaded at all).
 */
export const NO_MATCH_ODDS = 20;
/** A competitor within this factor of likelihood makes a pair ambiguous. */
export const AMBIGUOUS_RATIO = 4;
/** An ambiguous pair's confidence never reaches the auto-accept range. */
export const AMBIGUOUS_CAP = 0.75;

/**
 * Rows × columns weight matrix → the column of each row (or -1) maximising the total weight of the
 * chosen cells, each column used once; cells of weight ≤ 0 are never chosen.
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0].length;
  // Square the problem: each row may also take a "nothing" column of weight 0.
  const n = rows + cols;
  const cost = (i: number, j: number) => {
    if (i < rows && j < cols) return -Math.max(weights[i][j], 0);
    return 0;
  };
  // Kuhn–Munkres with potentials (1-indexed), O(n³).
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const result = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j] - 1;
    if (i >= 0 && i < rows && j - 1 < cols && weights[i][j - 1] > 0) result[i] = j - 1;
  }
  return result;
}

/** Candidates a record may be assigned to: its best few by weight (the others still compete in its confidence). */
export const CANDIDATES_PER_RECORD = 8;
/** Records (both sides) past which a group is matched greedily: the exact method takes O(n³). */
export const EXACT_GROUP_LIMIT = 600;

/** The pairs among the best CANDIDATES_PER_RECORD of their `from` or of their `to` record. */
function strongest(candidates: readonly Candidate[]): Candidate[] {
  const rank = new Map<Candidate, number>();
  for (const side of ['from', 'to'] as const) {
    const bySide = new Map<string, Candidate[]>();
    for (const c of candidates) {
      if (!bySide.has(c[side])) bySide.set(c[side], []);
      bySide.get(c[side])!.push(c);
    }
    for (const list of bySide.values()) {
      list.sort((x, y) => y.weight - x.weight || x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
      list.forEach((c, i) => rank.set(c, Math.min(i, rank.get(c) ?? Infinity)));
    }
  }
  return candidates.filter((c) => rank.get(c)! < CANDIDATES_PER_RECORD);
}

/** Heaviest pair first, each record once: within half of the best total, in O(m log m) for m pairs. */
function greedyPairs(group: readonly Candidate[]): Candidate[] {
  const sorted = [...group].sort((a, b) => b.weight - a.weight || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
    usedFrom.add(c.from);
    usedTo.add(c.to);
    chosen.push(c);
  }
  return chosen;
}

/** The pairs of greatest total weight: exact (Hungarian) for a group of up to EXACT_GROUP_LIMIT records, else greedy. */
function bestPairs(group: readonly Candidate[]): Candidate[] {
  const froms = [...new Set(group.map((c) => c.from))].sort();
  const tos = [...new Set(group.map((c) => c.to))].sort();
  if (froms.length + tos.length > EXACT_GROUP_LIMIT) return greedyPairs(group);
  const row = new Map(froms.map((f, i) => [f, i]));
  const col = new Map(tos.map((t, j) => [t, j]));
  const weights = froms.map(() => new Array<number>(tos.length).fill(-Infinity));
  const byCell = new Map<string, Candidate>();
  for (const c of group) {
    weights[row.get(c.from)!][col.get(c.to)!] = c.weight;
    byCell.set(`${c.from}\u0000${c.to}`, c);
  }
  return maxWeightAssignment(weights).flatMap((j, i) => (j < 0 ? [] : [byCell.get(`${froms[i]}\u0000${tos[j]}`)!]));
}

/** Connected groups of candidates (records joined by any candidate pair). */
function groups(candidates: readonly Candidate[]): Candidate[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const c of candidates) {
    for (const key of [`f:${c.from}`, `t:${c.to}`]) if (!parent.has(key)) parent.set(key, key);
    parent.set(find(`f:${c.from}`), find(`t:${c.to}`));
  }
  const byRoot = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const root = find(`f:${c.from}`);
    if (!byRoot.has(root)) byRoot.set(root, []);
    byRoot.get(root)!.push(c);
  }
  return [...byRoot.values()];
}

/**
 * The chosen pairs. Confidence: the pair's likelihood against all candidates of the same `from`
 * record and, separately, of the same `to` record, each with the odds that the partner is not loaded
 * (`NO_MATCH_ODDS`); the smaller of the two. Ambiguous: a competitor within `AMBIGUOUS_RATIO`.
 */
export function assignLinks(candidates: readonly Candidate[]): Assigned[] {
  const out: Assigned[] = [];
  const byFrom = new Map<string, Candidate[]>();
  const byTo = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!byFrom.has(c.from)) byFrom.set(c.from, []);
    if (!byTo.has(c.to)) byTo.set(c.to, []);
    byFrom.get(c.from)!.push(c);
    byTo.get(c.to)!.push(c);
  }
  // Pairs of weight ≤ 0 are never chosen: they only compete, in the confidence of the others.
  // Each record is matched among its strongest candidates; every candidate still competes in the confidence.
  for (const group of groups(strongest(candidates.filter((c) => c.weight > 0)))) {
    for (const { from, to, weight } of bestPairs(group)) {
      const posterior = (competitors: Candidate[]) =>
        1 / (1 + (NO_MATCH_ODDS + competitors.reduce((s, c) => s + Math.exp(c.weight), 0) - Math.exp(weight)) / Math.exp(weight));
      const rivals = [...byFrom.get(from)!, ...byTo.get(to)!].filter((c) => !(c.from === from && c.to === to));
      const ambiguous = rivals.some((c) => c.weight > weight - Math.log(AMBIGUOUS_RATIO));
      const confidence = Math.min(posterior(byFrom.get(from)!), posterior(byTo.get(to)!));
      out.push({ from, to, weight, ambiguous, confidence: ambiguous ? Math.min(confidence, AMBIGUOUS_CAP) : confidence });
    }
  }
  return out;
}
