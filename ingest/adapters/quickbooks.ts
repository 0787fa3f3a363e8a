/**
 * QuickBooks Online tables as Fivetran syncs them (snake_case columns, `_fivetran_deleted` for
 * records deleted in QuickBooks, which are left out and counted as skipped, `deleted_in_source`). Document dates are `transaction_date`, the
 * date written on the document; `created_at` is only when it was keyed in (kept as an attribute).
 *
 * Presets (`quickbooks-fivetran/<table>`):
 * - estimate → opportunities and quotes. QuickBooks has no opportunity: the estimate is the sales
 *   pursuit, so each estimate is an opportunity (same id) with its single quote. Status Accepted,
 *   Closed or Converted is won, Rejected lost, Pending open.
 * - invoice → orders and invoices. QuickBooks has no sales order: the invoice is the sale, so each
 *   invoice is also an order with the same id (the measures start from orders). Order processing
 *   time is therefore 0 when only QuickBooks is loaded (no deliveries): the order is the invoice.
 * - invoice_line → order_lines of those orders: product lines only (sub-totals, discounts and
 *   description lines would count amounts twice or are not products).
 * - payment → payments: one per payment received (its date and total_amount).
 * - payment_line → payment_lines: the split of a payment over invoices (payment_id, index, invoice,
 *   amount). The models apply a payment through its lines, so each invoice gets its money exactly
 *   once whichever file is loaded first.
 */
import type { Message } from '../../models/messages/catalogue.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import {
  col, findHeader, nameHint, normalizeHeader, type Adapter, type AdapterMatch, type FieldSource, type SkipRule, type SourceFile, type TargetPlan,
} from './adapter.ts';

type Table = 'estimate' | 'invoice' | 'invoice_line' | 'payment' | 'payment_line';

/** Columns that tell the tables apart (all must be present), and the columns expected besides. */
const LAYOUTS: Readonly<Record<Table, { readonly own: readonly string[]; readonly more: readonly string[] }>> = {
  estimate: { own: ['id', 'transaction_date', 'total_amount', 'transaction_status'], more: ['customer_id', 'accepted_date', 'expiration_date', 'currency_id', 'doc_number'] },
  invoice: { own: ['id', 'transaction_date', 'total_amount', 'balance', 'due_date'], more: ['customer_id', 'currency_id', 'doc_number', 'allow_online_payment'] },
  invoice_line: { own: ['invoice_id', 'index', 'amount'], more: ['detail_type', 'sales_item_item_id', 'sales_item_quantity', 'description'] },
  payment: { own: ['id', 'transaction_date', 'total_amount', 'unapplied_amount'], more: ['customer_id', 'currency_id', 'payment_method_id', 'reference_number'] },
  payment_line: { own: ['payment_id', 'index', 'amount', 'invoice_id'], more: ['credit_memo_id', 'journal_entry_id', 'deposit_id'] },
};

/** QuickBooks estimate statuses (TxnStatus) that close the pursuit, and those of them that win it. */
const CLOSED = ['accepted', 'closed', 'converted', 'rejected'];
const WON = ['accepted', 'closed', 'converted'];
/** Invoice line detail types that are not a product sold: totals of other lines, discounts, text. */
const NOT_PRODUCTS = ['SubTotalLineDetail', 'DiscountLineDetail', 'DescriptionOnly'];

const text = (header: string) => `nullif(trim(${col(header)}), '')`;
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

type Has = (name: string) => string | undefined;

/** Rows Fivetran keeps for records deleted in QuickBooks. */
function deletedRow(has: Has): string | undefined {
  const deleted = has('_fivetran_deleted');
  return deleted ? `coalesce(lower(trim(${col(deleted)})), 'false') IN ('true', 't', '1')` : undefined;
}

function itemColumns(has: Has): string[] {
  return [has('sales_item_item_id'), has('item_id')].filter((h): h is string => h !== undefined);
}

/** An invoice line that sells a product; one whose detail type is missing counts when it names an item. */
function productLine(has: Has): string {
  const type = has('detail_type');
  const item = itemColumns(has);
  return type
    ? `(${text(type)} NOT IN (${list(NOT_PRODUCTS)}) OR (${text(type)} IS NULL AND ${item.length ? `coalesce(${item.map(text).join(', ')}) IS NOT NULL` : 'false'}))`
    : 'true';
}

/** Why the rows no table takes were left out, first rule first. */
function skips(table: Table, has: Has): SkipRule[] {
  const deleted = deletedRow(has);
  const rules: SkipRule[] = deleted ? [{ reason: 'deleted_in_source', where: deleted }] : [];
  if (table === 'invoice_line') rules.push({ reason: 'not_a_product_line', where: `NOT ${productLine(has)}` });
  if (table === 'payment_line') rules.push({ reason: 'not_an_invoice_payment', where: `${text(has('invoice_id')!)} IS NULL` });
  return rules;
}

