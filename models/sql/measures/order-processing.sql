-- order_processing_days (docs/measures.md): per order, last delivery − order created; orders not yet
-- delivered are open. Without any deliveries loaded: first invoice − order created ($basis).
SELECT o.created_at AS start_at,
  CASE WHEN $basis = 'delivery' AND last_delivered_at <= $as_of::TIMESTAMP THEN last_delivered_at
       WHEN $basis = 'invoice' AND first_issued_at <= $as_of::TIMESTAMP THEN first_issued_at END AS end_at,
  c.source, c.owner, c.region, c.segment
FROM model.order_facts o
JOIN model.cases c USING (case_id)
WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
  AND o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP AND o.created_at <= $as_of::TIMESTAMP
