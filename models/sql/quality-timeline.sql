-- Data quality, timelines (docs/quality.md): every pair of moments that must come in order — a record's
-- later date and the earlier one it follows, in its own row or in the record it is linked to by the
-- links the measures use (model.order_cases, model.opportunity_cases, model.payment_applications).
-- A pair whose later moment comes first runs backwards (one check per pair kind); a date without a
-- time (midnight) counts as its whole day, so a close dated the day of a timed creation is fine. A
-- pair more than $absurd_days apart is an absurd duration, unless either moment is before $earliest
-- (those are reported as early dates instead). Per check: the total and the first $limit findings (at least
-- one, which carries the total), the largest gap first.
WITH case_first_opportunity AS (
  SELECT oc.case_id, arg_min(o.opportunity_id, (o.created_at, o.opportunity_id)) AS opportunity_id,
    min(o.created_at) AS created_at
  FROM opportunities o JOIN model.opportunity_cases oc USING (opportunity_id)
  GROUP BY oc.case_id
),
-- Records that may not be dated before the creation of the record they belong to (a quote its
-- opportunity, a delivery or an invoice its order); a quote or delivery is in its parent's case.
belongs_to AS (
  SELECT 'quote_before_opportunity' AS code, 'quotes' AS record_table, q.quote_id AS record_id, oc.case_id,
    'created_at' AS field, q.created_at AS moment, 'opportunities' AS parent_table, q.opportunity_id AS parent_id
  FROM quotes q JOIN model.opportunity_cases oc USING (opportunity_id)
  UNION ALL
  SELECT 'delivery_before_order', 'deliveries', d.delivery_id, oc.case_id, 'delivered_at', d.delivered_at, 'orders', d.order_id
  FROM deliveries d JOIN model.order_cases oc USING (order_id)
  UNION ALL
  SELECT 'invoice_before_order', 'invoices', invoice_id, case_id, 'issued_at', issued_at, 'orders', order_id
  FROM model.invoice_facts
),
created AS (
  SELECT 'opportunities' AS "table", opportunity_id AS id, created_at FROM opportunities
  UNION ALL
  SELECT 'orders', order_id, created_at FROM orders
),
pairs AS (
  -- a lead's own steps after its creation
  SELECT 'lead_step_before_created' AS code, 'leads' AS record_table, lead_id AS record_id, lead_id AS case_id,
    step.field, step.moment, 'leads' AS other_table, lead_id AS other_id, 'created_at' AS other_field, created_at AS other_moment
  FROM (SELECT lead_id, created_at, unnest([
      {'field': 'qualified_at', 'moment': qualified_at},
      {'field': 'disqualified_at', 'moment': disqualified_at},
      {'field': 'converted_at', 'moment': converted_at}]) AS step FROM leads)
  UNION ALL
  SELECT 'opportunity_closed_before_created', 'opportunities', o.opportunity_id, oc.case_id,
    'closed_at', o.closed_at, 'opportunities', o.opportunity_id, 'created_at', o.created_at
  FROM opportunities o JOIN model.opportunity_cases oc USING (opportunity_id)
  WHERE o.is_closed
  UNION ALL
  -- an order and the lead of its case
  SELECT 'order_before_lead', 'orders', o.order_id, c.case_id,
    'created_at', o.created_at, 'leads', c.lead_id, 'created_at', c.lead_created_at
  FROM orders o
  JOIN model.order_cases oc USING (order_id)
  JOIN model.cases c ON c.case_id = oc.case_id AND c.origin = 'lead'
  UNION ALL
  -- an order and its own opportunity, or else the first opportunity of its case
  SELECT 'order_before_opportunity', 'orders', o.order_id, oc.case_id,
    'created_at', o.created_at, 'opportunities', coalesce(own.opportunity_id, f.opportunity_id), 'created_at',
    CASE WHEN own.opportunity_id IS NOT NULL THEN own.created_at ELSE f.created_at END
  FROM orders o
  JOIN model.order_cases oc USING (order_id)
  LEFT JOIN opportunities own ON own.opportunity_id = o.opportunity_id
  LEFT JOIN case_first_opportunity f ON f.case_id = oc.case_id
  UNION ALL
  -- a quote, delivery or invoice and the opportunity or order it belongs to, by that one's creation
  SELECT c.code, c.record_table, c.record_id, c.case_id, c.field, c.moment, p."table", p.id, 'created_at', p.created_at
  FROM belongs_to c JOIN created p ON p."table" = c.parent_table AND p.id = c.parent_id
  UNION ALL
  -- a payment (or payment line) and each invoice its money was applied to
  SELECT 'payment_before_invoice', 'payments', a.payment_id, i.case_id,
    'paid_at', a.paid_at, 'invoices', i.invoice_id, 'issued_at', i.issued_at
  FROM (SELECT DISTINCT payment_id, invoice_id, paid_at FROM model.payment_applications) a
  JOIN model.invoice_facts i USING (invoice_id)
),
measured AS (
  SELECT *, (epoch_us(moment) - epoch_us(other_moment)) / 86400e6 AS difference,
    -- a date without a time (midnight) is its whole day: same-day is not backwards
    CASE WHEN moment::TIME = TIME '00:00:00' OR other_moment::TIME = TIME '00:00:00'
      THEN moment::DATE < other_moment::DATE ELSE moment < other_moment END AS backwards
  FROM pairs
  WHERE moment IS NOT NULL AND other_moment IS NOT NULL AND other_id IS NOT NULL
),
findings AS (
  SELECT * EXCLUDE (code, backwards), code, -difference AS severity FROM measured WHERE backwards
  UNION ALL BY NAME
  SELECT * EXCLUDE (code, backwards), 'duration_over_ten_years' AS code, difference AS severity FROM measured
  WHERE difference > $absurd_days AND moment >= $earliest::TIMESTAMP AND other_moment >= $earliest::TIMESTAMP
)
SELECT code, count(*) OVER (PARTITION BY code) AS total,
  record_table, record_id, case_id, field, strftime(moment, '%Y-%m-%dT%H:%M:%S') AS value,
  other_table, other_id, other_field, strftime(other_moment, '%Y-%m-%dT%H:%M:%S') AS other_value, difference
FROM findings
QUALIFY row_number() OVER (PARTITION BY code ORDER BY severity DESC, record_table, record_id, field, other_id) <= greatest($limit, 1)
ORDER BY code, severity DESC, record_table, record_id, field, other_id
