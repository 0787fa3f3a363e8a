-- A throw-away measure for tests/models/measure-declaration.test.ts: per order created in the period
-- (by as_of), its first delivery − order created; orders not yet delivered at as_of are open.
SELECT o.created_at AS start_at,
  CASE WHEN d.first_delivered_at <= $as_of::TIMESTAMP THEN d.first_delivered_at END AS end_at,
  c.source, c.owner, c.region, c.segment
FROM orders o
JOIN model.order_cases oc USING (order_id)
JOIN model.cases c ON c.case_id = oc.case_id
LEFT JOIN (SELECT order_id, min(delivered_at) AS first_delivered_at FROM deliveries GROUP BY order_id) d USING (order_id)
WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
  AND o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP AND o.created_at <= $as_of::TIMESTAMP
