-- Payment application (docs/linking.md). A payment naming an invoice pays that invoice. A payment naming
-- only an order is applied to that order's invoices oldest first (FIFO): order-level money, in the
-- order it was paid, fills each invoice's amount left after its direct payments. Each application
-- is the overlap of the payment's and the invoice's ranges on the order's cumulative-money axis.
-- A payment with lines is applied through them: each line names its invoice (or order) and amount.
-- Invoices belong to the order of model.linked_invoices: their own, or one an accepted link gives them.
-- Rows come from the invoices and payments tables; the links are looked up (models/model-update.ts).
CREATE TABLE model.payment_applications AS
WITH applied AS (
  SELECT p.payment_id || coalesce('/' || l.line_id, '') AS payment_id, p.paid_at,
    coalesce(l.invoice_id, CASE WHEN l.line_id IS NULL THEN p.invoice_id END) AS invoice_id,
    coalesce(l.order_id, CASE WHEN l.line_id IS NULL THEN p.order_id END) AS order_id,
    coalesce(l.amount, p.amount) AS amount
  FROM payments p LEFT JOIN payment_lines l ON l.payment_id = p.payment_id
),
direct AS (
  SELECT p.payment_id, p.invoice_id, p.paid_at, p.amount
  FROM applied p JOIN model.linked_invoices i ON i.invoice_id = p.invoice_id
),
direct_total AS (
  SELECT invoice_id, sum(amount) AS amount FROM direct GROUP BY invoice_id
),
order_level AS (
  SELECT payment_id, order_id, paid_at, amount,
    sum(amount) OVER (PARTITION BY order_id ORDER BY paid_at, payment_id ROWS UNBOUNDED PRECEDING) AS upto
  FROM applied
  WHERE invoice_id IS NULL AND order_id IN (SELECT i.order_id FROM invoices JOIN model.linked_invoices i USING (invoice_id))
),
capacity AS (
  SELECT i.invoice_id, i.order_id, greatest(i.amount - coalesce(d.amount, 0), 0) AS open_amount,
    sum(greatest(i.amount - coalesce(d.amount, 0), 0))
      OVER (PARTITION BY i.order_id ORDER BY i.issued_at, i.invoice_id ROWS UNBOUNDED PRECEDING) AS upto
  FROM invoices JOIN model.linked_invoices i USING (invoice_id)
  LEFT JOIN direct_total d ON d.invoice_id = i.invoice_id
)
SELECT payment_id, invoice_id, paid_at, amount, 'invoice' AS applied_by FROM direct
UNION ALL
SELECT p.payment_id, c.invoice_id, p.paid_at,
  least(p.upto, c.upto) - greatest(p.upto - p.amount, c.upto - c.open_amount) AS amount,
  'order_fifo' AS applied_by
FROM order_level p
JOIN capacity c ON c.order_id = p.order_id
WHERE least(p.upto, c.upto) - greatest(p.upto - p.amount, c.upto - c.open_amount) > 1e-9;

-- Per invoice: paid amount and the moment cumulative payments reach its amount (within the payment tolerance, macros.sql).
CREATE TABLE model.invoice_facts AS
WITH running AS (
  SELECT invoice_id, paid_at, amount,
    sum(amount) OVER (PARTITION BY invoice_id ORDER BY paid_at, payment_id ROWS UNBOUNDED PRECEDING) AS paid_so_far
  FROM model.payment_applications
)
SELECT
  i.invoice_id, i.order_id, oc.case_id, i.issued_at, i.due_at, i.amount,
  coalesce(sum(r.amount), 0) AS paid_amount,
  CASE WHEN i.amount <= ltc_payment_tolerance() THEN i.issued_at
       ELSE min(r.paid_at) FILTER (WHERE r.paid_so_far >= i.amount - ltc_payment_tolerance()) END AS paid_at
FROM invoices JOIN model.linked_invoices i USING (invoice_id)
LEFT JOIN model.order_cases oc ON oc.order_id = i.order_id
LEFT JOIN running r ON r.invoice_id = i.invoice_id
GROUP BY i.invoice_id, i.order_id, oc.case_id, i.issued_at, i.due_at, i.amount;
