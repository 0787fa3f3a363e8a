/**
 * Drill-down of the process map and the variants: the cases behind an activity, an edge (one
 * activity directly followed by another) or a variant, slowest first. Same log, filters and event
 * order as models/process-map.ts, so `total` equals the figure clicked on (an activity's cases, an
 * edge's cases, a variant's count).
 */
import type { Database } from './db/database.ts';
import { eventLogView, onEventLog, type EventLogOptions } from './event-log.ts';
import { UsageError } from './analysis/errors.ts';
import { sqlFile } from './sql-files.ts';
import { sayAll } from './messages/catalogue.ts';
import { ANALYSIS_ERRORS } from './messages/errors.ts';

export type CaseSelector =
  | { readonly activity: string }
  | { readonly from_activity: string; readonly to_activity: string }
  | { readonly variant: readonly string[] };

export interface ProcessCase {
  readonly case_id: string;
  readonly events: number;
  readonly started_at: string;
  readonly ended_at: string;
  readonly duration_seconds: number;
  /** for an edge: the longest wait from the one activity to the next in this case */
  readonly edge_seconds: number | null;
}

export interface ProcessCases {
  readonly log: string;
  /** cases matching the selector (all of them, however many are listed) */
  readonly total: number;
  readonly cases: ProcessCase[];
}

export const DEFAULT_CASE_LIMIT = 100;

export async function processCases(
  db: Database, selector: CaseSelector, options: EventLogOptions & { limit?: number } = {},
): Promise<ProcessCases> {
  const limit = options.limit ?? DEFAULT_CASE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'limitFrom', { name: 'limit', min: '1', max: '10000', value: String(limit) }));
  const view = await eventLogView(db, options);
  const rows = await db.query<ProcessCase & { total: number }>(...onEventLog(sqlFile('process-cases.sql'), view, {
    activity: 'activity' in selector ? selector.activity : null,
    from_activity: 'from_activity' in selector ? selector.from_activity : null,
    to_activity: 'to_activity' in selector ? selector.to_activity : null,
    variant: 'variant' in selector ? JSON.stringify(selector.variant) : null,
    limit,
  }));
  return { log: view.log, total: rows[0]?.total ?? 0, cases: rows.map(({ total: _total, ...c }) => c) };
}

/** The selector from its parameters: activity, or from_activity and to_activity, or variant (a JSON list). */
export function parseCaseSelector(q: { activity?: string; fromActivity?: string; toActivity?: string; variant?: string }): CaseSelector {
  const { activity, fromActivity, toActivity, variant } = q;
  if (activity) return { activity };
  if (fromActivity && toActivity) return { from_activity: fromActivity, to_activity: toActivity };
  if (variant) {
    let list: unknown;
    try {
      list = JSON.parse(variant);
    } catch {
      list = null;
    }
    if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) throw new UsageError(sayAll(ANALYSIS_ERRORS, 'variantList'));
    return { variant: list as string[] };
  }
  throw new UsageError(sayAll(ANALYSIS_ERRORS, 'processCasesSelection', { example: '["A","B"]' }));
}
