-- Link quality (docs/linking.md), checked once per import so that `ltc links` and the Overview page only
-- count rows (models/sql/links-*.sql). Rows of opportunities and orders carry their case's
-- segments, so that the global filters need no join.

-- How each opportunity and order reached its case. Orders: through their opportunity, through a lead
-- that names their (unloaded) opportunity, by their own lead_id, only to an opportunity without a
-- lead, or not at all. Inferred: the lead was found only because leads.opportunity_id names the
-- opportunity, and the order's own lead_id does not confirm it. Matched: the order reached its
-- opportunity by an accepted link (record_links), not by an id.
CREATE TABLE model.link_paths AS
SELECT 'opportunities' AS "table", o.opportunity_id AS id, o.created_at AS moment, opc.case_id,
  CASE opc.link WHEN 'opportunity.lead_id' THEN 'through_lead_id' WHEN 'lead.opportunity_id' THEN 'inferred' ELSE 'untraced' END AS path,
  opc.link = 'lead.opportunity_id' AS inferred,
  false AS matched,
  NULL AS opportunity_id,
  c.source, c.owner, c.region, c.segment, c.attributes
FROM opportunities o
JOIN model.opportunity_cases opc ON opc.opportunity_id = o.opportunity_id
JOIN model.cases c ON c.case_id = opc.case_id
UNION ALL
SELECT 'orders', o.order_id, o.created_at, oc.case_id,
  CASE WHEN oc.link IN ('opportunity', 'match') AND c.origin = 'lead' THEN 'through_opportunity'
       WHEN oc.link = 'lead.opportunity_id' THEN 'through_lead_opportunity_id'
       WHEN oc.link = 'lead' THEN 'through_lead_id'
       WHEN oc.link IN ('opportunity', 'match') THEN 'opportunity_only'
       ELSE 'untraced' END,
  (oc.link = 'lead.opportunity_id' OR (oc.link IN ('opportunity', 'match') AND opc.link = 'lead.opportunity_id'))
    AND o.lead_id IS DISTINCT FROM oc.case_id,
  oc.link = 'match',
  o.opportunity_id,
  c.source, c.owner, c.region, c.segment, c.attributes
FROM orders o
JOIN model.order_cases oc ON oc.order_id = o.order_id
JOIN model.cases c ON c.case_id = oc.case_id
LEFT JOIN model.opportunity_cases opc ON opc.opportunity_id = coalesce(oc.opportunity_id, o.opportunity_id);

