-- sales_cycle_days (docs/measures.md): first order created − lead created, per lead of the
-- conversion rate's numerator — created at least W days before as_of and converted within W.
-- Younger leads are neither items nor open ones: among them only the fast converters could
-- count yet, which would pull the figure down (the same cohort as lead_conversion_rate).
SELECT lead_created_at AS start_at, order_created_at AS end_at, source, owner, region, segment
FROM model.lead_items
WHERE ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
  AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP
  AND lead_created_at <= $as_of::TIMESTAMP - to_days($window::INTEGER)
  AND order_created_at <= lead_created_at + to_days($window::INTEGER)
  AND order_created_at <= $as_of::TIMESTAMP
