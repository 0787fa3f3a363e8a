-- Times to order and to cash of the LTC cases that start with a lead (docs/statistics.md), one row
-- per lead and curve: days from lead creation to the first order (time_to_order) or to the first
-- order's cash moment (time_to_cash); a lead without it by as_of is open: censored at as_of.
-- period = before / after the cut-over by lead creation; leads created after as_of are not yet in
-- the data, those of the first $exclude days after the cut-over (a transition) are left out.
-- Parameters: $cut, $exclude, $as_of, $filter.
WITH leads AS (
  SELECT
    CASE WHEN lead_created_at < $cut::TIMESTAMP THEN 'before' ELSE 'after' END AS period,
    date_diff('microsecond', lead_created_at, least(coalesce(order_created_at, $as_of::TIMESTAMP), $as_of::TIMESTAMP)) / 86400e6 AS order_days,
    order_created_at IS NOT NULL AND order_created_at <= $as_of::TIMESTAMP AS ordered,
    date_diff('microsecond', lead_created_at, least(coalesce(paid_at, $as_of::TIMESTAMP), $as_of::TIMESTAMP)) / 86400e6 AS cash_days,
    paid_at IS NOT NULL AND paid_at <= $as_of::TIMESTAMP AS paid
  FROM model.cases
  WHERE origin = 'lead'
    AND lead_created_at <= $as_of::TIMESTAMP
    AND NOT (lead_created_at >= $cut::TIMESTAMP AND lead_created_at < $cut::TIMESTAMP + to_days($exclude::INTEGER))
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
)
SELECT 'time_to_order' AS curve, period, order_days AS time, ordered AS event FROM leads
UNION ALL
SELECT 'time_to_cash' AS curve, period, cash_days AS time, paid AS event FROM leads
