-- order_processing_days (SPEC §4): per order, last delivery − order created; orders not yet
-- delivered are open. Without any deliveries loaded: first invoice − order created ($basis).
SELECT created_at AS start_at,
  CASE WHEN $basis = 'delivery' AND last_delivered_at <= $as_of::TIMESTAMP THEN last_delivered_at
       WHEN $basis = 'invoice' AND first_issued_at <= $as_of::TIMESTAMP THEN first_issued_at END AS end_at
FROM model.order_facts
WHERE created_at >= $from::TIMESTAMP AND created_at < $to::TIMESTAMP AND created_at <= $as_of::TIMESTAMP
