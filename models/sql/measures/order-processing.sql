-- order_processing_days (docs/measures.md): per order, last delivery − order created; orders not yet
-- delivered are open. Without any deliveries loaded: first invoice − order created ($basis).
-- by_construction: with $basis = 'invoice', an order that is its own invoice — same id, same moment,
-- loaded from the same file (QuickBooks loads each invoice as an order too) — takes 0 days by how it
-- was loaded, not by anything that happened; such items are left out and counted (models/measures.ts).
-- (model.order_items marks such orders own_invoice, models/sql/11-measure-items.sql.)
SELECT created_at AS start_at,
  CASE WHEN $basis = 'delivery' AND last_delivered_at <= $as_of::TIMESTAMP THEN last_delivered_at
       WHEN $basis = 'invoice' AND first_issued_at <= $as_of::TIMESTAMP THEN first_issued_at END AS end_at,
  source, owner, region, segment,
  $basis = 'invoice' AND own_invoice AS by_construction
FROM model.order_items
WHERE ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
  AND created_at >= $from::TIMESTAMP AND created_at < $to::TIMESTAMP AND created_at <= $as_of::TIMESTAMP
