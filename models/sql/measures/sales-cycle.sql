-- sales_cycle_days (SPEC §4): per lead converted within W, first order created − lead created.
-- Open: leads without an order that may still convert (created less than W days before as_of).
SELECT lead_created_at AS start_at,
  CASE WHEN order_created_at <= lead_created_at + to_days($window::INTEGER) AND order_created_at <= $as_of::TIMESTAMP
       THEN order_created_at END AS end_at,
  source, owner, region, segment
FROM model.cases
WHERE origin = 'lead'
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
  AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP AND lead_created_at <= $as_of::TIMESTAMP
  AND (
    (order_created_at <= lead_created_at + to_days($window::INTEGER) AND order_created_at <= $as_of::TIMESTAMP)
    OR lead_created_at > $as_of::TIMESTAMP - to_days($window::INTEGER)
  )
