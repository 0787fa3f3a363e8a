/**
 * The canonical data contract (docs/data-contract.md): every table a source can be loaded into, its fields,
 * which are required, and the key by which rows are upserted.
 */
export type FieldType = 'id' | 'text' | 'timestamp' | 'number' | 'boolean';

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required?: boolean;
}

export interface TableSpec {
  readonly kind: TableKind;
  /** Fields whose values identify a row; re-imports replace rows with the same key. */
  readonly key: readonly string[];
  readonly fields: readonly FieldSpec[];
}

export const TABLE_KINDS = [
  'leads', 'opportunities', 'quotes', 'orders', 'deliveries', 'invoices', 'payments', 'events',
  'accounts', 'stages', 'order_lines', 'products', 'owners', 'payment_lines',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

const id = (name: string, required = false): FieldSpec => ({ name, type: 'id', required });
const text = (name: string): FieldSpec => ({ name, type: 'text' });
const at = (name: string, required = false): FieldSpec => ({ name, type: 'timestamp', required });
const num = (name: string, required = false): FieldSpec => ({ name, type: 'number', required });
const bool = (name: string): FieldSpec => ({ name, type: 'boolean' });

export const CONTRACT: Readonly<Record<TableKind, TableSpec>> = {
  leads: {
    kind: 'leads', key: ['lead_id'],
    fields: [id('lead_id', true), at('created_at', true), text('source'), text('status'), text('owner'),
      text('region'), text('segment'), id('account_id'), at('qualified_at'), at('disqualified_at'),
      at('converted_at'), id('opportunity_id')],
  },
  opportunities: {
    kind: 'opportunities', key: ['opportunity_id'],
    // created_at may be empty: an opportunity not yet engaged (Maven's Prospecting deals) is an undated
    // open record — counted in the pipeline, left out of every dated measure.
    fields: [id('opportunity_id', true), at('created_at'), id('lead_id'), id('account_id'), text('stage'),
      bool('is_closed'), bool('is_won'), at('closed_at'), num('amount'), text('currency'), text('owner')],
  },
  quotes: {
    kind: 'quotes', key: ['quote_id'],
    fields: [id('quote_id', true), id('opportunity_id', true), at('created_at', true), at('sent_at'),
      at('accepted_at'), num('amount')],
  },
  orders: {
    kind: 'orders', key: ['order_id'],
    fields: [id('order_id', true), at('created_at', true), id('opportunity_id'), id('lead_id'), id('account_id'),
      at('confirmed_at'), num('amount'), text('currency')],
  },
  deliveries: {
    kind: 'deliveries', key: ['delivery_id'],
    fields: [id('delivery_id', true), id('order_id', true), at('delivered_at', true), at('shipped_at')],
  },
  invoices: {
    kind: 'invoices', key: ['invoice_id'],
    fields: [id('invoice_id', true), id('order_id', true), at('issued_at', true), at('due_at'),
      num('amount', true), text('currency')],
  },
  payments: {
    kind: 'payments', key: ['payment_id'],
    fields: [id('payment_id', true), at('paid_at', true), num('amount', true), id('invoice_id'), id('order_id')],
  },
  events: {
    kind: 'events', key: [],
    fields: [id('case_id', true), text('activity'), at('timestamp', true), text('lifecycle'), text('resource'),
      text('object_type'), id('object_id')].map((f) => (f.name === 'activity' ? { ...f, required: true } : f)),
  },
  accounts: {
    kind: 'accounts', key: ['account_id'],
    fields: [id('account_id', true), text('name'), text('industry'), text('region'), text('segment'), text('owner')],
  },
  stages: {
    kind: 'stages', key: ['pipeline', 'stage_id'],
    fields: [text('pipeline'), id('stage_id', true), text('label'), num('position'), bool('is_closed'),
      bool('is_won'), num('probability')],
  },
  order_lines: {
    kind: 'order_lines', key: ['order_id', 'line_id'],
    fields: [id('order_id', true), id('line_id'), text('product'), num('quantity'), num('amount')],
  },
  // How one payment was split over invoices (QuickBooks payment lines, SAP clearing, 回款核销):
  // where a payment has lines, the lines say which invoices its money paid.
  payment_lines: {
    kind: 'payment_lines', key: ['payment_id', 'line_id'],
    fields: [id('payment_id', true), id('line_id', true), id('invoice_id'), id('order_id'), num('amount', true)],
  },
  // A product catalogue (product → its family and list price): products become segments.
  products: {
    kind: 'products', key: ['product'],
    fields: [id('product', true), text('category'), num('list_price')],
  },
  // The sales organisation (owner → manager, team, region): owners' teams become segments.
  owners: {
    kind: 'owners', key: ['owner'],
    fields: [id('owner', true), text('name'), text('manager'), text('team'), text('region')],
  },
};

/** SQL type of a contract field in the database. */
export function sqlType(type: FieldType): string {
  switch (type) {
    case 'timestamp': return 'TIMESTAMP';
    case 'number': return 'DOUBLE';
    case 'boolean': return 'BOOLEAN';
    default: return 'VARCHAR';
  }
}

export function isTableKind(value: string): value is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(value);
}
