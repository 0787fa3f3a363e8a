/**
 * What a batch changed, as the incremental model build needs it (models/model-update.ts): the ids of
 * the records it wrote, replaced or (undone) removed, and the ids some of them name, before and after. Read from the batch's rows (batch_id) and the rows it replaced (<kind>_replaced.replaced_by),
 * which hold exactly that both after an import and before its undo.
 */
import type { Database } from './db/database.ts';
import { OCEL_TABLES } from './db/schema.ts';

/**
 * Per table the model builds cases from: the record's own id, and the fields naming other records
 * whose cases, orders or invoices the record's change moves. A lead's, opportunity's or order's own
 * case is found from its links before and after; only what has no link of its own (a quote, a
 * delivery, an invoice's or a payment's money) is followed through the records it names — and a
 * lead through the opportunity it names, which it may take from another lead.
 */
const NAMES: Readonly<Record<string, { readonly id: string; readonly fields: readonly string[] }>> = {
  leads: { id: 'lead_id', fields: ['lead_id', 'opportunity_id'] },
  opportunities: { id: 'opportunity_id', fields: ['opportunity_id'] },
  quotes: { id: 'quote_id', fields: ['opportunity_id'] },
  orders: { id: 'order_id', fields: ['order_id'] },
  deliveries: { id: 'delivery_id', fields: ['order_id'] },
  invoices: { id: 'invoice_id', fields: ['invoice_id', 'order_id'] },
  payments: { id: 'payment_id', fields: ['payment_id', 'invoice_id', 'order_id'] },
  payment_lines: { id: "payment_id || '/' || line_id", fields: ['payment_id', 'invoice_id', 'order_id'] },
  accounts: { id: 'account_id', fields: ['account_id'] },
};

/**
 * Tables whose change the incremental build does not follow: event logs and stage dictionaries feed
 * every timeline, order lines only link problems, decisions the links. A change of one rebuilds all.
 * (products and owners feed no model table.)
 */
const REBUILD_ALL = ['events', 'stages', 'order_lines'] as const;

/**
 * Fills the temp table ltc_model_changes (field, id) with the changes of `batches`. Returns false,
 * leaving it empty, when a change needs the whole model rebuilt.
 */
export async function captureChanges(db: Database, batches: readonly number[]): Promise<boolean> {
  await db.exec('CREATE OR REPLACE TEMP TABLE ltc_model_changes (field VARCHAR, id VARCHAR)');
  if (batches.length === 0) return true;
  const list = batches.map((b) => String(Math.trunc(b))).join(', ');
  const others = [
    ...REBUILD_ALL.flatMap((t) => [`SELECT 1 FROM ${t} WHERE batch_id IN (${list})`, `SELECT 1 FROM ${t}_replaced WHERE replaced_by IN (${list})`]),
    ...[...OCEL_TABLES, 'record_links'].map((t) => `SELECT 1 FROM ${t} WHERE batch_id IN (${list})`),
  ];
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${others.join(' UNION ALL ')})`);
  if (n > 0) return false;
  for (const [table, names] of Object.entries(NAMES)) {
    const entries = [`{'field': '${table}', 'id': ${names.id}}`, ...names.fields.map((f) => `{'field': '${f}', 'id': ${f}}`)];
    await db.exec(`INSERT INTO ltc_model_changes
      SELECT DISTINCT e.field, e.id FROM (
        SELECT unnest([${entries.join(', ')}]) AS e FROM (
          SELECT * EXCLUDE (batch_id) FROM ${table} WHERE batch_id IN (${list})
          UNION ALL BY NAME
          SELECT * EXCLUDE (batch_id, replaced_by) FROM ${table}_replaced WHERE replaced_by IN (${list})))
      WHERE e.id IS NOT NULL`);
  }
  // A changed payment or line changes how the whole payment is applied: a payment with lines pays
  // through them, not its own invoice, and lends them its date. So whatever the payment and each of
  // its lines name is changed too.
  await db.exec(`INSERT INTO ltc_model_changes
    SELECT DISTINCT e.field, e.id FROM (
      SELECT unnest([{'field': 'invoice_id', 'id': invoice_id}, {'field': 'order_id', 'id': order_id}]) AS e
      FROM (
        SELECT payment_id, invoice_id, order_id FROM payments
        UNION ALL SELECT payment_id, invoice_id, order_id FROM payment_lines)
      WHERE payment_id IN (SELECT id FROM ltc_model_changes WHERE field = 'payment_id'))
    WHERE e.id IS NOT NULL`);
  return true;
}
