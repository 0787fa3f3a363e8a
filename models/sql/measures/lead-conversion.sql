-- lead_conversion_rate (docs/measures.md), one item per lead created in the period (by as_of):
-- decided = created at least W days before as_of (observable); success = its first order came within
-- W days of its creation. Younger leads cannot be judged yet: they are censored (measures/rate-summary.sql).
SELECT lead_created_at AS start_at,
  lead_created_at <= $as_of::TIMESTAMP - to_days($window::INTEGER) AS decided,
  coalesce(order_created_at <= lead_created_at + to_days($window::INTEGER), false) AS success,
  source, owner, region, segment
FROM model.lead_items
WHERE ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
  AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP AND lead_created_at <= $as_of::TIMESTAMP
