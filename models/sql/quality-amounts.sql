-- Data quality, amounts (docs/quality.md): invoices whose applied payments exceed their amount by more
-- than the payment tolerance (ltc_payment_tolerance in macros.sql, as models/sql/02-payments.sql
-- allows it). Payments are applied as the measures apply them (model.payment_applications: directly,
-- through payment lines, or an order's money oldest invoice first, which never overfills an invoice).
-- Credit notes (amount ≤ the payment tolerance) are left out, as in collection and DSO. Per check:
-- the total and the first $limit findings (at least one, which carries the total), the largest excess first.
WITH paid AS (
  SELECT a.invoice_id, sum(a.amount) AS paid_amount,
    string_agg(DISTINCT a.payment_id, ', ' ORDER BY a.payment_id) AS payment_ids
  FROM model.payment_applications a
  GROUP BY a.invoice_id
),
findings AS (
  SELECT 'payment_above_invoice' AS code, 'invoices' AS record_table, i.invoice_id AS record_id, i.case_id,
    'amount' AS field, i.amount, 'payments' AS other_table, p.payment_ids AS other_id,
    'amount' AS other_field, p.paid_amount, p.paid_amount - i.amount AS difference
  FROM model.invoice_facts i JOIN paid p USING (invoice_id)
  WHERE i.amount > ltc_payment_tolerance() AND p.paid_amount > i.amount + ltc_payment_tolerance()
)
SELECT code, count(*) OVER (PARTITION BY code) AS total,
  record_table, record_id, case_id, field, printf('%.2f', amount) AS value,
  other_table, other_id, other_field, printf('%.2f', paid_amount) AS other_value, difference
FROM findings
QUALIFY row_number() OVER (PARTITION BY code ORDER BY difference DESC, record_id) <= greatest($limit, 1)
ORDER BY code, difference DESC, record_id
