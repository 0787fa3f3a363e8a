-- Receivables aging at as_of: the invoices still open then (issued ≤ as_of and not settled by the
-- payments applied to them with paid_at ≤ as_of, the rule of dso.sql) by whole calendar days past
-- due: as_of's date − the due date. An invoice without due_at is taken as due $terms_days after
-- issue and counted in no_due_date. Credit notes (amount ≤ the payment tolerance) are not receivables.
WITH open_invoices AS (
  SELECT i.invoice_id, i.due_at IS NULL AS no_due_date,
    i.amount - coalesce(fsum(a.amount), 0) AS open_amount,
    date_diff('day', coalesce(i.due_at, i.issued_at + to_days($terms_days::INTEGER))::DATE, $as_of::TIMESTAMP::DATE) AS days_past_due
  FROM model.invoice_facts i
  LEFT JOIN model.cases c USING (case_id)
  LEFT JOIN model.payment_applications a ON a.invoice_id = i.invoice_id AND a.paid_at <= $as_of::TIMESTAMP
  WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
    AND i.amount > ltc_payment_tolerance() AND i.issued_at <= $as_of::TIMESTAMP
    AND (i.paid_at IS NULL OR i.paid_at > $as_of::TIMESTAMP)
  GROUP BY i.invoice_id, i.due_at, i.issued_at, i.amount
)
SELECT
  CASE WHEN days_past_due <= 0 THEN 'current'
       WHEN days_past_due <= 30 THEN '1-30'
       WHEN days_past_due <= 60 THEN '31-60'
       WHEN days_past_due <= 90 THEN '61-90'
       ELSE '90+' END AS bucket,
  count(*) AS count,
  fsum(open_amount) AS open_amount,
  count(*) FILTER (WHERE no_due_date) AS no_due_date
FROM open_invoices
GROUP BY bucket
