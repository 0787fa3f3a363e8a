-- collection_days (docs/measures.md): per invoice, the moment cumulative payments applied to it reach its
-- amount − issued; unpaid invoices are open. Zero and negative invoices (credit notes) are not
-- collected and are left out.
SELECT i.issued_at AS start_at, CASE WHEN i.paid_at <= $as_of::TIMESTAMP THEN i.paid_at END AS end_at,
  c.source, c.owner, c.region, c.segment
FROM model.invoice_facts i
LEFT JOIN model.cases c USING (case_id)
WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
  AND i.amount > ltc_payment_tolerance()
  AND i.issued_at >= $from::TIMESTAMP AND i.issued_at < $to::TIMESTAMP AND i.issued_at <= $as_of::TIMESTAMP
