/**
 * Odoo exports: the "Export" action of a list view, saved as CSV. Odoo names the file after the
 * model (sale.order.csv, account.move.csv …); headers are field labels ("Order Reference") or, in
 * an import-compatible export, technical names (name, date_order) and paths through relations
 * (order_line/price_subtotal). Datetimes are UTC 'YYYY-MM-DD HH:MM:SS' (kept as given, docs/data-contract.md),
 * amounts use '.'; the loader detects other spellings (a file re-saved by Excel has US dates).
 *
 * Presets:
 * - `odoo-export/sale.order` → orders; `…+order_line` also → order_lines. A one-to-many export
 *   writes an order's own columns on its first row only and one row per further line below it:
 *   the order's values are carried over its rows (an order starts where its id or reference
 *   changes). Quotations and cancelled orders are not orders and are left out. amount = the
 *   order's Total when exported, else the sum of its line subtotals (untaxed).
 * - `odoo-export/account.move` → invoices (customer invoices that are posted); order_id = the
 *   first document named in Source Document / Origin (Odoo writes the sale order reference there).
 * - `odoo-export/account.payment` → payments (customer receipts); invoice_id = the first document
 *   number in the memo (Odoo's register-payment wizard writes the invoice number there).
 * - `odoo-export/crm.lead` → leads (every record: Odoo keeps leads and opportunities in one model)
 *   and opportunities (records of type Opportunity, or all when there is no Type column). Both are
 *   keyed by the record's name, because that is how sale orders name their opportunity.
 */
import type { Message } from '../../models/messages/catalogue.ts';
import { importNote } from '../../models/messages/import-notes.ts';
import { col, findHeader, normalizeHeader, type Adapter, type AdapterMatch, type FieldSource, type SourceFile, type TargetPlan } from './adapter.ts';

type Found = Record<string, string | undefined>;

/** Candidate headers per field: technical name first, then labels (Odoo 12–17), then relation paths. */
function lookup(headers: readonly string[], spec: Record<string, readonly string[]>): Found {
  return Object.fromEntries(Object.entries(spec).map(([field, names]) => [field, findHeader(headers, ...names)]));
}

