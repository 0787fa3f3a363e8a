-- Conformance of the LTC cases to the reference order (docs/process-mining.md), one row per check and month.
-- Reference order: Lead created → (Lead qualified) → Opportunity created → Quote sent → Order created
-- → Delivered → Invoice issued → Fully paid. Steps whose table holds no rows are not expected
-- (Lead qualified only where leads carry a qualification date at all).
-- Case checks are assigned to the month of the case's first event; late payment, an invoice check,
-- to the month the invoice was issued. Parameters: $from, $to (bounds), $as_of, $filter.
WITH filtered AS (
  SELECT e.case_id, min(e.timestamp) AS started_at
  FROM model.ltc_events e JOIN model.cases c USING (case_id)
  WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
  GROUP BY e.case_id
),
-- The case checks look at the cases of the period only (first event within it).
kept AS (
  SELECT * FROM filtered WHERE started_at >= $from::TIMESTAMP AND started_at < $to::TIMESTAMP
),
expected AS (
  SELECT * FROM (VALUES
    ('Lead created', 1, (SELECT count(*) > 0 FROM leads)),
    ('Lead qualified', 2, (SELECT count(qualified_at) > 0 FROM leads)),
    ('Opportunity created', 4, (SELECT count(*) > 0 FROM opportunities)),
    ('Quote sent', 5, (SELECT count(*) > 0 FROM quotes)),
    ('Order created', 8, (SELECT count(*) > 0 FROM orders)),
    ('Delivered', 10, (SELECT count(*) > 0 FROM deliveries)),
    ('Invoice issued', 11, (SELECT count(*) > 0 FROM invoices)),
    ('Fully paid', 13, (SELECT count(*) > 0 FROM payments))
  ) AS t(activity, position, loaded)
  WHERE loaded
),
reached AS (
  SELECT DISTINCT e.case_id, e.activity, e.position FROM model.ltc_events e SEMI JOIN kept USING (case_id)
),
furthest AS (
  SELECT r.case_id, max(r.position) AS position FROM reached r SEMI JOIN expected x USING (activity) GROUP BY r.case_id
),
-- A step is skipped when the case reached a later expected step without it. Disqualified leads and
-- lost opportunities end a case early: that is an outcome, not a skip.
skipped AS (
  SELECT f.case_id, x.activity
  FROM furthest f JOIN expected x ON x.position < f.position
  WHERE NOT EXISTS (SELECT 1 FROM reached r WHERE r.case_id = f.case_id AND r.activity = x.activity)
),
-- Out of order: an invoice issued before its order's first delivery; money received before the
-- invoice it paid was issued.
invoice_before_delivery AS (
  SELECT DISTINCT i.case_id
  FROM model.invoice_facts i
  JOIN (SELECT order_id, min(delivered_at) AS first_delivered_at FROM deliveries GROUP BY order_id) d USING (order_id)
  WHERE i.issued_at < d.first_delivered_at
),
payment_before_invoice AS (
  SELECT DISTINCT i.case_id
  FROM model.payment_applications a JOIN model.invoice_facts i USING (invoice_id)
  WHERE a.paid_at < i.issued_at
),
-- Rework: an opportunity quoted more than once, an order delivered in parts, an invoice paid in instalments.
repeated_quotes AS (
  SELECT DISTINCT oc.case_id FROM quotes q JOIN model.opportunity_cases oc USING (opportunity_id)
  GROUP BY oc.case_id, q.opportunity_id HAVING count(*) > 1
),
partial_deliveries AS (
  SELECT DISTINCT oc.case_id FROM deliveries d JOIN model.order_cases oc USING (order_id)
  GROUP BY oc.case_id, d.order_id HAVING count(*) > 1
),
instalments AS (
  SELECT DISTINCT i.case_id FROM model.payment_applications a JOIN model.invoice_facts i USING (invoice_id)
  GROUP BY i.case_id, a.invoice_id HAVING count(DISTINCT a.payment_id) > 1
),
case_flags AS (
  SELECT
    k.case_id, strftime(k.started_at, '%Y-%m') AS month,
    EXISTS (SELECT 1 FROM reached r WHERE r.case_id = k.case_id AND r.activity = 'Invoice issued') AS invoiced,
    k.case_id IN (SELECT case_id FROM invoice_before_delivery) AS invoice_before_delivery,
    k.case_id IN (SELECT case_id FROM payment_before_invoice) AS payment_before_invoice,
    k.case_id IN (SELECT case_id FROM skipped) AS skipped,
    EXISTS (SELECT 1 FROM reached r WHERE r.case_id = k.case_id AND r.activity IN ('Quote sent', 'Delivered', 'Invoice issued'))
      AS reworkable,
    k.case_id IN (SELECT case_id FROM repeated_quotes) AS repeated_quotes,
    k.case_id IN (SELECT case_id FROM partial_deliveries) AS partial_deliveries,
    k.case_id IN (SELECT case_id FROM instalments) AS instalments
  FROM kept k
),
-- Late payment: paid after due_at, or still unpaid when due_at has passed at as_of. Invoices not
-- yet due and unpaid are open (censored); invoices without due_at cannot be late.
invoice_flags AS (
  SELECT
    strftime(i.issued_at, '%Y-%m') AS month,
    i.paid_at IS NOT NULL AND i.paid_at <= $as_of::TIMESTAMP AS paid,
    (i.paid_at IS NOT NULL AND i.paid_at <= $as_of::TIMESTAMP AND i.paid_at > i.due_at)
      OR ((i.paid_at IS NULL OR i.paid_at > $as_of::TIMESTAMP) AND i.due_at < $as_of::TIMESTAMP) AS late
  FROM model.invoice_facts i SEMI JOIN filtered USING (case_id)
  WHERE i.due_at IS NOT NULL AND i.issued_at <= $as_of::TIMESTAMP
    AND i.issued_at >= $from::TIMESTAMP AND i.issued_at < $to::TIMESTAMP
),
by_month AS (
  SELECT month, 'out_of_order' AS id, NULL AS step,
    count(*) FILTER (WHERE invoice_before_delivery OR payment_before_invoice) AS count,
    count(*) FILTER (WHERE invoiced) AS n, 0 AS censored,
    count(*) FILTER (WHERE invoice_before_delivery) AS d1, count(*) FILTER (WHERE payment_before_invoice) AS d2, 0 AS d3
  FROM case_flags GROUP BY month
  UNION ALL
  SELECT month, 'skipped_steps', NULL, count(*) FILTER (WHERE skipped), count(*), 0, 0, 0, 0 FROM case_flags GROUP BY month
  UNION ALL
  SELECT f.month, 'skipped_step', s.activity, count(*), 0, 0, 0, 0, 0
  FROM skipped s JOIN case_flags f USING (case_id) GROUP BY f.month, s.activity
  UNION ALL
  SELECT month, 'rework', NULL, count(*) FILTER (WHERE repeated_quotes OR partial_deliveries OR instalments),
    count(*) FILTER (WHERE reworkable), 0,
    count(*) FILTER (WHERE repeated_quotes), count(*) FILTER (WHERE partial_deliveries), count(*) FILTER (WHERE instalments)
  FROM case_flags GROUP BY month
  UNION ALL
  SELECT month, 'late_payment', NULL, count(*) FILTER (WHERE late), count(*) FILTER (WHERE late OR paid),
    count(*) FILTER (WHERE NOT late AND NOT paid), 0, 0, 0
  FROM invoice_flags GROUP BY month
)
SELECT month, id, step, count::INTEGER AS count, n::INTEGER AS n, censored::INTEGER AS censored,
  d1::INTEGER AS d1, d2::INTEGER AS d2, d3::INTEGER AS d3
FROM by_month
ORDER BY month, id, step
