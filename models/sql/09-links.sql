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
-- Each record's fields that name a record of another table (its references), with the record's own
-- date and case; lines are named by their parent's id and line number.
WITH record_references AS (
  SELECT 'leads' AS "table", l.lead_id AS id, l.created_at AS moment, l.lead_id AS case_id,
    [{'field': 'opportunity_id', 'value': l.opportunity_id}, {'field': 'account_id', 'value': l.account_id}] AS refs
  FROM leads l
  UNION ALL
  SELECT 'opportunities', o.opportunity_id, o.created_at, opc.case_id,
    [{'field': 'lead_id', 'value': o.lead_id}, {'field': 'account_id', 'value': o.account_id}]
  FROM opportunities o JOIN model.opportunity_cases opc ON opc.opportunity_id = o.opportunity_id
  UNION ALL
  SELECT 'quotes', quote_id, created_at, NULL, [{'field': 'opportunity_id', 'value': opportunity_id}]
  FROM quotes
  UNION ALL
  SELECT 'orders', o.order_id, o.created_at, oc.case_id, [{'field': 'opportunity_id', 'value': o.opportunity_id},
    {'field': 'lead_id', 'value': o.lead_id}, {'field': 'account_id', 'value': o.account_id}]
  FROM orders o JOIN model.order_cases oc ON oc.order_id = o.order_id
  UNION ALL
  SELECT 'order_lines', order_id || coalesce('/' || line_id, ''), NULL, NULL, [{'field': 'order_id', 'value': order_id}]
  FROM order_lines
  UNION ALL
  SELECT 'deliveries', delivery_id, delivered_at, NULL, [{'field': 'order_id', 'value': order_id}]
  FROM deliveries
  UNION ALL
  SELECT 'invoices', invoice_id, issued_at, NULL, [{'field': 'order_id', 'value': order_id}]
  FROM invoices
  UNION ALL
  SELECT 'payments', payment_id, paid_at, NULL,
    [{'field': 'invoice_id', 'value': invoice_id}, {'field': 'order_id', 'value': order_id}]
  FROM payments
  UNION ALL
  -- a line takes its payment's date (none when the payment is not loaded)
  SELECT 'payment_lines', l.payment_id || '/' || l.line_id, p.paid_at, NULL, [{'field': 'payment_id', 'value': l.payment_id},
    {'field': 'invoice_id', 'value': l.invoice_id}, {'field': 'order_id', 'value': l.order_id}]
  FROM payment_lines l LEFT JOIN payments p ON p.payment_id = l.payment_id
),
-- Every loaded id, under the name of the field that refers to it.
loaded AS (
  SELECT 'lead_id' AS field, lead_id AS id FROM main.leads
  UNION ALL SELECT 'opportunity_id', opportunity_id FROM main.opportunities
  UNION ALL SELECT 'account_id', account_id FROM main.accounts
  UNION ALL SELECT 'order_id', order_id FROM main.orders
  UNION ALL SELECT 'invoice_id', invoice_id FROM main.invoices
  UNION ALL SELECT 'payment_id', payment_id FROM main.payments
),
-- An empty reference names nothing, so it cannot dangle (a line's or a delivery's parent id is
-- never empty: the import rejects such rows).
dangling AS (
  SELECT r."table", r.ref.field, r.id, r.ref.value, r.moment, r.case_id
  FROM (SELECT * EXCLUDE (refs), unnest(refs) AS ref FROM record_references) r
  WHERE r.ref.value IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM loaded t WHERE t.field = r.ref.field AND t.id = r.ref.value)
),
-- A payment is an orphan when none of the invoices or orders it (or its lines) names is loaded,
-- or when it names none at all. Only payments with a missing or no target can be one.
suspects AS (
  SELECT payment_id FROM payments p
  WHERE NOT EXISTS (SELECT 1 FROM main.invoices t WHERE t.invoice_id = p.invoice_id)
    AND NOT EXISTS (SELECT 1 FROM main.orders t WHERE t.order_id = p.order_id)
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
  LEFT JOIN main.invoices i ON i.invoice_id = t.invoice_id
  LEFT JOIN main.orders o ON o.order_id = t.order_id
  GROUP BY p.payment_id, p.paid_at
),
orphans AS (
  SELECT 'quotes' AS "table", 'opportunity_not_loaded' AS kind, quote_id AS id, created_at AS moment FROM quotes q
  WHERE NOT EXISTS (SELECT 1 FROM main.opportunities o WHERE o.opportunity_id = q.opportunity_id)
  UNION ALL
  SELECT 'deliveries', 'order_not_loaded', delivery_id, delivered_at FROM deliveries d
  WHERE NOT EXISTS (SELECT 1 FROM main.orders o WHERE o.order_id = d.order_id)
  UNION ALL
  SELECT 'invoices', 'order_not_loaded', i.invoice_id, i.issued_at
  FROM invoices JOIN model.linked_invoices i USING (invoice_id)
  WHERE i.order_link = 'none'
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
