-- What the loaded data can tell (docs/measures.md): data_end is the latest moment at which something
-- happened; planned dates (due_at, the close date of an open opportunity) are not events.
CREATE TABLE model.facts AS
SELECT
  greatest(
    (SELECT max(greatest(created_at, qualified_at, disqualified_at, converted_at)) FROM leads),
    (SELECT max(greatest(created_at, CASE WHEN is_closed THEN closed_at END)) FROM opportunities),
    (SELECT max(greatest(created_at, sent_at, accepted_at)) FROM quotes),
    (SELECT max(greatest(created_at, confirmed_at)) FROM orders),
    (SELECT max(greatest(shipped_at, delivered_at)) FROM deliveries),
    (SELECT max(issued_at) FROM invoices),
    (SELECT max(paid_at) FROM payments),
    (SELECT max("timestamp") FROM events)
  ) AS data_end,
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
