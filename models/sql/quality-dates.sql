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
records AS (
  SELECT 'leads' AS record_table, lead_id AS record_id, lead_id AS case_id, batch_id, [
      {'field': 'created_at', 'moment': created_at, 'planned': false},
      {'field': 'qualified_at', 'moment': qualified_at, 'planned': false},
      {'field': 'disqualified_at', 'moment': disqualified_at, 'planned': false},
      {'field': 'converted_at', 'moment': converted_at, 'planned': false}] AS dates
  FROM leads
  UNION ALL
  SELECT 'opportunities', o.opportunity_id, oc.case_id, o.batch_id, [
      {'field': 'created_at', 'moment': o.created_at, 'planned': false},
      {'field': 'closed_at', 'moment': o.closed_at, 'planned': NOT coalesce(o.is_closed, false)}]
  FROM opportunities o LEFT JOIN model.opportunity_cases oc USING (opportunity_id)
  UNION ALL
  SELECT 'quotes', q.quote_id, oc.case_id, q.batch_id, [
      {'field': 'created_at', 'moment': q.created_at, 'planned': false},
      {'field': 'sent_at', 'moment': q.sent_at, 'planned': false},
      {'field': 'accepted_at', 'moment': q.accepted_at, 'planned': false}]
  FROM quotes q LEFT JOIN model.opportunity_cases oc USING (opportunity_id)
  UNION ALL
  SELECT 'orders', o.order_id, oc.case_id, o.batch_id, [
      {'field': 'created_at', 'moment': o.created_at, 'planned': false},
      {'field': 'confirmed_at', 'moment': o.confirmed_at, 'planned': false}]
  FROM orders o LEFT JOIN model.order_cases oc USING (order_id)
  UNION ALL
  SELECT 'deliveries', d.delivery_id, oc.case_id, d.batch_id, [
      {'field': 'shipped_at', 'moment': d.shipped_at, 'planned': false},
      {'field': 'delivered_at', 'moment': d.delivered_at, 'planned': false}]
  FROM deliveries d LEFT JOIN model.order_cases oc USING (order_id)
  UNION ALL
  SELECT 'invoices', i.invoice_id, f.case_id, i.batch_id, [
      {'field': 'issued_at', 'moment': i.issued_at, 'planned': false},
      {'field': 'due_at', 'moment': i.due_at, 'planned': true}]
  FROM invoices i LEFT JOIN model.invoice_facts f USING (invoice_id)
  UNION ALL
  SELECT 'payments', p.payment_id, pc.case_id, p.batch_id, [
      {'field': 'paid_at', 'moment': p.paid_at, 'planned': false}]
  FROM payments p LEFT JOIN payment_cases pc USING (payment_id)
),
dated AS (
  SELECT record_table, record_id, case_id, batch_id, d.field, d.moment, d.planned
  FROM (SELECT * EXCLUDE (dates), unnest(dates) AS d FROM records)
  WHERE d.moment IS NOT NULL
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
