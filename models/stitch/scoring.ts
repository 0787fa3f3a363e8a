/**
 * The evidence a pair of records shares and what it is worth (docs/linking.md#links-by-matching).
 *
 * A Fellegi–Sunter model: each kind of evidence falls into one level (names the same, amounts equal
 * after 13% tax, 4 days apart …), and each level has a likelihood ratio m/u — how often true links
 * show it (m) against how often two unrelated records of the same block do (u). The pair's weight
 * is the sum of the log ratios; evidence that is missing on either side counts 1 (weight 0).
 * Confidence comes from the weights of all competing candidates (assignment.ts).
 */
import { compareNames } from './normalise.ts';

export type Evidence =
  | { kind: 'name'; from: string; to: string; score: number; rule: string }
  | { kind: 'amount'; from: number; to: number; rule: string }
  | { kind: 'date'; days: number }
  | { kind: 'reference'; field: string; value: string; names: string };

/** One side of a candidate pair as the blocking SQL returns it. */
export interface PairSide {
  readonly id: string;
  readonly name: string | null;
  readonly amount: number | null;
  /** ISO moment: an opportunity's close (or creation), an order's creation, an invoice's issue */
  readonly at: string;
  /** the record's extra source columns, JSON text */
  readonly attributes: string | null;
}

/** Likelihood ratios m/u per level. */
const NAME_LR = { same: 0.85 / 0.02, prefix: 0.1 / 0.03, similar: 0.03 / 0.05, different: 0.02 / 0.9 } as const;
const AMOUNT_LR = { equal: 0.6 / 0.01, tax: 0.3 / 0.01, near: 0.08 / 0.05, different: 0.04 / 0.92 } as const;
const REFERENCE_LR = 0.3 / 0.001;

/** VAT and sales-tax rates an ERP amount may carry over a CRM amount (China 6/9/13%, EU 19–25% …). */
export const TAX_RATES = [0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.13, 0.15, 0.16, 0.17, 0.19, 0.2, 0.21, 0.22, 0.25];

/** Date levels by days from the earlier record to the later one: [from, to] inclusive, likelihood ratio. */
export type DateProfile = readonly (readonly [number, number, number])[];

/** An order follows its opportunity's close within days; a week before is a close recorded late. */
export const ORDER_AFTER_CLOSE: DateProfile = [[-14, -1, 0.04 / 0.1], [0, 7, 0.7 / 0.1], [8, 30, 0.22 / 0.3], [31, 120, 0.04 / 0.5]];
/** An invoice follows its order within weeks (after delivery); before the order only by a few days. */
export const INVOICE_AFTER_ORDER: DateProfile = [[-7, -1, 0.03 / 0.1], [0, 14, 0.6 / 0.2], [15, 45, 0.3 / 0.3], [46, 120, 0.07 / 0.4]];

const tolerance = (amount: number) => Math.max(0.01, Math.abs(amount) * 0.005);

function amountEvidence(from: number, to: number): { evidence: Evidence; lr: number } {
  const round = (x: number) => Math.round(x * 100) / 100;
  if (Math.abs(from - to) <= tolerance(from)) return { evidence: { kind: 'amount', from, to, rule: 'equal' }, lr: AMOUNT_LR.equal };
  for (const rate of TAX_RATES) {
    const pct = `${round(rate * 100)}%`;
    if (Math.abs(from * (1 + rate) - to) <= tolerance(to) / 5 + 0.01) return { evidence: { kind: 'amount', from, to, rule: `+${pct} tax` }, lr: AMOUNT_LR.tax };
    if (Math.abs(to * (1 + rate) - from) <= tolerance(from) / 5 + 0.01) return { evidence: { kind: 'amount', from, to, rule: `-${pct} tax` }, lr: AMOUNT_LR.tax };
  }
  const off = Math.abs(to - from) / Math.max(Math.abs(from), 0.01);
  const rule = `differs ${round(off * 100)}%`;
  return { evidence: { kind: 'amount', from, to, rule }, lr: off <= 0.05 ? AMOUNT_LR.near : AMOUNT_LR.different };
}

const DAY = 86_400_000;

function dateEvidence(from: string, to: string, profile: DateProfile): { evidence: Evidence; lr: number } {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY);
  const level = profile.find(([lo, hi]) => days >= lo && days <= hi);
  return { evidence: { kind: 'date', days }, lr: level ? level[2] : 0.01 };
}

/** Attribute values of one record, by column. */
function attributeValues(json: string | null): [string, string][] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return Object.entries(parsed).filter(([, v]) => v !== null && v !== '').map(([k, v]) => [k, String(v)]);
  } catch {
    return [];
  }
}

/** A value that mentions the other record's id as a whole word (`PO OPP-0042`, `ref: 0042`). */
function mentions(value: string, id: string): boolean {
  if (id.length < 3) return false;
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(value);
}

function referenceEvidence(from: PairSide, to: PairSide): Evidence | null {
  for (const [field, value] of attributeValues(to.attributes)) {
    if (mentions(value, from.id)) return { kind: 'reference', field, value, names: 'from' };
  }
  for (const [field, value] of attributeValues(from.attributes)) {
    if (mentions(value, to.id)) return { kind: 'reference', field, value, names: 'to' };
  }
  return null;
}

export interface ScoredPair {
  /** the sum of the log likelihood ratios */
  readonly weight: number;
  readonly evidence: Evidence[];
}

/** The evidence two records share and its weight. */
export function scorePair(from: PairSide, to: PairSide, profile: DateProfile): ScoredPair {
  const evidence: Evidence[] = [];
  let weight = 0;
  if (from.name && to.name) {
    const match = compareNames(from.name, to.name);
    evidence.push({ kind: 'name', from: from.name, to: to.name, score: match.score, rule: match.rule });
    weight += Math.log(NAME_LR[match.rule]);
  }
  if (from.amount !== null && to.amount !== null) {
    const { evidence: e, lr } = amountEvidence(from.amount, to.amount);
    evidence.push(e);
    weight += Math.log(lr);
  }
  const date = dateEvidence(from.at, to.at, profile);
  evidence.push(date.evidence);
  weight += Math.log(date.lr);
  const reference = referenceEvidence(from, to);
  if (reference) {
    evidence.push(reference);
    weight += Math.log(REFERENCE_LR);
  }
  return { weight, evidence };
}
