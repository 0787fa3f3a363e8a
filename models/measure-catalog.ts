/**
 * The LTC measures (docs/measures.md), each declared once: labels in English and Chinese, unit, which
 * direction is better, the query of its items (models/sql/measures/) and the data it needs. kpis,
 * compare, trends, mix, change-point and the report read every measure from this list.
 */
export type MeasureId =
  | 'lead_conversion_rate' | 'sales_cycle_days' | 'order_processing_days' | 'collection_days' | 'lead_to_cash_days'
  | 'win_rate' | 'opportunity_cycle_days' | 'deal_value';

/** ratio: a rate (count ÷ n); days: a duration; amount: a money amount as loaded, no currency conversion. */
export type MeasureUnit = 'ratio' | 'days' | 'amount';

export interface MeasureInfo {
  readonly id: MeasureId;
  readonly label: string;
  readonly label_zh: string;
  readonly unit: MeasureUnit;
  readonly better: 'higher' | 'lower';
}

/** What the loaded tables hold, as far as a measure's availability goes (a subset of DataFacts). */
export interface LoadedCounts {
  readonly leads: number;
  readonly opportunities: number;
  readonly orders: number;
  readonly deliveries: number;
  readonly invoices: number;
  readonly payments: number;
}

export interface MeasureSpec extends MeasureInfo {
  /** the items query in models/sql/measures/: rates give start_at, decided, success; durations start_at, end_at; amounts start_at, value */
  readonly items: string;
  /** what is missing, in English and Chinese, or null when the measure can be computed */
  readonly needs: (loaded: LoadedCounts) => readonly [string, string] | null;
}

const unless = (ok: boolean, note: string, note_zh: string): readonly [string, string] | null => (ok ? null : [note, note_zh]);

export const MEASURE_SPECS: readonly MeasureSpec[] = [
  {
    id: 'lead_conversion_rate', label: 'Lead conversion rate', label_zh: '客户转化率', unit: 'ratio', better: 'higher',
    items: 'lead-conversion.sql',
    needs: (f) => unless(f.leads > 0, 'needs leads', '需要线索数据'),
  },
  {
    id: 'sales_cycle_days', label: 'Sales cycle', label_zh: '销售周期', unit: 'days', better: 'lower',
    items: 'sales-cycle.sql',
    needs: (f) => unless(f.leads > 0 && f.orders > 0, 'needs leads and orders', '需要线索和订单数据'),
  },
  {
    id: 'order_processing_days', label: 'Order processing time', label_zh: '订单处理时间', unit: 'days', better: 'lower',
    items: 'order-processing.sql',
    needs: (f) => unless(f.orders > 0 && (f.deliveries > 0 || f.invoices > 0),
      'needs orders with deliveries (or invoices)', '需要订单及其发货（或发票）数据'),
  },
  {
    id: 'collection_days', label: 'Collection period', label_zh: '平均收款周期', unit: 'days', better: 'lower',
    items: 'collection.sql',
    needs: (f) => unless(f.invoices > 0, 'needs invoices (payments alone cannot date an invoice)', '需要发票数据（仅有回款无法确定开票时间）'),
  },
  {
    id: 'lead_to_cash_days', label: 'Lead-to-cash time', label_zh: '线索到回款周期', unit: 'days', better: 'lower',
    items: 'lead-to-cash.sql',
    needs: (f) => unless(f.leads > 0 && f.orders > 0 && f.payments > 0, 'needs leads, orders and payments', '需要线索、订单和回款数据'),
  },
  {
    id: 'win_rate', label: 'Win rate', label_zh: '赢单率', unit: 'ratio', better: 'higher',
    items: 'win-rate.sql',
    needs: (f) => unless(f.opportunities > 0, 'needs opportunities', '需要商机数据'),
  },
  {
    id: 'opportunity_cycle_days', label: 'Opportunity cycle', label_zh: '商机周期', unit: 'days', better: 'lower',
    items: 'opportunity-cycle.sql',
    needs: (f) => unless(f.opportunities > 0, 'needs opportunities', '需要商机数据'),
  },
  {
    id: 'deal_value', label: 'Deal value', label_zh: '平均成交金额', unit: 'amount', better: 'higher',
    items: 'deal-value.sql',
    needs: (f) => unless(f.opportunities > 0, 'needs opportunities with an amount', '需要带金额的商机数据'),
  },
];

/** The measures' public description (without the query and the needs). */
export const MEASURES: readonly MeasureInfo[] = MEASURE_SPECS.map(({ id, label, label_zh, unit, better }) => ({ id, label, label_zh, unit, better }));

/** The measures whose items start at an opportunity's creation: an undated opportunity is in none of their periods. */
export const OPPORTUNITY_MEASURES: readonly MeasureId[] = ['win_rate', 'opportunity_cycle_days', 'deal_value'];

export function measureSpec(id: MeasureId): MeasureSpec {
  const spec = MEASURE_SPECS.find((m) => m.id === id);
  if (!spec) throw new Error(`unknown measure ${String(id)}`);
  return spec;
}

/** A value from fewer items than this is thin: shown, marked, never a headline without its caution. */
export const THIN_BELOW = 20;
