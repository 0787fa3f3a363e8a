-- The dated range of the workspace: from the earliest to the latest moment at which something
-- happened (data_end as model.facts defines it; planned dates are not events). Both as
-- 'YYYY-MM-DDTHH:MM:SS', NULL when nothing is dated.
SELECT
  strftime(least(
    (SELECT min(least(created_at, qualified_at, disqualified_at, converted_at)) FROM leads),
    (SELECT min(least(created_at, CASE WHEN is_closed THEN closed_at END)) FROM opportunities),
    (SELECT min(least(created_at, sent_at, accepted_at)) FROM quotes),
    (SELECT min(least(created_at, confirmed_at)) FROM orders),
    (SELECT min(least(shipped_at, delivered_at)) FROM deliveries),
    (SELECT min(issued_at) FROM invoices),
    (SELECT min(paid_at) FROM payments),
    (SELECT min("timestamp") FROM events)
  ), '%Y-%m-%dT%H:%M:%S') AS data_start,
  strftime((SELECT data_end FROM model.facts), '%Y-%m-%dT%H:%M:%S') AS data_end
