-- Every record of one case (docs/linking.md), each with the link it came by and its span for a timeline
-- lane: opportunity created → closed, order created → last delivery (first invoice when no
-- deliveries are loaded), invoice issued → paid, delivery shipped → delivered; other records are
-- points. `timestamps` holds the record's own moments (planned ones — due_at, the close date of
-- an open opportunity — are kept apart in `details`).
WITH the_case AS (
  SELECT case_id, lead_id, first_order_id FROM model.cases WHERE case_id = $case_id
),
case_opportunities AS (
  SELECT opportunity_id, link FROM model.opportunity_cases WHERE case_id = $case_id
),
case_orders AS (
  SELECT order_id, link, opportunity_id FROM model.order_cases WHERE case_id = $case_id
),
case_invoices AS (
  SELECT invoice_id FROM model.linked_invoices WHERE order_id IN (SELECT order_id FROM case_orders)
),
lined AS (
  SELECT DISTINCT payment_id FROM payment_lines
  WHERE invoice_id IN (SELECT invoice_id FROM case_invoices) OR order_id IN (SELECT order_id FROM case_orders)
),
case_payments AS (
  SELECT p.*,
    CASE WHEN p.invoice_id IN (SELECT invoice_id FROM case_invoices) THEN 'payments.invoice_id'
         WHEN p.order_id IN (SELECT order_id FROM case_orders) THEN 'payments.order_id'
         ELSE 'payment_lines' END AS link
  FROM payments p
  WHERE p.invoice_id IN (SELECT invoice_id FROM case_invoices)
     OR p.order_id IN (SELECT order_id FROM case_orders)
     OR p.payment_id IN (SELECT payment_id FROM lined)
),
applications AS (
  SELECT p.payment_id,
    list({'invoice_id': a.invoice_id, 'amount': a.amount, 'applied_by': a.applied_by} ORDER BY a.paid_at, a.invoice_id) AS applied
  FROM case_payments p
  JOIN model.payment_applications a ON a.payment_id = p.payment_id OR starts_with(a.payment_id, p.payment_id || '/')
  GROUP BY p.payment_id
),
objects AS (
  SELECT 'lead' AS type, l.lead_id AS id, 'origin' AS link, NULL AS parent_type, NULL AS parent_id, false AS inferred,
    l.created_at AS start_at, NULL::TIMESTAMP AS end_at, NULL::DOUBLE AS amount, NULL AS currency,
    to_json({'created_at': l.created_at, 'qualified_at': l.qualified_at, 'disqualified_at': l.disqualified_at,
             'converted_at': l.converted_at}) AS timestamps,
    to_json({'status': l.status, 'source': l.source, 'owner': l.owner, 'region': l.region, 'segment': l.segment,
             'account_id': l.account_id, 'opportunity_id': l.opportunity_id}) AS details
  FROM leads l WHERE l.lead_id = (SELECT lead_id FROM the_case)
  UNION ALL
  SELECT 'opportunity', o.opportunity_id,
    CASE co.link WHEN 'none' THEN 'origin' WHEN 'opportunity.lead_id' THEN 'opportunities.lead_id' ELSE 'leads.opportunity_id' END,
    CASE WHEN co.link <> 'none' THEN 'lead' END, CASE WHEN co.link <> 'none' THEN $case_id END,
    co.link = 'lead.opportunity_id',
    o.created_at, CASE WHEN o.is_closed THEN o.closed_at END, o.amount, o.currency,
    to_json({'created_at': o.created_at, 'closed_at': CASE WHEN o.is_closed THEN o.closed_at END}),
    to_json({'stage': o.stage, 'is_closed': o.is_closed, 'is_won': o.is_won, 'owner': o.owner, 'account_id': o.account_id,
             'lead_id': o.lead_id, 'expected_close_at': CASE WHEN NOT coalesce(o.is_closed, false) THEN o.closed_at END})
  FROM opportunities o JOIN case_opportunities co ON co.opportunity_id = o.opportunity_id
  UNION ALL
  SELECT 'quote', q.quote_id, 'quotes.opportunity_id', 'opportunity', q.opportunity_id, false,
    q.created_at, NULL, q.amount, NULL,
    to_json({'created_at': q.created_at, 'sent_at': q.sent_at, 'accepted_at': q.accepted_at}),
    to_json({'opportunity_id': q.opportunity_id})
  FROM quotes q WHERE q.opportunity_id IN (SELECT opportunity_id FROM case_opportunities)
  UNION ALL
  SELECT 'order', o.order_id,
    CASE co.link WHEN 'none' THEN 'origin' WHEN 'opportunity' THEN 'orders.opportunity_id'
                 WHEN 'lead.opportunity_id' THEN 'leads.opportunity_id' WHEN 'match' THEN 'record_links' ELSE 'orders.lead_id' END,
    CASE co.link WHEN 'none' THEN NULL WHEN 'opportunity' THEN 'opportunity' WHEN 'match' THEN 'opportunity' ELSE 'lead' END,
    CASE co.link WHEN 'none' THEN NULL WHEN 'opportunity' THEN o.opportunity_id WHEN 'match' THEN co.opportunity_id ELSE $case_id END,
    (co.link = 'lead.opportunity_id' OR (co.link = 'opportunity' AND opc.link = 'lead.opportunity_id'))
      AND o.lead_id IS DISTINCT FROM $case_id,
    o.created_at,
    CASE WHEN EXISTS (SELECT 1 FROM deliveries) THEN f.last_delivered_at ELSE f.first_issued_at END,
    o.amount, o.currency,
    to_json({'created_at': o.created_at, 'confirmed_at': o.confirmed_at}),
    to_json({'first': o.order_id = (SELECT first_order_id FROM the_case), 'opportunity_id': o.opportunity_id,
             'lead_id': o.lead_id, 'account_id': o.account_id, 'deliveries': f.deliveries, 'invoices': f.invoices,
             'last_delivered_at': f.last_delivered_at, 'first_issued_at': f.first_issued_at, 'cash_at': f.cash_at})
  FROM orders o JOIN case_orders co ON co.order_id = o.order_id JOIN model.order_facts f ON f.order_id = o.order_id
  LEFT JOIN model.opportunity_cases opc ON opc.opportunity_id = o.opportunity_id
  UNION ALL
  SELECT 'delivery', d.delivery_id, 'deliveries.order_id', 'order', d.order_id, false,
    coalesce(d.shipped_at, d.delivered_at), CASE WHEN d.shipped_at IS NOT NULL THEN d.delivered_at END, NULL, NULL,
    to_json({'shipped_at': d.shipped_at, 'delivered_at': d.delivered_at}),
    to_json({'order_id': d.order_id})
  FROM deliveries d WHERE d.order_id IN (SELECT order_id FROM case_orders)
  UNION ALL
  SELECT 'invoice', i.invoice_id, CASE i.order_link WHEN 'match' THEN 'record_links' ELSE 'invoices.order_id' END, 'order', i.order_id, false,
    i.issued_at, f.paid_at, i.amount, i.currency,
    to_json({'issued_at': i.issued_at}),
    to_json({'order_id': i.order_id, 'due_at': i.due_at, 'paid_amount': f.paid_amount, 'paid_at': f.paid_at})
  FROM model.linked_invoices i JOIN model.invoice_facts f ON f.invoice_id = i.invoice_id
  WHERE i.order_id IN (SELECT order_id FROM case_orders)
  UNION ALL
  SELECT 'payment', p.payment_id, p.link,
    CASE p.link WHEN 'payments.invoice_id' THEN 'invoice' WHEN 'payments.order_id' THEN 'order' END,
    CASE p.link WHEN 'payments.invoice_id' THEN p.invoice_id WHEN 'payments.order_id' THEN p.order_id END, false,
    p.paid_at, NULL, p.amount, NULL,
    to_json({'paid_at': p.paid_at}),
    to_json({'invoice_id': p.invoice_id, 'order_id': p.order_id, 'applied': coalesce(a.applied, [])})
  FROM case_payments p LEFT JOIN applications a ON a.payment_id = p.payment_id
)
SELECT type, id, link, parent_type, parent_id, inferred,
  strftime(start_at, '%Y-%m-%dT%H:%M:%S') AS start_at, strftime(end_at, '%Y-%m-%dT%H:%M:%S') AS end_at,
  amount, currency, timestamps::VARCHAR AS timestamps, details::VARCHAR AS details
FROM objects
WHERE EXISTS (SELECT 1 FROM the_case)
