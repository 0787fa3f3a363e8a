/**
 * Link quality (docs/linking.md): how well the loaded records stitch into cases — the share of orders traced
 * back to a lead, orphans per table, ids that point nowhere, and links that were inferred. A
 * reported result, never hidden.
 *
 * Filters: `from`/`to` select records by their own date (leads, opportunities, quotes and orders by
 * created_at, deliveries by delivered_at, invoices by issued_at, payments by paid_at; order and
 * payment lines by their parent's, and lines whose parent is missing only when no period is set).
 * Segment filters apply to leads, opportunities and orders, through their case; quotes, deliveries,
 * invoices, payments and lines are counted whatever the segment filter (`segment_filtered: false`:
 * an orphan belongs to no case). `as_of` and the window do not apply.
 *
 * Orders and invoices are counted apart by how they were traced: by an id, or by an accepted link
 * made by matching (models/stitch, docs/linking.md#links-by-matching).
 *
 * The checks run once per import (models/sql/09-links.sql); here they are only counted.
 */
import type { Database } from './db/database.ts';
import { dataFacts } from './measures.ts';
import { filterParam, periodBounds, type PeriodOptions } from './period.ts';
import { sayAll } from './messages/catalogue.ts';
import { ORPHAN_LABELS } from './messages/links.ts';
import { sqlFile } from './sql-files.ts';
import { fieldPair } from './words.ts';

/** How many example ids each finding carries. */
export const LINK_EXAMPLES = 5;

export interface OrderTracing {
  /** orders created in the period (in the segment filter) */
  readonly total: number;
  /** orders whose case is a lead's */
  readonly traced_to_lead: number;
  readonly traced_to_lead_share: number | null;
  /** of those: order → opportunity → lead */
  readonly through_opportunity: number;
  /** of those: the order's opportunity is not loaded, but a lead names its id */
  readonly through_lead_opportunity_id: number;
  /** of those: by the order's own lead_id */
  readonly through_lead_id: number;
  /** of those: reached only because leads.opportunity_id names the opportunity (see `inferred`) */
  readonly inferred: number;
  /** orders whose opportunity has no lead (cases of origin 'opportunity') */
  readonly opportunity_only: number;
  readonly opportunity_only_share: number | null;
  /** orders with neither a loaded opportunity nor a loaded lead (cases of origin 'order') */
  readonly untraced: number;
  readonly untraced_share: number | null;
  /** orders that reached an opportunity or lead by their ids */
  readonly traced_by_id: number;
  /** orders that reached their opportunity by an accepted link made by matching (record_links) */
  readonly traced_by_match: number;
}

/** Invoices issued in the period that belong to a loaded order, by their order_id or by a match. */
export interface InvoiceTracing {
  readonly traced_by_id: number;
  readonly traced_by_match: number;
}

export interface OpportunityTracing {
  readonly total: number;
  readonly traced_to_lead: number;
  readonly traced_to_lead_share: number | null;
  /** by opportunities.lead_id */
  readonly through_lead_id: number;
  /** only because leads.opportunity_id names it */
  readonly inferred: number;
  readonly untraced: number;
}

export type OrphanKind =
  | 'no_lead' | 'no_opportunity_or_lead' | 'opportunity_not_loaded' | 'order_not_loaded' | 'target_not_loaded' | 'names_nothing';

export interface Orphans {
  readonly table: string;
  readonly kind: OrphanKind;
  readonly label: string;
  readonly label_zh: string;
  readonly count: number;
  /** records of the table in the filters */
  readonly total: number;
  readonly share: number | null;
  /** false: these records belong to no case, so segment filters cannot apply to them */
  readonly segment_filtered: boolean;
  /** the first ids, in id order */
  readonly examples: string[];
}

export interface DanglingLink {
  /** the record's table and id field, e.g. orders.lead_id */
  readonly table: string;
  readonly field: string;
  /** the table the field names a record of */
  readonly target: string;
  /** false: nothing of the target table is loaded, so every named id points nowhere */
  readonly target_loaded: boolean;
  /** records whose id names no loaded record */
  readonly count: number;
  /** records of the table in the filters */
  readonly total: number;
  readonly share: number | null;
  readonly segment_filtered: boolean;
  readonly examples: { id: string; value: string }[];
}

export interface InferredLinks {
  readonly opportunities: number;
  readonly orders: number;
  readonly examples: { table: 'opportunities' | 'orders'; id: string; opportunity_id: string; lead_id: string }[];
}

export interface LinkQuality {
  readonly data_end: string | null;
  readonly orders: OrderTracing;
  readonly opportunities: OpportunityTracing;
  readonly invoices: InvoiceTracing;
  readonly orphans: Orphans[];
  readonly dangling: DanglingLink[];
  readonly inferred: InferredLinks;
}

/** Each kind of orphan by its message id `table.kind`, and whether the filters apply to its table. */
const ORPHANS: readonly Pick<Orphans, 'table' | 'kind' | 'label' | 'label_zh' | 'segment_filtered'>[] = ([
  ['opportunities.no_lead', true],
  ['orders.no_opportunity_or_lead', true],
  ['quotes.opportunity_not_loaded', false],
  ['deliveries.order_not_loaded', false],
  ['invoices.order_not_loaded', false],
  ['payments.target_not_loaded', false],
  ['payments.names_nothing', false],
] as const).map(([id, segment_filtered]) => {
  const [table, kind] = id.split('.') as [string, OrphanKind];
  return { table, kind, ...fieldPair('label', sayAll(ORPHAN_LABELS, id)), segment_filtered };
});

type TargetTable = 'leads' | 'opportunities' | 'orders' | 'invoices' | 'payments' | 'accounts';

