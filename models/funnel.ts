/**
 * The lead funnel (docs/measures.md): leads of the period that reached each milestone or a later one, with
 * step and cumulative conversion. Milestones whose table is not loaded are left out.
 */
import type { Database } from './db/database.ts';
import { asOfMoment, dataFacts, type DataFacts } from './measures.ts';
import { periodBounds, filterParam, type PeriodOptions } from './period.ts';
import { sayAll } from './messages/catalogue.ts';
import { STAGE_LABELS } from './messages/stages.ts';
import { sqlFile } from './sql-files.ts';
import { fieldPair } from './words.ts';

export type StageId =
  | 'lead_created' | 'qualified' | 'opportunity_created' | 'quote_sent' | 'order_created' | 'delivered' | 'invoiced' | 'paid';

interface StageInfo {
  readonly id: StageId;
  readonly label: string;
  readonly label_zh: string;
  readonly loaded: (facts: DataFacts) => boolean;
}

const LOADED: Readonly<Record<StageId, (facts: DataFacts) => boolean>> = {
  lead_created: (f) => f.leads > 0,
  qualified: (f) => f.qualified_leads > 0,
  opportunity_created: (f) => f.opportunities > 0,
  quote_sent: (f) => f.quotes > 0,
  order_created: (f) => f.orders > 0,
  delivered: (f) => f.deliveries > 0,
  invoiced: (f) => f.invoices > 0,
  paid: (f) => f.payments > 0,
};

/** The stages in their order, named from models/messages/stages.ts. */
export const STAGES: readonly StageInfo[] = (Object.keys(LOADED) as StageId[]).map((id) => ({
  id, ...fieldPair('label', sayAll(STAGE_LABELS, id)), loaded: LOADED[id],
}));

export interface FunnelStage {
  readonly id: StageId;
  readonly label: string;
  readonly label_zh: string;
  readonly count: number;
  /** count ÷ the previous stage's count (1 for the first stage); null when the previous is 0 */
  readonly step_conversion: number | null;
  /** count ÷ the first stage's count; null when there are no leads */
  readonly cumulative_conversion: number | null;
}

export async function funnel(db: Database, options: PeriodOptions = {}): Promise<{ data_end: string | null; stages: FunnelStage[] }> {
  const facts = await dataFacts(db);
  const asOf = asOfMoment(facts, options);
  const bounds = periodBounds(options);
  if (asOf === null || facts.leads === 0) return { data_end: facts.data_end, stages: [] };
  const [counts] = await db.query<Record<StageId, number>>(sqlFile('funnel.sql'), { ...bounds, as_of: asOf, ...filterParam(options) });
  const stages: FunnelStage[] = [];
  for (const stage of STAGES.filter((s) => s.loaded(facts))) {
    const count = Number(counts[stage.id]);
    const previous = stages.at(-1)?.count;
    const first = stages[0]?.count ?? count;
    stages.push({
      id: stage.id, label: stage.label, label_zh: stage.label_zh, count,
      step_conversion: previous === undefined ? (count > 0 ? 1 : null) : previous > 0 ? count / previous : null,
      cumulative_conversion: first > 0 ? count / first : null,
    });
  }
  return { data_end: facts.data_end, stages };
}
