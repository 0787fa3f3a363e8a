-- The span of the data (docs/measures.md): the earliest and the latest moment at which something
-- happened (data_end). Planned dates (due_at, the close date of an open opportunity) are not events.
CREATE TABLE model.data_span AS
SELECT min(moment) AS data_start, max(moment) AS data_end
FROM (
  SELECT unnest([created_at, qualified_at, disqualified_at, converted_at]) AS moment FROM leads
  UNION ALL SELECT unnest([created_at, CASE WHEN is_closed THEN closed_at END]) FROM opportunities
  UNION ALL SELECT unnest([created_at, sent_at, accepted_at]) FROM quotes
  UNION ALL SELECT unnest([created_at, confirmed_at]) FROM orders
  UNION ALL SELECT unnest([shipped_at, delivered_at]) FROM deliveries
  UNION ALL SELECT issued_at FROM invoices
  UNION ALL SELECT paid_at FROM payments
  UNION ALL SELECT "timestamp" FROM events
);

-- What the loaded data can tell.
CREATE TABLE model.facts AS
SELECT
  (SELECT data_end FROM model.data_span) AS data_end,
  (SELECT count(*) FROM leads) AS leads,
  (SELECT count(*) FROM leads WHERE qualified_at IS NOT NULL) AS qualified_leads,
  (SELECT count(*) FROM opportunities) AS opportunities,
  (SELECT count(*) FROM quotes) AS quotes,
  (SELECT count(*) FROM orders) AS orders,
  (SELECT count(*) FROM deliveries) AS deliveries,
  (SELECT count(*) FROM invoices) AS invoices,
  (SELECT count(*) FROM payments) AS payments,
  (SELECT count(*) FROM accounts) AS accounts,
  (SELECT count(*) FROM events) AS events;
