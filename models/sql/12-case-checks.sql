-- Each case's findings against the reference order (docs/process-mining.md), found once per import so that
-- the conformance query (models/sql/conformance.sql) only counts them for its period and filters: the
-- case's first event and segment columns, the reference steps it reached (a bit per step's position in
-- model.ltc_events), and its out-of-order and rework findings. Which steps are expected depends on
-- the tables loaded at all, so the skipped ones are found when read.
CREATE TABLE model.case_checks AS
WITH reached AS (
  SELECT case_id, min(timestamp) AS started_at,
    coalesce(bit_or(1 << position) FILTER (WHERE activity IN ('Lead created', 'Lead qualified', 'Opportunity created',
      'Quote sent', 'Order created', 'Delivered', 'Invoice issued', 'Fully paid')), 0) AS steps
  FROM model.ltc_events
  GROUP BY case_id
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
)
SELECT
  r.case_id, r.started_at, strftime(r.started_at, '%Y-%m') AS month, r.steps,
  -- (an invoice of no case makes IN unknown for the others: false, as the counts read it)
  c.source, c.owner, c.region, c.segment, c.attributes,
  coalesce(r.case_id IN (FROM invoice_before_delivery), false) AS invoice_before_delivery,
  coalesce(r.case_id IN (FROM payment_before_invoice), false) AS payment_before_invoice,
  coalesce(r.case_id IN (FROM repeated_quotes), false) AS repeated_quotes,
  coalesce(r.case_id IN (FROM partial_deliveries), false) AS partial_deliveries,
  coalesce(r.case_id IN (FROM instalments), false) AS instalments
FROM reached r
JOIN model.cases c USING (case_id)
ORDER BY r.started_at;
