-- Times to order and to cash of the LTC cases that start with a lead (docs/statistics.md), per lead
-- and curve: days from lead creation to the first order (time_to_order) or to the first
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
  FROM model.lead_items
  WHERE lead_created_at <= $as_of::TIMESTAMP
    AND NOT (lead_created_at >= $cut::TIMESTAMP AND lead_created_at < $cut::TIMESTAMP + to_days($exclude::INTEGER))
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
)
-- One pass over the leads, each curve's event and censoring times as lists per period (list(… ORDER BY …)
-- is several times slower than sorting them in models/survival.ts).
SELECT period,
  coalesce(list(order_days) FILTER (WHERE ordered), []) AS order_events,
  coalesce(list(order_days) FILTER (WHERE NOT ordered), []) AS order_censored,
  coalesce(list(cash_days) FILTER (WHERE paid), []) AS cash_events,
  coalesce(list(cash_days) FILTER (WHERE NOT paid), []) AS cash_censored
FROM leads
GROUP BY period