const LINK_FIELDS: readonly (Pick<DanglingLink, 'table' | 'field' | 'segment_filtered'> & { target: TargetTable })[] = [
  { table: 'leads', field: 'opportunity_id', target: 'opportunities', segment_filtered: true },
  { table: 'leads', field: 'account_id', target: 'accounts', segment_filtered: true },
  { table: 'opportunities', field: 'lead_id', target: 'leads', segment_filtered: true },
  { table: 'opportunities', field: 'account_id', target: 'accounts', segment_filtered: true },
  { table: 'quotes', field: 'opportunity_id', target: 'opportunities', segment_filtered: false },
  { table: 'orders', field: 'opportunity_id', target: 'opportunities', segment_filtered: true },
  { table: 'orders', field: 'lead_id', target: 'leads', segment_filtered: true },
  { table: 'orders', field: 'account_id', target: 'accounts', segment_filtered: true },
  { table: 'order_lines', field: 'order_id', target: 'orders', segment_filtered: false },
  { table: 'deliveries', field: 'order_id', target: 'orders', segment_filtered: false },
  { table: 'invoices', field: 'order_id', target: 'orders', segment_filtered: false },
  { table: 'payments', field: 'invoice_id', target: 'invoices', segment_filtered: false },
  { table: 'payments', field: 'order_id', target: 'orders', segment_filtered: false },
  { table: 'payment_lines', field: 'payment_id', target: 'payments', segment_filtered: false },
  { table: 'payment_lines', field: 'invoice_id', target: 'invoices', segment_filtered: false },
  { table: 'payment_lines', field: 'order_id', target: 'orders', segment_filtered: false },
];

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

type TracingRow = Record<
  | 'orders' | 'orders_traced_to_lead' | 'orders_through_opportunity' | 'orders_through_lead_opportunity_id'
  | 'orders_through_lead_id' | 'orders_inferred' | 'orders_opportunity_only' | 'orders_untraced' | 'opportunities'
  | 'opportunities_traced_to_lead' | 'opportunities_through_lead_id' | 'opportunities_inferred' | 'opportunities_untraced'
  | 'orders_traced_by_id' | 'orders_traced_by_match' | 'invoices_traced_by_id' | 'invoices_traced_by_match',
  number>;

interface ProblemRow {
  readonly problem: 'orphan' | 'dangling';
  readonly table: string;
  readonly check: string;
  readonly count: number;
  readonly examples: { id: string; value: string | null }[];
}

/** Link quality of the loaded data within the filters (see the module comment for which apply). */
export async function linkQuality(db: Database, options: PeriodOptions = {}): Promise<LinkQuality> {
  const facts = await dataFacts(db);
  const { from, to } = periodBounds(options);
  const params = { from, to, ...filterParam(options) };
  const withExamples = { ...params, examples: LINK_EXAMPLES };

  const [t] = await db.query<TracingRow>(sqlFile('links-tracing.sql'), params);
  const [totals] = await db.query<Record<string, number>>(sqlFile('links-totals.sql'), params);
  const problems = await db.query<ProblemRow>(sqlFile('links-problems.sql'), withExamples);
  const inferred = await db.query<InferredLinks['examples'][number]>(sqlFile('links-inferred.sql'), withExamples);
  const found = (problem: ProblemRow['problem'], table: string, check: string) =>
    problems.find((p) => p.problem === problem && p.table === table && p.check === check);

  const orders: OrderTracing = {
    total: t.orders,
    traced_to_lead: t.orders_traced_to_lead,
    traced_to_lead_share: share(t.orders_traced_to_lead, t.orders),
    through_opportunity: t.orders_through_opportunity,
    through_lead_opportunity_id: t.orders_through_lead_opportunity_id,
    through_lead_id: t.orders_through_lead_id,
    inferred: t.orders_inferred,
    opportunity_only: t.orders_opportunity_only,
    opportunity_only_share: share(t.orders_opportunity_only, t.orders),
    untraced: t.orders_untraced,
    untraced_share: share(t.orders_untraced, t.orders),
    traced_by_id: t.orders_traced_by_id,
    traced_by_match: t.orders_traced_by_match,
  };
  const opportunities: OpportunityTracing = {
    total: t.opportunities,
    traced_to_lead: t.opportunities_traced_to_lead,
    traced_to_lead_share: share(t.opportunities_traced_to_lead, t.opportunities),
    through_lead_id: t.opportunities_through_lead_id,
    inferred: t.opportunities_inferred,
    untraced: t.opportunities_untraced,
  };
  // Every kind and field is reported, with zeros where nothing was found.
  const orphans = ORPHANS.map((o): Orphans => {
    const row = found('orphan', o.table, o.kind);
    const count = row?.count ?? 0;
    const total = totals[o.table] ?? 0;
    return { ...o, count, total, share: share(count, total), examples: (row?.examples ?? []).map((e) => e.id) };
  });
  const dangling = LINK_FIELDS.map((f): DanglingLink => {
    const row = found('dangling', f.table, f.field);
    const count = row?.count ?? 0;
    const total = totals[f.table] ?? 0;
    return {
      ...f, target_loaded: facts[f.target] > 0, count, total, share: share(count, total),
      examples: (row?.examples ?? []).map((e) => ({ id: e.id, value: e.value ?? '' })),
    };
  });
  return {
    data_end: facts.data_end, orders, opportunities, orphans, dangling,
    invoices: { traced_by_id: t.invoices_traced_by_id, traced_by_match: t.invoices_traced_by_match },
    inferred: { opportunities: t.opportunities_inferred, orders: t.orders_inferred, examples: inferred },
  };
}
