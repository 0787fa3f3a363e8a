-- collection_days (docs/measures.md): per invoice, the moment cumulative payments applied to it reach its
-- amount − issued; unpaid invoices are open. Zero and negative invoices (credit notes) are not
-- collected and are left out.
-- (model.invoice_items holds those invoices with their case's columns, models/sql/11-measure-items.sql.)
SELECT issued_at AS start_at, CASE WHEN paid_at <= $as_of::TIMESTAMP THEN paid_at END AS end_at,
  source, owner, region, segment
FROM model.invoice_items
WHERE ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
  AND issued_at >= $from::TIMESTAMP AND issued_at < $to::TIMESTAMP AND issued_at <= $as_of::TIMESTAMP
