/**
 * Rows a file's reading leaves out on purpose, counted per reason: records no target table took
 * (named by the adapter's skip rules, else `not_used`), blank rows, report footers and totals rows.
 * Kept per batch in `skipped_rows`, which undo leaves alone: it is the history of what was read.
 */
import type { Database } from '../models/db/database.ts';
import type { SkipRule } from './adapters/adapter.ts';
import { quoteIdent, quoteLiteral } from './quote.ts';
import { isSkipReason, skipped, type SkipReason, type SkippedRows } from './skip-reasons.ts';

/** Skipped records before their lines are known: the reason, how many, and the first one's ltc_rec. */
export interface SkippedRecords {
  readonly reason: SkipReason;
  readonly rows: number;
  readonly firstRec: number;
}

/**
 * The records of ltc_raw no target used (ltc_used lists the ones they did), grouped by the first
 * rule that names them. `everyRecordUsed` when some target read the file whole.
 */
export async function unusedRecords(db: Database, rules: readonly SkipRule[], everyRecordUsed: boolean): Promise<SkippedRecords[]> {
  if (everyRecordUsed) return [];
  const named = rules.map((rule, i) => `SELECT ltc_rec, ${i} AS rule FROM ${rule.from ? `(${rule.from})` : 'ltc_raw'} WHERE ${rule.where}`);
  const reasons = rules.map((rule, i) => `WHEN ${i} THEN ${quoteLiteral(rule.reason)}`).join(' ');
  const rows = await db.query<{ reason: string; rows: number; first_rec: number }>(
    `WITH named AS (${named.length ? `SELECT ltc_rec, min(rule) AS rule FROM (${named.join(' UNION ALL ')}) GROUP BY ltc_rec`
      : 'SELECT NULL::BIGINT AS ltc_rec, NULL::INTEGER AS rule WHERE false'}),
     unused AS (SELECT r.ltc_rec, n.rule FROM ltc_raw r LEFT JOIN named n ON n.ltc_rec = r.ltc_rec
       WHERE r.ltc_rec NOT IN (SELECT ltc_rec FROM ltc_used))
     SELECT ${named.length ? `CASE rule ${reasons} ELSE 'not_used' END` : "'not_used'"} AS reason,
       count(*)::INTEGER AS rows, min(ltc_rec)::DOUBLE AS first_rec
     FROM unused GROUP BY 1 HAVING count(*) > 0 ORDER BY first_rec`);
  return rows.map((r) => ({ reason: isSkipReason(r.reason) ? r.reason : 'not_used', rows: r.rows, firstRec: r.first_rec }));
}

/** Rows of ltc_raw with no value in any column (`,,,`): counted as blank rows and removed before any table reads them. */
export async function removeBlankRecords(db: Database, headers: readonly string[]): Promise<SkippedRecords | null> {
  if (headers.length === 0) return null;
  const blank = headers.map((h) => `nullif(trim(${quoteIdent(h)}), '') IS NULL`).join(' AND ');
  const [found] = await db.query<{ rows: number; first_rec: number | null }>(
    `SELECT count(*)::INTEGER AS rows, min(ltc_rec)::DOUBLE AS first_rec FROM ltc_raw WHERE ${blank}`);
  if (!found || found.rows === 0) return null;
  await db.exec(`DELETE FROM ltc_raw WHERE ${blank}`);
  return { reason: 'blank_row', rows: found.rows, firstRec: found.first_rec ?? 0 };
}

export async function storeSkipped(db: Database, batchId: number, rows: readonly SkippedRows[]): Promise<void> {
  for (const s of rows) {
    await db.exec('INSERT INTO skipped_rows (batch_id, reason, rows, first_line) VALUES ($1, $2, $3, $4)',
      [batchId, s.reason, s.rows, s.first_line]);
  }
}

/** Skipped rows per batch, with their reasons' words, for the import history. */
export async function skippedByBatch(db: Database): Promise<Map<number, SkippedRows[]>> {
  const rows = await db.query<{ batch_id: number; reason: string; rows: number; first_line: number | null }>(
    `SELECT batch_id, reason, sum(rows)::INTEGER AS rows, min(first_line)::DOUBLE AS first_line
     FROM skipped_rows GROUP BY batch_id, reason ORDER BY batch_id, min(first_line) NULLS LAST, reason`);
  const byBatch = new Map<number, SkippedRows[]>();
  for (const r of rows) {
    const list = byBatch.get(r.batch_id) ?? [];
    list.push(skipped(isSkipReason(r.reason) ? r.reason : 'not_used', r.rows, r.first_line));
    byBatch.set(r.batch_id, list);
  }
  return byBatch;
}
