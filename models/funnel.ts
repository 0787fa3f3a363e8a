/**
 * The lead funnel (docs/measures.md): leads of the period that reached each milestone or a later one, with
 * step and cumulative conversion. Milestones whose table is not loaded are left out.
 */
import type { Database } from './db/database.ts';
import { asOfMoment, dataFacts, type DataFacts } from './measures.ts';
import { periodBounds, filterParam, type PeriodOptions } from './period.ts';
import { sqlFile } from './sql-files.ts';

export type StageId =
  | 'lead_created' | 'qualified' | 'opportunity_created' | 'quote_sent' | 'order_created' | 'delivered' | 'invoiced' | 'paid';

interface StageInfo {
  readonly id: StageId;
  readonly label: string;
  readonly label_zh: string;
  readonly loaded: (facts: DataFacts) => boolean;
}

export const STAGES: readonly StageInfo[] = [
  { id: 'lead_created', label: 'Lead created', label_zh: '线索创建', loaded: (f) => f.leads > 0 },
  { id: 'qualified', label: 'Qualified', label_zh: '已确认', loaded: (f) => f.qualified_leads > 0 },
  { id: 'opportunity_created', label: 'Opportunity', label_zh: '商机', loaded: (f) => f.opportunities > 0 },
  { id: 'quote_sent', label: 'Quote sent', label_zh: '报价', loaded: (f) => f.quotes > 0 },
  { id: 'order_created', label: 'Order', label_zh: '订单', loaded: (f) => f.orders > 0 },
  { id: 'delivered', label: 'Delivered', label_zh: '交付', loaded: (f) => f.deliveries > 0 },
  { id: 'invoiced', label: 'Invoiced', label_zh: '开票', loaded: (f) => f.invoices > 0 },
  { id: 'paid', label: 'Paid', label_zh: '回款', loaded: (f) => f.payments > 0 },
];

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