-- Every link that points nowhere (a field naming a record that is not loaded), and every record of
-- the tables below orders whose parent is missing (orphans): one row each. `moment` is the record's
-- own date (lines take their parent's); `case_id` is set for records that are or belong to a case.
CREATE TABLE model.link_problems AS
WITH dangling AS (
  SELECT 'leads' AS "table", 'opportunity_id' AS field, l.lead_id AS id, l.opportunity_id AS value, l.created_at AS moment, l.lead_id AS case_id
  FROM leads l
  WHERE l.opportunity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM opportunities t WHERE t.opportunity_id = l.opportunity_id)
  UNION ALL
  SELECT 'leads', 'account_id', l.lead_id, l.account_id, l.created_at, l.lead_id
  FROM leads l
  WHERE l.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts t WHERE t.account_id = l.account_id)
  UNION ALL
  SELECT 'opportunities', 'lead_id', o.opportunity_id, o.lead_id, o.created_at, opc.case_id
  FROM opportunities o JOIN model.opportunity_cases opc ON opc.opportunity_id = o.opportunity_id
  WHERE o.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM leads t WHERE t.lead_id = o.lead_id)
  UNION ALL
  SELECT 'opportunities', 'account_id', o.opportunity_id, o.account_id, o.created_at, opc.case_id
  FROM opportunities o JOIN model.opportunity_cases opc ON opc.opportunity_id = o.opportunity_id
  WHERE o.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts t WHERE t.account_id = o.account_id)
  UNION ALL
  SELECT 'quotes', 'opportunity_id', q.quote_id, q.opportunity_id, q.created_at, NULL
  FROM quotes q
  WHERE q.opportunity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM opportunities t WHERE t.opportunity_id = q.opportunity_id)
  UNION ALL
  SELECT 'orders', 'opportunity_id', o.order_id, o.opportunity_id, o.created_at, oc.case_id
  FROM orders o JOIN model.order_cases oc ON oc.order_id = o.order_id
  WHERE o.opportunity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM opportunities t WHERE t.opportunity_id = o.opportunity_id)
  UNION ALL
  SELECT 'orders', 'lead_id', o.order_id, o.lead_id, o.created_at, oc.case_id
  FROM orders o JOIN model.order_cases oc ON oc.order_id = o.order_id
  WHERE o.lead_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM leads t WHERE t.lead_id = o.lead_id)
  UNION ALL
  SELECT 'orders', 'account_id', o.order_id, o.account_id, o.created_at, oc.case_id
  FROM orders o JOIN model.order_cases oc ON oc.order_id = o.order_id
  WHERE o.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts t WHERE t.account_id = o.account_id)
  UNION ALL
  SELECT 'order_lines', 'order_id', l.order_id || coalesce('/' || l.line_id, ''), l.order_id, NULL, NULL
  FROM order_lines l
  WHERE NOT EXISTS (SELECT 1 FROM orders t WHERE t.order_id = l.order_id)
  UNION ALL
  SELECT 'deliveries', 'order_id', d.delivery_id, d.order_id, d.delivered_at, NULL
  FROM deliveries d
  WHERE NOT EXISTS (SELECT 1 FROM orders t WHERE t.order_id = d.order_id)
  UNION ALL
  SELECT 'invoices', 'order_id', i.invoice_id, i.order_id, i.issued_at, NULL
  FROM invoices i
  WHERE NOT EXISTS (SELECT 1 FROM orders t WHERE t.order_id = i.order_id)
  UNION ALL
  SELECT 'payments', 'invoice_id', p.payment_id, p.invoice_id, p.paid_at, NULL
  FROM payments p
  WHERE p.invoice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoices t WHERE t.invoice_id = p.invoice_id)
  UNION ALL
  SELECT 'payments', 'order_id', p.payment_id, p.order_id, p.paid_at, NULL
  FROM payments p
  WHERE p.order_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders t WHERE t.order_id = p.order_id)
  UNION ALL
  SELECT 'payment_lines', 'payment_id', l.payment_id || '/' || l.line_id, l.payment_id, NULL, NULL
  FROM payment_lines l
  WHERE NOT EXISTS (SELECT 1 FROM payments t WHERE t.payment_id = l.payment_id)
  UNION ALL
  SELECT 'payment_lines', 'invoice_id', l.payment_id || '/' || l.line_id, l.invoice_id, p.paid_at, NULL
  FROM payment_lines l LEFT JOIN payments p ON p.payment_id = l.payment_id
  WHERE l.invoice_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoices t WHERE t.invoice_id = l.invoice_id)
  UNION ALL
  SELECT 'payment_lines', 'order_id', l.payment_id || '/' || l.line_id, l.order_id, p.paid_at, NULL
  FROM payment_lines l LEFT JOIN payments p ON p.payment_id = l.payment_id
  WHERE l.order_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders t WHERE t.order_id = l.order_id)
),
-- A payment is an orphan when none of the invoices or orders it (or its lines) names is loaded,
-- or when it names none at all. Only payments with a missing or no target can be one.
suspects AS (
  SELECT payment_id FROM payments p
  WHERE NOT EXISTS (SELECT 1 FROM invoices t WHERE t.invoice_id = p.invoice_id)
    AND NOT EXISTS (SELECT 1 FROM orders t WHERE t.order_id = p.order_id)
),
payment_targets AS (
  SELECT payment_id, invoice_id, order_id FROM payments WHERE payment_id IN (SELECT payment_id FROM suspects)
  UNION ALL
  SELECT payment_id, invoice_id, order_id FROM payment_lines WHERE payment_id IN (SELECT payment_id FROM suspects)
),
payment_status AS (
  SELECT p.payment_id, p.paid_at,
    bool_or(t.invoice_id IS NOT NULL OR t.order_id IS NOT NULL) AS names_something,
    bool_or(i.invoice_id IS NOT NULL OR o.order_id IS NOT NULL) AS names_loaded
  FROM payments p
  JOIN payment_targets t ON t.payment_id = p.payment_id
  LEFT JOIN invoices i ON i.invoice_id = t.invoice_id
  LEFT JOIN orders o ON o.order_id = t.order_id
  GROUP BY p.payment_id, p.paid_at
),
orphans AS (
  SELECT 'quotes' AS "table", 'opportunity_not_loaded' AS kind, quote_id AS id, created_at AS moment FROM quotes q
  WHERE NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.opportunity_id = q.opportunity_id)
  UNION ALL
  SELECT 'deliveries', 'order_not_loaded', delivery_id, delivered_at FROM deliveries d
  WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = d.order_id)
  UNION ALL
  SELECT 'invoices', 'order_not_loaded', invoice_id, issued_at FROM model.linked_invoices i
  WHERE order_link = 'none'
  UNION ALL
  SELECT 'payments', 'target_not_loaded', payment_id, paid_at FROM payment_status WHERE names_something AND NOT names_loaded
  UNION ALL
  SELECT 'payments', 'names_nothing', payment_id, paid_at FROM payment_status WHERE NOT names_something
)
SELECT 'dangling' AS problem, d."table", d.field AS "check", d.id, d.value, d.moment, d.case_id,
  c.source, c.owner, c.region, c.segment, c.attributes
FROM dangling d LEFT JOIN model.cases c ON c.case_id = d.case_id
UNION ALL
SELECT 'orphan', "table", kind, id, NULL, moment, NULL, NULL, NULL, NULL, NULL, NULL
FROM orphans;
