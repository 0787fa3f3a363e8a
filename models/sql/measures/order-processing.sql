-- order_processing_days (docs/measures.md): per order, last delivery − order created; orders not yet
-- delivered are open. Without any deliveries loaded: first invoice − order created ($basis).
-- by_construction: with $basis = 'invoice', an order that is its own invoice — same id, same moment,
-- loaded from the same file (QuickBooks loads each invoice as an order too) — takes 0 days by how it
-- was loaded, not by anything that happened; such items are left out and counted (models/measures.ts).
SELECT o.created_at AS start_at,
  CASE WHEN $basis = 'delivery' AND last_delivered_at <= $as_of::TIMESTAMP THEN last_delivered_at
       WHEN $basis = 'invoice' AND first_issued_at <= $as_of::TIMESTAMP THEN first_issued_at END AS end_at,
  c.source, c.owner, c.region, c.segment,
  $basis = 'invoice' AND o.first_issued_at = o.created_at AND EXISTS (
    SELECT 1 FROM orders ord JOIN invoices i ON i.invoice_id = ord.order_id AND i.order_id = ord.order_id
    WHERE ord.order_id = o.order_id AND i.issued_at = ord.created_at AND i.batch_id IS NOT DISTINCT FROM ord.batch_id
  ) AS by_construction
FROM model.order_facts o
JOIN model.cases c USING (case_id)
WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
  AND o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP AND o.created_at <= $as_of::TIMESTAMP
