/**
 * SAP SD document flow (table VBFA) as orders, deliveries and invoices. Each VBFA row links a
 * preceding document item (VBELV/POSNV, category VBTYP_V) to a subsequent one (VBELN/POSNN,
 * VBTYP_N), created at ERDAT/ERZET — the moment the subsequent document was created. SAP writes
 * links over several levels (an invoice is linked to its order and to its delivery), and document
 * numbers of different categories may coincide, so every step below filters by category.
 * Categories used: C order, J delivery, R goods movement, M invoice, N invoice cancellation; the
 * others (quotations, returns, credit memos, pro forma invoices, transfer orders …) are not loaded.
 */
import type { Message } from '../../models/messages/catalogue.ts';
import { sapNote } from '../../models/messages/import-notes-sap.ts';
import { col, type TargetPlan } from './adapter.ts';
import { sapDateTime, sapDecimal, sapId, sortKey, text } from './sap-values.ts';

/** VBFA columns as the file names them (POSNV, POSNN, ERZET, RFWRT and WAERS may be absent). */
export interface FlowHeaders {
  readonly VBELV: string; readonly VBELN: string; readonly VBTYP_V: string; readonly VBTYP_N: string; readonly ERDAT: string;
  readonly POSNV?: string; readonly POSNN?: string; readonly ERZET?: string; readonly RFWRT?: string; readonly WAERS?: string;
}

/** Billing-type categories: a cancellation linked to one of these cancels that document, not an invoice we guess. */
const BILLING = `('M', 'N', 'O', 'P', 'S', 'U', '5', '6')`;

/** ltc_rec as fixed-width text, the last tie-breaker of every "first row" choice. */
const REC = `lpad(ltc_rec::VARCHAR, 12, '0')`;

function flowCte(h: FlowHeaders, decimalComma: boolean): string {
  const item = (header?: string) => (header ? `coalesce(${text(header)}, '')` : `''`);
  return `flow AS MATERIALIZED (
    SELECT *, ${sortKey('stamp')} AS stamp_key FROM (
      SELECT ltc_rec, ${sapId(h.VBELV)} AS pre, coalesce(trim(${col(h.VBELV)}), '') AS pre_no,
        ${item(h.POSNV)} AS pre_item, trim(${col(h.VBTYP_V)}) AS pre_cat,
        ${sapId(h.VBELN)} AS doc, ${item(h.POSNN)} AS item, trim(${col(h.VBTYP_N)}) AS cat,
        ${sapDateTime(h.ERDAT, h.ERZET)} AS stamp,
        ${h.RFWRT ? sapDecimal(h.RFWRT, decimalComma) : 'NULL::DECIMAL(18, 4)'} AS value,
        ${h.WAERS ? text(h.WAERS) : 'NULL::VARCHAR'} AS currency
      FROM ltc_raw))`;
}

/** The order of each delivery: the preceding order of its first item (a delivery may serve several). */
const DELIVERY_ORDER = `delivery_order AS (
    SELECT doc AS delivery, arg_min(pre, item || pre_no || ${REC}) AS order_id,
      arg_min(ltc_rec, item || pre_no || ${REC}) AS ltc_rec, arg_min(stamp, coalesce(stamp_key, '9')) AS created
    FROM flow WHERE pre_cat = 'C' AND cat = 'J' AND doc IS NOT NULL AND pre IS NOT NULL GROUP BY doc)`;

const ORDERS = `
  SELECT arg_min(ltc_rec, pick) AS ltc_rec, doc AS order_id, coalesce(arg_min(stamp, pick), any_value(stamp)) AS created_at,
    arg_min(basis, pick) AS created_at_basis
  FROM (
    SELECT ltc_rec, doc, stamp, '0' || coalesce(stamp_key, '9') || ${REC} AS pick, 'order created' AS basis FROM flow WHERE cat = 'C'
    UNION ALL
    SELECT ltc_rec, pre, stamp, '1' || coalesce(stamp_key, '9') || ${REC}, 'first follow-on document' FROM flow WHERE pre_cat = 'C')
  WHERE doc IS NOT NULL GROUP BY doc`;

const DELIVERIES = `
  SELECT d.ltc_rec, d.delivery AS delivery_id, d.order_id, coalesce(g.stamp, d.created) AS delivered_at,
    CASE WHEN g.stamp IS NULL THEN 'delivery created' ELSE 'goods issue' END AS delivered_at_basis
  FROM delivery_order d LEFT JOIN (
    SELECT pre AS delivery, arg_max(stamp, stamp_key) AS stamp FROM flow WHERE pre_cat = 'J' AND cat = 'R' GROUP BY pre
  ) g USING (delivery)`;

