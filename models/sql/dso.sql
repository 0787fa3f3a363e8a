-- Days sales outstanding per month (docs/measures.md): open receivables at month end ÷ amount invoiced in the
-- month × days in the month. Months run from the first invoice's month to the month of as_of; that
-- last month is measured at as_of over its days so far. Period bounds only choose which months are
-- listed: each month's figure is always its whole calendar month (up to as_of).
--
-- Open receivables at a moment T: for each invoice issued ≤ T, its amount − the payments applied to
-- it (model.payment_applications: direct, through payment lines, order-level FIFO) with paid_at ≤ T.
-- An invoice counts as settled from the moment those payments reach its amount within the payment tolerance
-- (invoice_facts.paid_at, the collection_days rule), so overpaid invoices contribute 0, never a
-- negative amount. Credit notes (amount ≤ the payment tolerance) are left out on both sides, as in collection_days.
--
-- Each month also carries the median invoiced of the complete months (median_invoiced) and its
-- calendar days, from which models/dso.ts marks the months with little invoiced as thin.
WITH invoices AS (
  SELECT i.invoice_id, i.issued_at, i.amount,
    CASE WHEN i.paid_at <= $as_of::TIMESTAMP THEN i.paid_at END AS settled_at
  FROM model.invoice_facts i
  LEFT JOIN model.cases c USING (case_id)
  WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
    AND i.amount > ltc_payment_tolerance() AND i.issued_at <= $as_of::TIMESTAMP
),
all_months AS (
  SELECT month_start, month_start + INTERVAL 1 MONTH AS next_start,
    month_start + INTERVAL 1 MONTH > $as_of::TIMESTAMP AS partial
  FROM (
    SELECT unnest(generate_series(date_trunc('month', min(issued_at)), date_trunc('month', $as_of::TIMESTAMP), INTERVAL 1 MONTH)) AS month_start
    FROM invoices
  )
),
invoiced AS (
  SELECT m.month_start, count(i.invoice_id) AS invoices, coalesce(fsum(i.amount), 0) AS invoiced
  FROM all_months m
  LEFT JOIN invoices i ON i.issued_at >= m.month_start AND i.issued_at < m.next_start
  GROUP BY m.month_start
),
-- the typical month that a thin one is measured against: the median invoiced of the complete months
-- with something invoiced, over all months (the period bounds do not change it)
typical AS (
  SELECT median(v.invoiced) AS median_invoiced
  FROM invoiced v JOIN all_months m USING (month_start)
  WHERE NOT m.partial AND v.invoiced > 0
),
months AS (
  SELECT * FROM all_months
  WHERE month_start < $to::TIMESTAMP AND month_start + INTERVAL 1 MONTH > $from::TIMESTAMP
),
open_at_end AS (
  SELECT m.month_start, i.invoice_id, i.amount - coalesce(fsum(a.amount), 0) AS open_amount
  FROM months m
  JOIN invoices i ON i.issued_at < m.next_start AND (i.settled_at IS NULL OR i.settled_at >= m.next_start)
  LEFT JOIN model.payment_applications a
    ON a.invoice_id = i.invoice_id AND a.paid_at < m.next_start AND a.paid_at <= $as_of::TIMESTAMP
  GROUP BY m.month_start, i.invoice_id, i.amount
),
receivables AS (
  SELECT month_start, count(*) AS open_invoices, fsum(open_amount) AS open_receivables
  FROM open_at_end GROUP BY month_start
)
SELECT
  strftime(m.month_start, '%Y-%m') AS month,
  strftime(m.month_start, '%Y-%m-%d') AS first_day,
  strftime(m.next_start - INTERVAL 1 DAY, '%Y-%m-%d') AS last_day,
  m.partial,
  strftime(CASE WHEN m.partial THEN $as_of::TIMESTAMP ELSE m.next_start - INTERVAL 1 SECOND END, '%Y-%m-%dT%H:%M:%S') AS measured_at,
  CASE WHEN m.partial THEN date_diff('day', m.month_start::DATE, $as_of::TIMESTAMP::DATE) + 1
       ELSE date_diff('day', m.month_start::DATE, m.next_start::DATE) END AS days,
  date_diff('day', m.month_start::DATE, m.next_start::DATE) AS calendar_days,
  v.invoices, v.invoiced,
  coalesce(r.open_invoices, 0) AS open_invoices, coalesce(r.open_receivables, 0) AS open_receivables,
  t.median_invoiced
FROM months m
JOIN invoiced v USING (month_start)
LEFT JOIN receivables r USING (month_start)
CROSS JOIN typical t
ORDER BY m.month_start
