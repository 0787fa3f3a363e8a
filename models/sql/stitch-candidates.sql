-- The candidate pairs of one link kind (models/stitch), after its sides (stitch-<kind>.sql: the CTEs
-- `decided` and `named`, each record a side 'from' or 'to' with its moment, amount and customer name).
-- Blocking: the 'to' record comes within the window around the 'from' record, and the customer names
-- begin alike or the amounts agree within the tax band. Pairs already accepted or rejected are not
-- candidates.
keyed AS (
  SELECT *, ltc_name_block(name, $full_width, $half_width) AS block
  FROM named
)
SELECT f.id AS from_id, f.name AS from_name, f.amount AS from_amount, strftime(f.at, '%Y-%m-%dT%H:%M:%S') AS from_at, f.attributes::VARCHAR AS from_attributes,
  t.id AS to_id, t.name AS to_name, t.amount AS to_amount, strftime(t.at, '%Y-%m-%dT%H:%M:%S') AS to_at, t.attributes::VARCHAR AS to_attributes
FROM keyed f
JOIN keyed t ON t.side = 'to' AND f.side = 'from'
  AND t.at >= f.at - to_days($days_before::INTEGER) AND t.at <= f.at + to_days($days_after::INTEGER)
  AND (f.block = t.block OR (f.amount > 0 AND t.amount / f.amount BETWEEN 0.75 AND 1.3))
WHERE NOT EXISTS (SELECT 1 FROM decided d WHERE d.from_id = f.id AND d.to_id = t.id)
ORDER BY from_id, to_id
