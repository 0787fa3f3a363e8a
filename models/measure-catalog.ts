/**
 * The LTC measures (docs/measures.md), each declared once: labels in English and Chinese, unit, which
 * direction is better, the query of its items (models/sql/measures/), the data it needs and what
 * its notes say. kpis, compare, trends, mix, change-point and the report read every measure from this
 * list; adding a measure is one entry here and its items query.
 */

/** ratio: a rate (count ÷ n); days: a duration; amount: a money amount as loaded, no currency conversion. */
export type MeasureUnit = 'ratio' | 'days' | 'amount';

/** A note in English and Chinese. */
export type Note = readonly [string, string];

/** What the loaded tables hold, as far as a measure's availability goes (a subset of DataFacts). */
export interface LoadedCounts {
  readonly leads: number;
  readonly opportunities: number;
  readonly orders: number;
  readonly deliveries: number;
  readonly invoices: number;
  readonly payments: number;
}

export interface MeasureDeclaration {
  readonly id: string;
  readonly label: string;
  readonly label_zh: string;
  readonly unit: MeasureUnit;
  readonly better: 'higher' | 'lower';
  /**
   * The items query: a file in models/sql/measures/ (or a file's URL). Rates give start_at, decided,
   * success; durations start_at, end_at; amounts start_at, value; each with the case's source, owner,
   * region and segment.
   */
  readonly items: string | URL;
  /** what is missing, in English and Chinese, or null when the measure can be computed */
  readonly needs: (loaded: LoadedCounts) => Note | null;
  /** how it is measured on these data when not as docs/measures.md defines it first, or null */
  readonly measuredAs?: (loaded: LoadedCounts) => Note | null;
  /**
   * The items query marks, in a column by_construction, items whose value is fixed by how the source
   * was loaded rather than by anything that happened: they are left out and counted, with this note.
   */
  readonly byConstruction?: (count: number) => Note;
  /** its items start at an opportunity's creation: an undated opportunity is in none of its periods (noted) */
  readonly opportunityItems?: boolean;
  /** a rate: what its denominator counts (en, zh) and its short Chinese name, for a side without any */
  readonly denominator?: { readonly en: string; readonly zh: string; readonly rate_zh: string };
}

const unless = (ok: boolean, note: string, note_zh: string): Note | null => (ok ? null : [note, note_zh]);

const DECLARED = [
  {
    id: 'lead_conversion_rate', label: 'Lead conversion rate', label_zh: '客户转化率', unit: 'ratio', better: 'higher',
    items: 'lead-conversion.sql',
    needs: (f) => unless(f.leads > 0, 'needs leads', '需要线索数据'),
    denominator: { en: 'observable leads', zh: '可观察的线索', rate_zh: '转化率' },
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
    measuredAs: (f) => unless(f.deliveries > 0,
      'no deliveries loaded: measured to the first invoice instead of the last delivery', '未导入发货数据：按首张发票而非最后一次发货计算'),
    byConstruction: (n) => [
      `${n} orders are their own invoice (same id, date and file, as QuickBooks loads invoices): 0 days by construction, left out`,
      `${n} 个订单即其发票本身（编号、日期、文件相同，QuickBooks 即如此导入）：处理时间按构造为 0 天，不计入`,
    ],
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
    opportunityItems: true,
    denominator: { en: 'opportunities closed', zh: '已关闭的商机', rate_zh: '赢单率' },
  },
  {
    id: 'opportunity_cycle_days', label: 'Opportunity cycle', label_zh: '商机周期', unit: 'days', better: 'lower',
    items: 'opportunity-cycle.sql',
    needs: (f) => unless(f.opportunities > 0, 'needs opportunities', '需要商机数据'),
    opportunityItems: true,
  },
  {
    id: 'deal_value', label: 'Deal value', label_zh: '平均成交金额', unit: 'amount', better: 'higher',
    items: 'deal-value.sql',
    needs: (f) => unless(f.opportunities > 0, 'needs opportunities with an amount', '需要带金额的商机数据'),
    opportunityItems: true,
  },
] as const satisfies readonly MeasureDeclaration[];

type Declared = (typeof DECLARED)[number];
export type MeasureId = Declared['id'];
/** The measures whose items have a value each (days or an amount), tested by Mann–Whitney U. */
export type ValueMeasureId = Extract<Declared, { unit: 'days' | 'amount' }>['id'];
export type DurationMeasureId = Extract<Declared, { unit: 'days' }>['id'];

export interface MeasureInfo {
  readonly id: MeasureId;
  readonly label: string;
  readonly label_zh: string;
  readonly unit: MeasureUnit;
  readonly better: 'higher' | 'lower';
}

export interface MeasureSpec extends MeasureDeclaration {
  readonly id: MeasureId;
}

/** How a unit is summarised (models/sql/measures/): the summary of a group of items, and the values of the completed ones. */
export const MEASURE_UNITS: Readonly<Record<MeasureUnit, { readonly summary: string; readonly values: string | null }>> = {
  ratio: { summary: 'measures/rate-summary.sql', values: null },
  days: { summary: 'measures/duration-summary.sql', values: 'measures/duration-days.sql' },
  amount: { summary: 'measures/amount-summary.sql', values: 'measures/amount-values.sql' },
};

/** A measure's public description, without the query and the needs. */
export const measureInfo = ({ id, label, label_zh, unit, better }: MeasureInfo): MeasureInfo => ({ id, label, label_zh, unit, better });

const specs: MeasureSpec[] = [...DECLARED];
const infos: MeasureInfo[] = specs.map(measureInfo);

/** Every measure, in the order they are reported (registered ones last). */
export const MEASURE_SPECS: readonly MeasureSpec[] = specs;

/** The measures' public description (without the query and the needs). */
export const MEASURES: readonly MeasureInfo[] = infos;

export function measureSpec(id: MeasureId): MeasureSpec {
  const spec = specs.find((m) => m.id === id);
  if (!spec) throw new Error(`unknown measure ${String(id)}`);
  return spec;
}

/**
 * Adds a measure to the catalogue after the declared ones, so that kpis, compare, trends and the rest
 * report it (tests declare a throw-away measure this way). Returns the function that takes it out again.
 */
export function registerMeasure(declaration: MeasureDeclaration): () => void {
  if (specs.some((m) => m.id === declaration.id)) throw new Error(`measure ${declaration.id} is declared already`);
  const spec = declaration as MeasureSpec;
  const info = measureInfo(spec);
  specs.push(spec);
  infos.push(info);
  return () => {
    specs.splice(specs.indexOf(spec), 1);
    infos.splice(infos.indexOf(info), 1);
  };
}

/** A value from fewer items than this is thin: shown, marked, never a headline without its caution. */
export const THIN_BELOW = 20;
