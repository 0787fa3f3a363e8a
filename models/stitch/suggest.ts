/**
 * Link suggestions between records that share no id (docs/linking.md#links-by-matching):
 * opportunity → order and order → invoice. Candidates come from SQL blocking
 * (models/sql/stitch-*.sql), are scored from their shared evidence (scoring.ts) and assigned one to
 * one (assignment.ts). Pairs already decided are never suggested again.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { sqlFile } from '../sql-files.ts';
import { assignLinks } from './assignment.ts';
import { INVOICE_AFTER_ORDER, ORDER_AFTER_CLOSE, scorePair, type DateProfile, type Evidence, type PairSide } from './scoring.ts';

export type LinkTable = 'opportunities' | 'orders' | 'invoices';

export interface LinkSuggestion {
  /** stable for the same pair: a short hash of from and to */
  readonly id: string;
  readonly from_table: LinkTable;
  readonly from_id: string;
  readonly to_table: LinkTable;
  readonly to_id: string;
  readonly confidence: number;
  readonly ambiguous: boolean;
  readonly evidence: Evidence[];
}

/** The kinds of links suggested, the SQL of their two sides (paired by stitch-candidates.sql) and date window (days before / after). */
interface LinkKind {
  readonly from: LinkTable;
  readonly to: LinkTable;
  readonly sql: string;
  readonly daysBefore: number;
  readonly daysAfter: number;
  readonly profile: DateProfile;
}

export const LINK_KINDS: readonly LinkKind[] = [
  { from: 'opportunities', to: 'orders', sql: 'stitch-opportunity-orders.sql', daysBefore: 14, daysAfter: 120, profile: ORDER_AFTER_CLOSE },
  { from: 'orders', to: 'invoices', sql: 'stitch-order-invoices.sql', daysBefore: 7, daysAfter: 120, profile: INVOICE_AFTER_ORDER },
];

/**
 * Extra columns that hold a customer's name, as their headers read in lower case without spaces or
 * punctuation (QuickBooks' customer name, Salesforce's account name, 客户名称 …).
 */
export const NAME_COLUMNS = [
  'customername', 'customer', 'customerref', 'customerrefname', 'customerdisplayname', 'accountname', 'account', 'company',
  'companyname', 'client', 'clientname', 'billto', 'billtoname', 'soldto', 'soldtoname', 'buyer', 'buyername', 'partner',
  'partnername', 'debtor', 'debtorname', 'kunde', 'kundenname', '客户', '客户名称', '客户全称', '公司名称', '购买方', '购方名称',
  '购买方名称', '单位名称', '付款单位',
];

/** Full-width ASCII forms and their plain counterparts, for SQL translate(). */
const FULL_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('');
const HALF_WIDTH = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

export function suggestionId(fromTable: string, fromId: string, toTable: string, toId: string): string {
  return createHash('sha256').update(`${fromTable}\u0000${fromId}\u0000${toTable}\u0000${toId}`).digest('hex').slice(0, 10);
}

interface PairRow {
  readonly from_id: string; readonly from_name: string | null; readonly from_amount: number | null; readonly from_at: string; readonly from_attributes: string | null;
  readonly to_id: string; readonly to_name: string | null; readonly to_amount: number | null; readonly to_at: string; readonly to_attributes: string | null;
}

const side = (row: PairRow, prefix: 'from' | 'to'): PairSide => ({
  id: row[`${prefix}_id`], name: row[`${prefix}_name`], amount: row[`${prefix}_amount`], at: row[`${prefix}_at`], attributes: row[`${prefix}_attributes`],
});

async function suggestKind(db: Database, kind: LinkKind): Promise<LinkSuggestion[]> {
  const rows = await db.query<PairRow>(`${sqlFile(kind.sql)},\n${sqlFile('stitch-candidates.sql')}`, {
    name_columns: JSON.stringify(NAME_COLUMNS), full_width: FULL_WIDTH, half_width: HALF_WIDTH,
    days_before: kind.daysBefore, days_after: kind.daysAfter,
  });
  const scored = new Map<string, { weight: number; evidence: Evidence[] }>();
  for (const row of rows) scored.set(`${row.from_id}\u0000${row.to_id}`, scorePair(side(row, 'from'), side(row, 'to'), kind.profile));
  const assigned = assignLinks(rows.map((r) => ({ from: r.from_id, to: r.to_id, weight: scored.get(`${r.from_id}\u0000${r.to_id}`)!.weight })));
  return assigned.map((a) => ({
    id: suggestionId(kind.from, a.from, kind.to, a.to),
    from_table: kind.from, from_id: a.from, to_table: kind.to, to_id: a.to,
    confidence: Math.round(a.confidence * 1000) / 1000, ambiguous: a.ambiguous,
    evidence: scored.get(`${a.from}\u0000${a.to}`)!.evidence,
  }));
}

export interface SuggestOptions {
  /** only suggestions at or above this confidence */
  readonly minConfidence?: number;
}

/** Open suggestions, by confidence (highest first), then by id. */
export async function suggestLinks(db: Database, options: SuggestOptions = {}): Promise<LinkSuggestion[]> {
  const all: LinkSuggestion[] = [];
  for (const kind of LINK_KINDS) all.push(...(await suggestKind(db, kind)));
  const min = options.minConfidence ?? 0;
  return all.filter((s) => s.confidence >= min).sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
}