function plans(table: Table, has: Has, headers: readonly string[]): TargetPlan[] {
  /** a column the layout requires (detection made sure it is there) */
  const c = (name: string) => has(name)!;
  const deleted = deletedRow(has);
  const live = deleted ? `NOT (${deleted})` : 'true';
  const attributes = headers.filter((h) => !h.startsWith('_fivetran'));
  const pick = (fields: Record<string, FieldSource | undefined>) =>
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, FieldSource>;
  const keep = (fields: Record<string, FieldSource>) => {
    const used = new Set(Object.values(fields).filter((f): f is string => typeof f === 'string'));
    return attributes.filter((h) => !used.has(h));
  };
  const plan = (kind: TargetPlan['kind'], fields: Record<string, FieldSource | undefined>, where = live): TargetPlan => {
    const picked = pick(fields);
    return { kind, fields: picked, where, attributes: keep(picked) };
  };
  switch (table) {
    case 'estimate': {
      const status = `lower(trim(${col(c('transaction_status'))}))`;
      const flag = (values: readonly string[]): FieldSource =>
        ({ sql: `CASE WHEN ${status} IN (${list(values)}) THEN 'true' ELSE 'false' END`, label: c('transaction_status') });
      return [
        plan('opportunities', {
          opportunity_id: c('id'), created_at: c('transaction_date'), account_id: has('customer_id'), stage: c('transaction_status'),
          is_closed: flag(CLOSED), is_won: flag(WON), closed_at: has('accepted_date'), amount: c('total_amount'),
          currency: has('currency_id'), owner: has('custom_sales_rep'),
        }),
        plan('quotes', {
          quote_id: c('id'), opportunity_id: c('id'), created_at: c('transaction_date'), accepted_at: has('accepted_date'), amount: c('total_amount'),
        }),
      ];
    }
    case 'invoice':
      return [
        plan('orders', { order_id: c('id'), created_at: c('transaction_date'), account_id: has('customer_id'), amount: c('total_amount'), currency: has('currency_id') }),
        plan('invoices', {
          invoice_id: c('id'), order_id: c('id'), issued_at: c('transaction_date'), due_at: c('due_date'), amount: c('total_amount'), currency: has('currency_id'),
        }),
      ];
    case 'invoice_line': {
      const item = itemColumns(has);
      const product: FieldSource | undefined = item.length ? { sql: `coalesce(${item.map(text).join(', ')})`, label: item.join(' / ') } : undefined;
      const quantity = [has('sales_item_quantity'), has('quantity')].filter((h): h is string => h !== undefined);
      return [plan('order_lines', {
        order_id: c('invoice_id'), line_id: c('index'), product, amount: c('amount'),
        quantity: quantity.length ? { sql: `coalesce(${quantity.map(text).join(', ')})`, label: quantity.join(' / ') } : undefined,
      }, `${live} AND ${productLine(has)}`)];
    }
    case 'payment':
      return [plan('payments', { payment_id: c('id'), paid_at: c('transaction_date'), amount: c('total_amount') })];
    case 'payment_line':
      return [plan('payment_lines', {
        payment_id: c('payment_id'), line_id: c('index'), amount: c('amount'), invoice_id: c('invoice_id'),
      }, `${live} AND ${text(c('invoice_id'))} IS NOT NULL`)];
  }
}

const NOTES: Readonly<Record<Table, readonly Message[]>> = {
  estimate: [importNote('qb_estimate')],
  invoice: [importNote('qb_invoice')],
  invoice_line: [importNote('qb_invoice_line')],
  payment: [importNote('qb_payment')],
  payment_line: [importNote('qb_payment_line')],
};

const quickbooks: Adapter = {
  id: 'quickbooks',
  detect(file: SourceFile): AdapterMatch | null {
    const has = (name: string) => findHeader(file.headers, name);
    const fileName = nameHint(file.name);
    let best: { table: Table; score: number } | undefined;
    for (const [table, layout] of Object.entries(LAYOUTS) as [Table, (typeof LAYOUTS)[Table]][]) {
      if (!layout.own.every((c) => has(c) !== undefined)) continue;
      const share = layout.more.filter((c) => has(c) !== undefined).length / layout.more.length;
      const nameHint = fileName === normalizeHeader(table) || fileName === normalizeHeader(`${table}_data`) ? 0.05 : 0;
      const score = 0.55 + 0.3 * share + (has('_fivetran_synced') ? 0.1 : 0) + nameHint;
      if (!best || score > best.score) best = { table, score };
    }
    if (!best) return null;
    return {
      adapter: 'quickbooks', preset: `quickbooks-fivetran/${best.table}`, confidence: Math.min(1, Math.round(best.score * 100) / 100),
      targets: plans(best.table, has, file.headers), notes: NOTES[best.table], skips: skips(best.table, has),
    };
  },
};

export default quickbooks;
