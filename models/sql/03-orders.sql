-- Per order: its case, deliveries, invoices and cash moment (docs/linking.md). Cash = the moment all its
-- invoices are fully paid; with no invoices loaded at all, the moment payments naming the order
-- reach its amount.
CREATE TABLE model.order_facts AS
WITH delivery AS (
  SELECT order_id, count(*) AS deliveries, max(delivered_at) AS last_delivered_at
  FROM deliveries GROUP BY order_id
),
invoicing AS (
  SELECT order_id, count(*) AS invoices, min(issued_at) AS first_issued_at,
    count(*) FILTER (WHERE paid_at IS NULL) AS unpaid, max(paid_at) AS last_paid_at
  FROM model.invoice_facts GROUP BY order_id
),
paid_by_order AS (
  SELECT p.order_id, p.paid_at,
    sum(p.amount) OVER (PARTITION BY p.order_id ORDER BY p.paid_at, p.payment_id ROWS UNBOUNDED PRECEDING) AS paid_so_far
  FROM payments p
  WHERE NOT EXISTS (SELECT 1 FROM main.invoices) AND p.order_id IS NOT NULL
),
order_cash AS (
  SELECT o.order_id, min(p.paid_at) FILTER (WHERE p.paid_so_far >= o.amount - ltc_payment_tolerance()) AS paid_at
  FROM orders o JOIN paid_by_order p ON p.order_id = o.order_id
  GROUP BY o.order_id
)
SELECT
  o.order_id, oc.case_id, oc.link, oc.dangling, o.created_at, o.confirmed_at, o.amount,
  coalesce(d.deliveries, 0) AS deliveries, d.last_delivered_at,
  coalesce(i.invoices, 0) AS invoices, i.first_issued_at,
  CASE WHEN i.invoices > 0 AND i.unpaid = 0 THEN i.last_paid_at ELSE oc2.paid_at END AS cash_at
FROM orders o
JOIN model.order_cases oc ON oc.order_id = o.order_id
LEFT JOIN delivery d ON d.order_id = o.order_id
LEFT JOIN invoicing i ON i.order_id = o.order_id
LEFT JOIN order_cash oc2 ON oc2.order_id = o.order_id;
