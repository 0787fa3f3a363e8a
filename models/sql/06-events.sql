-- The LTC event log derived from the canonical tables (docs/process-mining.md): one event per thing that
-- happened to a record of a case, named once for every source (README, "The LTC event log").
-- `position` is the step's place in the reference LTC order; it breaks timestamp ties, then the
-- object id does, and event_index numbers each case's events in that order (per case: a numbering
-- of the whole log would be one sort on one thread, and only the order within a case matters).
-- This table is the LTC log's only copy: the process-mining models read it as their steps
-- (event_index is the step), models/event-log.ts.
CREATE TABLE model.ltc_events AS
WITH payment_targets AS (
  SELECT p.payment_id, p.paid_at,
    coalesce(l.invoice_id, CASE WHEN l.line_id IS NULL THEN p.invoice_id END) AS invoice_id,
    coalesce(l.order_id, CASE WHEN l.line_id IS NULL THEN p.order_id END) AS order_id
  FROM payments p LEFT JOIN payment_lines l ON l.payment_id = p.payment_id
),
payment_cases AS (
  -- the case of the invoice it names, else of the order it (or that invoice) names
  SELECT DISTINCT t.payment_id, t.paid_at, coalesce(ic.case_id, oc.case_id) AS case_id
  FROM payment_targets t
  LEFT JOIN model.linked_invoices i ON i.invoice_id = t.invoice_id
  LEFT JOIN model.order_cases ic ON ic.order_id = i.order_id
  LEFT JOIN model.order_cases oc ON oc.order_id = coalesce(t.order_id, i.order_id)
),
steps AS (
  SELECT lead_id AS case_id, 'Lead created' AS activity, 1 AS position, created_at AS timestamp,
    owner AS resource, 'lead' AS object_type, lead_id AS object_id
  FROM leads
  UNION ALL
  SELECT lead_id, 'Lead qualified', 2, qualified_at, owner, 'lead', lead_id FROM leads WHERE qualified_at IS NOT NULL
  UNION ALL
  SELECT lead_id, 'Lead disqualified', 3, disqualified_at, owner, 'lead', lead_id FROM leads WHERE disqualified_at IS NOT NULL
  UNION ALL
  SELECT oc.case_id, 'Opportunity created', 4, o.created_at, o.owner, 'opportunity', o.opportunity_id
  FROM opportunities o JOIN model.opportunity_cases oc USING (opportunity_id)
  UNION ALL
  SELECT oc.case_id, 'Quote sent', 5, coalesce(q.sent_at, q.created_at), NULL, 'quote', q.quote_id
  FROM quotes q JOIN model.opportunity_cases oc USING (opportunity_id)
  UNION ALL
  SELECT oc.case_id, 'Quote accepted', 6, q.accepted_at, NULL, 'quote', q.quote_id
  FROM quotes q JOIN model.opportunity_cases oc USING (opportunity_id) WHERE q.accepted_at IS NOT NULL
  UNION ALL
  SELECT oc.case_id, CASE WHEN o.is_won THEN 'Opportunity won' ELSE 'Opportunity lost' END, 7, o.closed_at, o.owner,
    'opportunity', o.opportunity_id
  FROM opportunities o JOIN model.opportunity_cases oc USING (opportunity_id)
  WHERE o.is_closed AND o.is_won IS NOT NULL AND o.closed_at IS NOT NULL
  UNION ALL
  SELECT oc.case_id, 'Order created', 8, o.created_at, NULL, 'order', o.order_id
  FROM orders o JOIN model.order_cases oc USING (order_id)
  UNION ALL
  SELECT oc.case_id, 'Order confirmed', 9, o.confirmed_at, NULL, 'order', o.order_id
  FROM orders o JOIN model.order_cases oc USING (order_id) WHERE o.confirmed_at IS NOT NULL
  UNION ALL
  SELECT oc.case_id, 'Delivered', 10, d.delivered_at, NULL, 'delivery', d.delivery_id
  FROM deliveries d JOIN model.order_cases oc USING (order_id)
  UNION ALL
  SELECT case_id, 'Invoice issued', 11, issued_at, NULL, 'invoice', invoice_id
  FROM model.invoice_facts WHERE case_id IS NOT NULL
  UNION ALL
  SELECT case_id, 'Payment received', 12, paid_at, NULL, 'payment', payment_id
  FROM payment_cases WHERE case_id IS NOT NULL
  UNION ALL
  SELECT case_id, 'Fully paid', 13, paid_at, NULL, 'invoice', invoice_id
  FROM model.invoice_facts WHERE case_id IS NOT NULL AND paid_at IS NOT NULL
  UNION ALL
  -- With no invoices loaded at all, an order is fully paid when the payments naming it reach its amount.
  SELECT case_id, 'Fully paid', 13, cash_at, NULL, 'order', order_id
  FROM model.order_facts WHERE NOT EXISTS (SELECT 1 FROM main.invoices) AND cash_at IS NOT NULL
)
SELECT
  case_id, activity, timestamp, resource, object_type, object_id, position,
  row_number() OVER w AS event_index,
  -- what the process-mining models read (model.log_steps of the other logs): the activity that
  -- directly follows and how long after, from the same ordering, so the log is kept once
  lead(activity) OVER w AS next_activity,
  date_diff('microsecond', timestamp, lead(timestamp) OVER w) / 1e6 AS seconds_to_next
FROM steps
WHERE timestamp IS NOT NULL
WINDOW w AS (PARTITION BY case_id ORDER BY timestamp, position, object_id);
