-- collection_days (SPEC §4): per invoice, the moment cumulative payments applied to it reach its
-- amount − issued; unpaid invoices are open. Zero and negative invoices (credit notes) are not
-- collected and are left out.
SELECT issued_at AS start_at, CASE WHEN paid_at <= $as_of::TIMESTAMP THEN paid_at END AS end_at
FROM model.invoice_facts
WHERE amount > 0.01
  AND issued_at >= $from::TIMESTAMP AND issued_at < $to::TIMESTAMP AND issued_at <= $as_of::TIMESTAMP
