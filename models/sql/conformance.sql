-- Conformance of the LTC cases to the reference order (docs/process-mining.md), one row per check and month.
-- Reference order: Lead created → (Lead qualified) → Opportunity created → Quote sent → Order created
-- → Delivered → Invoice issued → Fully paid. Steps whose table holds no rows are not expected
-- (Lead qualified only where leads carry a qualification date at all).
-- Case checks are assigned to the month of the case's first event; late payment, an invoice check,
-- to the month the invoice was issued. Parameters: $from, $to (bounds), $as_of, $filter. Each case's
-- findings are model.case_checks (12-case-checks.sql); this query counts them.
WITH filtered AS (
  SELECT * FROM model.case_checks
  WHERE ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
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
-- model.case_checks.steps has a bit per reference step reached, at the step's position.
expected_steps AS (
  SELECT coalesce(bit_or(1 << position), 0) AS mask FROM expected
),
-- A step is skipped when the case reached a later expected step without it. Disqualified leads and
-- lost opportunities end a case early: that is an outcome, not a skip.
skipped AS (
  SELECT k.case_id, x.activity
  FROM kept k CROSS JOIN expected x CROSS JOIN expected_steps e
  WHERE k.steps & (1 << x.position) = 0 AND (k.steps & e.mask) >> (x.position + 1) <> 0
),
case_flags AS (
  SELECT
    k.case_id, k.month,
    k.steps & (1 << 11) <> 0 AS invoiced,
    k.invoice_before_delivery, k.payment_before_invoice,
    k.case_id IN (SELECT case_id FROM skipped) AS skipped,
    -- reached a quote, a delivery or an invoice (positions 5, 10, 11)
    k.steps & ((1 << 5) | (1 << 10) | (1 << 11)) <> 0 AS reworkable,
    k.repeated_quotes, k.partial_deliveries, k.instalments
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