/**
 * Invoices that bill an order (directly, or through a delivery of it), with the cancellation that
 * cancels each one. A cancellation linked to its invoice (M → N) names it; an older one linked only
 * to the order and delivery items cancels the latest earlier invoice sharing most of those items.
 */
const INVOICES = `,
  billing AS (SELECT * FROM flow WHERE cat = 'M' AND doc IS NOT NULL),
  link AS (
    SELECT doc, ltc_rec, '0' || item || pre_no || ${REC} AS pick, pre AS order_id FROM billing WHERE pre_cat = 'C' AND pre IS NOT NULL
    UNION ALL
    SELECT b.doc, b.ltc_rec, '1' || b.item || b.pre_no || lpad(b.ltc_rec::VARCHAR, 12, '0'), d.order_id
    FROM billing b JOIN delivery_order d ON d.delivery = b.pre WHERE b.pre_cat = 'J'),
  item_value AS (
    SELECT doc, item, arg_min(value, CASE pre_cat WHEN 'C' THEN '0' WHEN 'J' THEN '1' ELSE '2' END || pre_no || pre_item || ${REC}) AS value
    FROM billing GROUP BY doc, item),
  header AS (
    SELECT doc, coalesce(arg_min(stamp, stamp_key), any_value(stamp)) AS issued_at, min(currency) AS currency FROM billing GROUP BY doc),
  cancellation AS (SELECT * FROM flow WHERE cat = 'N' AND doc IS NOT NULL),
  unlinked AS (
    SELECT doc FROM cancellation GROUP BY doc HAVING count(*) FILTER (WHERE pre_cat IN ${BILLING}) = 0),
  candidate AS (
    SELECT c.doc AS cancellation, b.doc AS invoice, count(*) AS shared, max(b.stamp_key) AS stamp_key
    FROM cancellation c JOIN billing b ON b.pre_cat = c.pre_cat AND b.pre = c.pre AND b.pre_item = c.pre_item AND b.stamp_key <= c.stamp_key
    WHERE c.pre_cat IN ('C', 'J') AND c.doc IN (SELECT doc FROM unlinked) GROUP BY ALL),
  cancelled AS (
    SELECT invoice, min(cancellation) AS cancelled_by FROM (
      SELECT pre AS invoice, doc AS cancellation FROM cancellation WHERE pre_cat = 'M'
      UNION ALL
      SELECT arg_max(invoice, lpad(shared::VARCHAR, 6, '0') || stamp_key || invoice), cancellation FROM candidate GROUP BY cancellation)
    GROUP BY invoice)
  SELECT arg_min(l.ltc_rec, l.pick) AS ltc_rec, l.doc AS invoice_id, arg_min(l.order_id, l.pick) AS order_id,
    any_value(h.issued_at) AS issued_at, any_value(a.amount)::VARCHAR AS amount, any_value(h.currency) AS currency,
    any_value(c.cancelled_by) AS cancelled_by
  FROM link l JOIN header h USING (doc)
    LEFT JOIN (SELECT doc, sum(value) AS amount FROM item_value GROUP BY doc) a USING (doc)
    LEFT JOIN cancelled c ON c.invoice = l.doc
  GROUP BY l.doc`;

/** The plans of a VBFA file; invoices only when it has values (RFWRT). */
export function documentFlowTargets(h: FlowHeaders, decimalComma: boolean): TargetPlan[] {
  const flow = `WITH ${flowCte(h, decimalComma)}`;
  const targets: TargetPlan[] = [
    {
      kind: 'orders',
      fields: { order_id: 'order_id', created_at: 'created_at' },
      attributes: ['created_at_basis'],
      from: `${flow}${ORDERS}`,
    },
    {
      kind: 'deliveries',
      fields: { delivery_id: 'delivery_id', order_id: 'order_id', delivered_at: 'delivered_at' },
      attributes: ['delivered_at_basis'],
      from: `${flow}, ${DELIVERY_ORDER}${DELIVERIES}`,
    },
  ];
  if (h.RFWRT) {
    targets.push({
      kind: 'invoices',
      fields: { invoice_id: 'invoice_id', order_id: 'order_id', issued_at: 'issued_at', amount: 'amount', currency: 'currency' },
      attributes: [],
      from: `${flow}, ${DELIVERY_ORDER}${INVOICES}`,
      where: 'cancelled_by IS NULL',
    });
  }
  return targets;
}

export const DOCUMENT_FLOW_NOTES: readonly Message[] = ([
  'flow_orders', 'flow_deliveries', 'flow_deliveries_without_order', 'flow_invoices', 'flow_invoices_without_order',
  'flow_cancelled', 'flow_memos',
] as const).map((id) => sapNote(id));
