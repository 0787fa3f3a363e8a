-- Data quality, single dates (docs/quality.md): every date field of the canonical tables against two
-- bounds. In the future: more than a day after the moment the row's file was imported (a day, so
-- that time zones cannot cause it); planned dates are left out (an invoice's due_at, the closed_at of
-- an opportunity still open). Too early: before $earliest, the usual sign of a placeholder such as
-- 1900-01-01 or 1970-01-01; planned dates count here too. Per check: the total and the first $limit
-- findings (at least one, which carries the total), the furthest out first.
WITH payment_cases AS (
  SELECT p.payment_id, min(coalesce(i.case_id, oc.case_id)) AS case_id
  FROM payments p
  LEFT JOIN model.invoice_facts i ON i.invoice_id = p.invoice_id
  LEFT JOIN model.order_cases oc ON oc.order_id = coalesce(p.order_id, i.order_id)
  GROUP BY p.payment_id
),
-- Every record with its dates, a column each (in a union by name, one table's date columns are empty
-- in the rows of the others), its case and its import batch. still_open marks an opportunity not yet
-- closed, whose closed_at is a plan.
records AS (
  SELECT 'leads' AS record_table, lead_id AS record_id, lead_id AS case_id, batch_id,
    created_at, qualified_at, disqualified_at, converted_at
  FROM leads
  UNION ALL BY NAME
  SELECT 'opportunities' AS record_table, o.opportunity_id AS record_id, oc.case_id, o.batch_id,
    o.created_at, o.closed_at, NOT coalesce(o.is_closed, false) AS still_open
  FROM opportunities o LEFT JOIN model.opportunity_cases oc USING (opportunity_id)
  UNION ALL BY NAME
  SELECT 'quotes' AS record_table, q.quote_id AS record_id, oc.case_id, q.batch_id, q.created_at, q.sent_at, q.accepted_at
  FROM quotes q LEFT JOIN model.opportunity_cases oc USING (opportunity_id)
  UNION ALL BY NAME
  SELECT 'orders' AS record_table, o.order_id AS record_id, oc.case_id, o.batch_id, o.created_at, o.confirmed_at
  FROM orders o LEFT JOIN model.order_cases oc USING (order_id)
  UNION ALL BY NAME
  SELECT 'deliveries' AS record_table, d.delivery_id AS record_id, oc.case_id, d.batch_id, d.shipped_at, d.delivered_at
  FROM deliveries d LEFT JOIN model.order_cases oc USING (order_id)
  UNION ALL BY NAME
  SELECT 'invoices' AS record_table, i.invoice_id AS record_id, f.case_id, i.batch_id, i.issued_at, i.due_at
  FROM invoices i LEFT JOIN model.invoice_facts f USING (invoice_id)
  UNION ALL BY NAME
  SELECT 'payments' AS record_table, p.payment_id AS record_id, pc.case_id, p.batch_id, p.paid_at
  FROM payments p LEFT JOIN payment_cases pc USING (payment_id)
),
-- One row a date (UNPIVOT leaves the empty ones out); planned dates: an invoice's due_at, an open
-- opportunity's closed_at.
dated AS (
  SELECT record_table, record_id, case_id, batch_id, field, moment,
    CASE field WHEN 'due_at' THEN true WHEN 'closed_at' THEN still_open ELSE false END AS planned
  FROM (UNPIVOT records ON COLUMNS('_at$') INTO NAME field VALUE moment)
),
findings AS (
  SELECT 'date_in_future' AS code, d.record_table, d.record_id, d.case_id, d.field, d.moment,
    'import_batches' AS other_table, b.batch_id::VARCHAR AS other_id, 'imported_at' AS other_field, b.imported_at AS other_moment,
    (epoch_us(d.moment) - epoch_us(b.imported_at)) / 86400e6 AS difference
  FROM dated d JOIN import_batches b USING (batch_id)
  WHERE NOT d.planned AND d.moment > b.imported_at + INTERVAL 1 DAY
  UNION ALL
  SELECT 'date_before_1990', record_table, record_id, case_id, field, moment,
    NULL, NULL, NULL, NULL, NULL
  FROM dated
  WHERE moment < $earliest::TIMESTAMP
)
SELECT code, count(*) OVER (PARTITION BY code) AS total,
  record_table, record_id, case_id, field, strftime(moment, '%Y-%m-%dT%H:%M:%S') AS value,
  other_table, other_id, other_field, strftime(other_moment, '%Y-%m-%dT%H:%M:%S') AS other_value, difference
FROM findings
QUALIFY row_number() OVER (PARTITION BY code
  ORDER BY CASE WHEN code = 'date_in_future' THEN epoch_us(moment) ELSE -epoch_us(moment) END DESC, record_table, record_id, field) <= greatest($limit, 1)
ORDER BY code, CASE WHEN code = 'date_in_future' THEN epoch_us(moment) ELSE -epoch_us(moment) END DESC, record_table, record_id, field
