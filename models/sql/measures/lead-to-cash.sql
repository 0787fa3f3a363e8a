-- lead_to_cash_days (docs/measures.md): per lead, the moment its first order's invoices are all paid − lead
-- created. Leads with an order that is not yet paid are open; leads without an order are not items.
SELECT lead_created_at AS start_at, CASE WHEN paid_at <= $as_of::TIMESTAMP THEN paid_at END AS end_at,
  source, owner, region, segment
FROM model.lead_items
WHERE order_created_at <= $as_of::TIMESTAMP
  AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
  AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP AND lead_created_at <= $as_of::TIMESTAMP
