-- Candidate links opportunity → order for records that share no id (models/stitch, docs/linking.md#links-by-matching).
-- Opportunities: won (or of unknown outcome) with no order naming them. Orders: whose opportunity_id
-- is empty or names nothing loaded, and that no lead claims. Blocking: the order is created within
-- the window around the opportunity's close, and the two customer names begin alike (first three
-- letters of the name without punctuation, full-width forms folded) or the amounts agree within the
-- tax band. Customer names: the account's name, else an extra column that holds one.
WITH decided AS (
  SELECT from_id, to_id, arg_max(decision, batch_id) AS decision FROM record_links
  WHERE from_table = 'opportunities' AND to_table = 'orders'
  GROUP BY from_id, to_id
),
named AS (
  SELECT 'opportunity' AS side, o.opportunity_id AS id, coalesce(o.closed_at, o.created_at) AS at, o.amount, o.attributes,
    coalesce(a.name, json_extract_string(o.attributes, '$."' || list_filter(json_keys(o.attributes),
      k -> list_contains(from_json($name_columns, '["VARCHAR"]'), regexp_replace(lower(k), '[^a-z\p{Han}]', '', 'g')))[1] || '"')) AS name
  FROM opportunities o LEFT JOIN accounts a ON a.account_id = o.account_id
  WHERE o.is_won IS DISTINCT FROM false
    AND NOT EXISTS (SELECT 1 FROM orders x WHERE x.opportunity_id = o.opportunity_id)
    AND o.opportunity_id NOT IN (SELECT from_id FROM decided WHERE decision = 'accepted')
  UNION ALL
  SELECT 'order', o.order_id, o.created_at, o.amount, o.attributes,
    coalesce(a.name, json_extract_string(o.attributes, '$."' || list_filter(json_keys(o.attributes),
      k -> list_contains(from_json($name_columns, '["VARCHAR"]'), regexp_replace(lower(k), '[^a-z\p{Han}]', '', 'g')))[1] || '"'))
  FROM orders o LEFT JOIN accounts a ON a.account_id = o.account_id
  WHERE NOT EXISTS (SELECT 1 FROM opportunities x WHERE x.opportunity_id = o.opportunity_id)
    AND NOT EXISTS (SELECT 1 FROM leads x WHERE x.opportunity_id = o.opportunity_id)
    AND NOT EXISTS (SELECT 1 FROM leads x WHERE x.lead_id = o.lead_id)
    AND o.order_id NOT IN (SELECT to_id FROM decided WHERE decision = 'accepted')
),
keyed AS (
  SELECT *, nullif(left(regexp_replace(regexp_replace(lower(translate(coalesce(name, ''), $full_width, $half_width)), '^the\s+', ''),
    '[^a-z0-9\p{Han}]', '', 'g'), 3), '') AS block
  FROM named
)
SELECT f.id AS from_id, f.name AS from_name, f.amount AS from_amount, strftime(f.at, '%Y-%m-%dT%H:%M:%S') AS from_at, f.attributes::VARCHAR AS from_attributes,
  t.id AS to_id, t.name AS to_name, t.amount AS to_amount, strftime(t.at, '%Y-%m-%dT%H:%M:%S') AS to_at, t.attributes::VARCHAR AS to_attributes
FROM keyed f
JOIN keyed t ON t.side = 'order' AND f.side = 'opportunity'
  AND t.at >= f.at - to_days($days_before::INTEGER) AND t.at <= f.at + to_days($days_after::INTEGER)
  AND (f.block = t.block OR (f.amount > 0 AND t.amount / f.amount BETWEEN 0.75 AND 1.3))
WHERE NOT EXISTS (SELECT 1 FROM decided d WHERE d.from_id = f.id AND d.to_id = t.id)
ORDER BY from_id, to_id