const text = (header: string) => `nullif(trim(${col(header)}), '')`;
const lower = (header: string | undefined) => (header ? `coalesce(lower(trim(${col(header)})), '')` : `''`);
const words = (list: readonly string[]) => list.map((w) => `'${w}'`).join(', ');
/** The first token holding a digit: "SO042, SO043" → SO042, "Payment of INV/2024/0007" → INV/2024/0007. */
const documentRef = (header: string): FieldSource => ({
  sql: `nullif(regexp_extract(${col(header)}, '([^\\s,;]*[0-9][^\\s,;]*)', 1), '')`, label: header,
});
const present = (fields: Record<string, FieldSource | undefined>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, FieldSource>;
function confidence(found: Found, expected: readonly string[], nameHint: boolean): number {
  const share = expected.filter((f) => found[f] !== undefined).length / expected.length;
  return Math.round((0.6 + 0.3 * share + (nameHint ? 0.1 : 0)) * 100) / 100;
}
function named(file: SourceFile, ...models: string[]): boolean {
  const name = normalizeHeader(file.name);
  return models.some((m) => name.includes(normalizeHeader(m)));
}

// ---------------------------------------------------------------------------------------- sale.order

const ORDER_COLUMNS = {
  xid: ['id', 'External ID'],
  ref: ['name', 'Order Reference', 'order_line/order_id/name', 'Order Lines/Order Reference/Order Reference'],
  date: ['date_order', 'Order Date', 'order_line/order_id/date_order', 'Order Lines/Order Reference/Order Date'],
  confirmed: ['confirmation_date', 'Confirmation Date', 'order_line/order_id/confirmation_date', 'Order Lines/Order Reference/Confirmation Date'],
  partner: ['partner_id', 'Customer', 'order_line/order_partner_id/display_name', 'order_line/order_partner_id', 'order_line/order_id/partner_id', 'Order Lines/Customer'],
  total: ['amount_total', 'Total', 'order_line/order_id/amount_total', 'Order Lines/Order Reference/Total'],
  currency: ['currency_id', 'Currency', 'order_line/order_id/currency_id', 'order_line/currency_id', 'Order Lines/Currency'],
  opportunity: ['opportunity_id', 'Opportunity', 'order_line/order_id/opportunity_id', 'Order Lines/Order Reference/Opportunity'],
  state: ['state', 'Status', 'order_line/order_id/state', 'Order Lines/Order Reference/Status', 'Order Lines/Status'],
} as const;
const LINE_COLUMNS = {
  xid: ['order_line/id', 'Order Lines/External ID'],
  product: ['order_line/product_id', 'Order Lines/Product', 'order_line/name', 'Order Lines/Description'],
  quantity: ['order_line/product_uom_qty', 'Order Lines/Quantity'],
  subtotal: ['order_line/price_subtotal', 'Order Lines/Subtotal'],
} as const;
/** Status values of a sale.order that is not (or no longer) an order. */
const NOT_ORDERS = ['draft', 'sent', 'cancel', 'quotation', 'quotation sent', 'cancelled'];

/** A column of the order line (order_line/…) rather than of the order reached through it. */
function isLineColumn(header: string): boolean {
  return /^(order_line|order lines)\//i.test(header) && !/^(order_line\/order_(id|partner_id)|order lines\/(order reference|customer))(\/|$)/i.test(header);
}

/**
 * The rows with every order column carried over the order's rows (ltc_<field>), the order's
 * number (ltc_order_no), whether the row starts it (ltc_first), the line's position in it and the
 * sum of its line subtotals (NULL when a subtotal is not a plain number).
 */
function carryOrders(order: Found, subtotal: string | undefined): string {
  const keys = [order.xid, order.ref].filter((h): h is string => h !== undefined);
  const starts = keys.map((h) => `(${text(h)} IS NOT NULL AND ${text(h)} IS DISTINCT FROM
      last_value(${text(h)} IGNORE NULLS) OVER (ORDER BY ltc_rec ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))`);
  const carried = Object.entries(order).filter(([, h]) => h !== undefined)
    .map(([field, h]) => `first_value(${text(h!)} IGNORE NULLS) OVER o AS ltc_${field}`);
  const amount = subtotal ? `try_cast(${text(subtotal)} AS DECIMAL(38, 6))` : 'NULL::DECIMAL(38, 6)';
  const lines = subtotal
    ? `CASE WHEN count(${text(subtotal)}) OVER o = count(${amount}) OVER o THEN (sum(${amount}) OVER o)::VARCHAR END`
    : 'NULL::VARCHAR';
  return `WITH marked AS (SELECT *, (${starts.join(' OR ')}) AS ltc_first FROM ltc_raw),
    numbered AS (SELECT *, sum(ltc_first::INTEGER) OVER (ORDER BY ltc_rec ROWS UNBOUNDED PRECEDING) AS ltc_order_no FROM marked)
    SELECT *, ${carried.join(', ')},
      row_number() OVER (PARTITION BY ltc_order_no ORDER BY ltc_rec) AS ltc_line_no,
      ${lines} AS ltc_lines_total
    FROM numbered
    WINDOW o AS (PARTITION BY ltc_order_no ORDER BY ltc_rec ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
}

function saleOrder(file: SourceFile): AdapterMatch | null {
  const order = lookup(file.headers, ORDER_COLUMNS);
  const line = lookup(file.headers, LINE_COLUMNS);
  if ((order.ref ?? order.xid) === undefined || order.date === undefined) return null;
  const nameHint = named(file, 'sale.order');
  const odooLike = nameHint || findHeader(file.headers, 'date_order') !== undefined
    || (order.ref !== undefined && order.ref !== findHeader(file.headers, 'name'));
  if (!odooLike) return null;
  const orderId = order.ref ?? order.xid!;
  const carried = (field: keyof typeof ORDER_COLUMNS): FieldSource | undefined =>
    order[field] === undefined ? undefined : { sql: `ltc_${field}`, label: order[field] };
  const orderFields = present({
    order_id: carried(orderId === order.ref ? 'ref' : 'xid'),
    created_at: carried('date'), confirmed_at: carried('confirmed'), account_id: carried('partner'),
    amount: carried('total') ?? (line.subtotal ? { sql: 'ltc_lines_total', label: `sum of ${line.subtotal}` } : undefined),
    currency: carried('currency'), opportunity_id: carried('opportunity'),
  });
  const from = carryOrders(order, line.subtotal);
  const isOrder = order.state ? `${lower('ltc_state')} NOT IN (${words(NOT_ORDERS)})` : 'true';
  const asFields = new Set(Object.values(orderFields).map((f) => (typeof f === 'string' ? f : f.label)));
  const lineHeaders = file.headers.filter(isLineColumn);
  const targets: TargetPlan[] = [{
    kind: 'orders', from, where: `ltc_first AND ${isOrder}`, fields: orderFields,
    attributes: file.headers.filter((h) => !isLineColumn(h) && !asFields.has(h)),
  }];
  const notes: Message[] = order.state ? [importNote('odoo_not_orders', { column: order.state })] : [];
  if (lineHeaders.length > 0) {
    targets.push({
      kind: 'order_lines', from,
      // rows that only continue another one-to-many column carry no line
      where: `(${lineHeaders.map((h) => `${text(h)} IS NOT NULL`).join(' OR ')}) AND ${isOrder}`,
      fields: present({
        order_id: orderFields.order_id,
        line_id: line.xid ? { sql: `coalesce(${text(line.xid)}, ltc_line_no::VARCHAR)`, label: line.xid }
          : { sql: 'ltc_line_no::VARCHAR', label: 'position of the line in its order' },
        product: line.product, quantity: line.quantity, amount: line.subtotal,
      }),
      attributes: lineHeaders.filter((h) => !Object.values(line).includes(h)),
    });
    notes.push(importNote('odoo_carried_down'));
  }
  if (!order.total && line.subtotal) notes.push(importNote('odoo_amount_from_lines', { column: line.subtotal }));
  return {
    adapter: 'odoo', preset: lineHeaders.length > 0 ? 'odoo-export/sale.order+order_line' : 'odoo-export/sale.order',
    confidence: confidence({ ...order, subtotal: line.subtotal }, ['ref', 'date', 'partner', 'total', 'state', 'subtotal'], nameHint),
    targets, notes,
    skips: order.state ? [{ reason: 'draft_or_cancelled', from, where: `NOT (${isOrder})` }] : [],
  };
}

// ---------------------------------------------------------------------------------------- account.move

const MOVE_COLUMNS = {
  number: ['name', 'Number', 'number'],
  date: ['invoice_date', 'Invoice/Bill Date', 'Invoice Date', 'date_invoice'],
  due: ['invoice_date_due', 'Due Date', 'date_due'],
  origin: ['invoice_origin', 'Source Document', 'Origin', 'origin'],
  total: ['amount_total', 'Total', 'Total in Currency', 'amount_total_in_currency_signed', 'Total in Currency Signed', 'amount_total_signed', 'Total Signed'],
  currency: ['currency_id', 'Currency'],
  type: ['move_type', 'type', 'Type'],
  state: ['state', 'Status'],
};
/** Entries of account.move / account.invoice that are not customer invoices (technical values and labels). */
const NOT_CUSTOMER_INVOICES = ['entry', 'in_invoice', 'in_refund', 'out_refund', 'in_receipt', 'journal entry', 'vendor bill',
  'vendor credit note', 'customer credit note', 'purchase receipt', 'supplier invoice', 'supplier refund', 'customer refund', 'credit note'];
const NOT_ISSUED = ['draft', 'cancel', 'cancelled', 'canceled'];

function accountMove(file: SourceFile): AdapterMatch | null {
  const f = lookup(file.headers, MOVE_COLUMNS);
  if (!f.number || !f.date || !f.total || !(f.origin || f.due)) return null;
  const nameHint = named(file, 'account.move', 'account.invoice');
  if (!nameHint && !findHeader(file.headers, 'Invoice/Bill Date', 'invoice_date', 'date_invoice', 'invoice_origin')) return null;
  return {
    adapter: 'odoo', preset: 'odoo-export/account.move', confidence: confidence(f, ['origin', 'due', 'currency', 'type', 'state'], nameHint),
    targets: [{
      kind: 'invoices',
      where: `${lower(f.type)} NOT IN (${words(NOT_CUSTOMER_INVOICES)}) AND ${lower(f.state)} NOT IN (${words(NOT_ISSUED)})`,
      fields: present({
        invoice_id: f.number, order_id: f.origin ? documentRef(f.origin) : undefined, issued_at: f.date, due_at: f.due,
        amount: f.total, currency: f.currency,
      }),
    }],
    skips: [
      { reason: 'draft_or_cancelled', where: `${lower(f.state)} IN (${words(NOT_ISSUED)})` },
      { reason: 'not_a_customer_document', where: `${lower(f.type)} IN (${words(NOT_CUSTOMER_INVOICES)})` },
    ],
    notes: [importNote('odoo_posted_invoices'), importNote('odoo_invoice_order')],
  };
}

// ---------------------------------------------------------------------------------------- account.payment

const PAYMENT_COLUMNS = {
  number: ['name', 'Number'],
  date: ['date', 'Date', 'payment_date', 'Payment Date'],
  amount: ['amount', 'Amount'],
  memo: ['memo', 'ref', 'communication', 'Memo', 'Reference', 'Payment Reference'],
  type: ['payment_type', 'Payment Type'],
  partnerType: ['partner_type', 'Partner Type'],
  state: ['state', 'Status'],
};
const NOT_RECEIPTS = ['outbound', 'send', 'send money', 'transfer', 'internal transfer', 'supplier', 'vendor'];
const NOT_PAID = ['draft', 'cancel', 'cancelled', 'canceled', 'rejected'];

function accountPayment(file: SourceFile): AdapterMatch | null {
  const f = lookup(file.headers, PAYMENT_COLUMNS);
  if (!f.number || !f.date || !f.amount || !f.memo) return null;
  const nameHint = named(file, 'account.payment');
  const odooLike = findHeader(file.headers, 'payment_type', 'Payment Type', 'journal_id', 'Journal', 'payment_method_line_id', 'Payment Method');
  if (!nameHint && !odooLike) return null;
  return {
    adapter: 'odoo', preset: 'odoo-export/account.payment', confidence: confidence(f, ['type', 'partnerType', 'state'], nameHint),
    targets: [{
      kind: 'payments',
      where: `${lower(f.type)} NOT IN (${words(NOT_RECEIPTS)}) AND ${lower(f.partnerType)} NOT IN (${words(NOT_RECEIPTS)})
        AND ${lower(f.state)} NOT IN (${words(NOT_PAID)})`,
      fields: { payment_id: f.number, paid_at: f.date, amount: f.amount, invoice_id: documentRef(f.memo) },
    }],
    skips: [
      { reason: 'draft_or_cancelled', where: `${lower(f.state)} IN (${words(NOT_PAID)})` },
      { reason: 'not_a_customer_document', where: `${lower(f.type)} IN (${words(NOT_RECEIPTS)}) OR ${lower(f.partnerType)} IN (${words(NOT_RECEIPTS)})` },
    ],
    notes: [importNote('odoo_receipts'), importNote('odoo_memo_invoice')],
  };
}

// ---------------------------------------------------------------------------------------- crm.lead

const LEAD_COLUMNS = {
  name: ['name', 'Opportunity', 'Lead'],
  created: ['create_date', 'Created on'],
  source: ['source_id', 'Source'],
  stage: ['stage_id', 'Stage'],
  owner: ['user_id', 'Salesperson'],
  revenue: ['expected_revenue', 'planned_revenue', 'Expected Revenue'],
  probability: ['probability', 'Probability'],
  type: ['type', 'Type'],
  closed: ['date_closed', 'Closed Date'],
  converted: ['date_conversion', 'Conversion Date'],
  partner: ['partner_id', 'Customer'],
  currency: ['company_currency', 'Currency'],
  lostReason: ['lost_reason_id', 'lost_reason', 'Lost Reason'],
  active: ['active', 'Active'],
};

function crmLead(file: SourceFile): AdapterMatch | null {
  const f = lookup(file.headers, LEAD_COLUMNS);
  if (!f.name || !f.created || !(f.stage || f.revenue)) return null;
  const nameHint = named(file, 'crm.lead');
  if (!nameHint && !findHeader(file.headers, 'Expected Revenue', 'expected_revenue', 'planned_revenue', 'stage_id')) return null;
  const isOpportunity = f.type ? `${lower(f.type)} IN ('opportunity', '')` : 'true';
  const won = [f.stage ? `${lower(f.stage)} = 'won'` : undefined, f.probability ? `try_cast(${text(f.probability)} AS DOUBLE) >= 100` : undefined]
    .filter(Boolean).join(' OR ') || 'false';
  // Odoo marks a lost opportunity by archiving it with a lost reason.
  const lost = [f.lostReason ? `${text(f.lostReason)} IS NOT NULL` : undefined, f.active ? `${lower(f.active)} IN ('false', '0', 'no')` : undefined,
    f.stage ? `${lower(f.stage)} = 'lost'` : undefined].filter(Boolean).join(' OR ') || 'false';
  const flag = (condition: string, label: string): FieldSource => ({ sql: `CASE WHEN ${condition} THEN 'true' ELSE 'false' END`, label });
  const common = { created_at: f.created, owner: f.owner, account_id: f.partner };
  return {
    adapter: 'odoo', preset: 'odoo-export/crm.lead',
    confidence: confidence(f, ['source', 'stage', 'owner', 'revenue', 'type'], nameHint),
    targets: [{
      kind: 'leads',
      fields: present({
        lead_id: f.name, ...common, source: f.source, status: f.stage, converted_at: f.converted,
        opportunity_id: { sql: `CASE WHEN ${isOpportunity} THEN ${text(f.name)} END`, label: f.name },
      }),
    }, {
      kind: 'opportunities', where: isOpportunity,
      fields: present({
        opportunity_id: f.name, lead_id: f.name, ...common,
        ...(f.converted ? { created_at: { sql: `coalesce(${text(f.converted)}, ${text(f.created)})`, label: `${f.converted}, else ${f.created}` } } : {}),
        stage: f.stage, amount: f.revenue, currency: f.currency, closed_at: f.closed,
        is_won: flag(`(${won}) AND NOT (${lost})`, f.stage ?? 'won'),
        is_closed: flag(`(${won}) OR (${lost})`, f.stage ?? 'won or lost'),
      }),
    }],
    notes: [importNote('odoo_leads'), importNote('odoo_won_lost')],
  };
}

const odoo: Adapter = {
  id: 'odoo',
  detect(file: SourceFile): AdapterMatch | null {
    const matches = [saleOrder(file), accountMove(file), accountPayment(file), crmLead(file)]
      .filter((m): m is AdapterMatch => m !== null)
      .sort((a, b) => b.confidence - a.confidence);
    return matches[0] ?? null;
  },
};

export default odoo;
