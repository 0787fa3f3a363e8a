-- Candidate links order → invoice for records that share no id (models/stitch, docs/linking.md#links-by-matching).
-- Invoices: whose order_id names no loaded order. Orders: that no loaded invoice names. Blocking as
-- for opportunities and orders: the invoice is issued within the window after the order, and the
-- customer names begin alike or the amounts agree within the tax band. An invoice has no account:
-- its customer name is an extra column that holds one.
WITH decided AS (
  SELECT from_id, to_id, arg_max(decision, batch_id) AS decision FROM record_links
  WHERE from_table = 'orders' AND to_table = 'invoices'
  GROUP BY from_id, to_id
),
named AS (
  SELECT 'order' AS side, o.order_id AS id, o.created_at AS at, o.amount, o.attributes,
    coalesce(a.name, json_extract_string(o.attributes, '$."' || list_filter(json_keys(o.attributes),
      k -> list_contains(from_json($name_columns, '["VARCHAR"]'), regexp_replace(lower(k), '[^a-z\p{Han}]', '', 'g')))[1] || '"')) AS name
  FROM orders o LEFT JOIN accounts a ON a.account_id = o.account_id
  WHERE NOT EXISTS (SELECT 1 FROM invoices x WHERE x.order_id = o.order_id)
    AND o.order_id NOT IN (SELECT from_id FROM decided WHERE decision = 'accepted')
  UNION ALL
  SELECT 'invoice', i.invoice_id, i.issued_at, i.amount, i.attributes,
    json_extract_string(i.attributes, '$."' || list_filter(json_keys(i.attributes),
      k -> list_contains(from_json($name_columns, '["VARCHAR"]'), regexp_replace(lower(k), '[^a-z\p{Han}]', '', 'g')))[1] || '"')
  FROM invoices i
  WHERE NOT EXISTS (SELECT 1 FROM orders x WHERE x.order_id = i.order_id)
    AND i.invoice_id NOT IN (SELECT to_id FROM decided WHERE decision = 'accepted')
),
keyed AS (
  SELECT *, nullif(left(regexp_replace(regexp_replace(lower(translate(coalesce(name, ''), $full_width, $half_width)), '^the\s+', ''),
    '[^a-z0-9\p{Han}]', '', 'g'), 3), '') AS block
  FROM named
)
SELECT f.id AS from_id, f.name AS from_name, f.amount AS from_amount, strftime(f.at, '%Y-%m-%dT%H:%M:%S') AS from_at, f.attributes::VARCHAR AS from_attributes,
  t.id AS to_id, t.name AS to_name, t.amount AS to_amount, strftime(t.at, '%Y-%m-%dT%H:%M:%S') AS to_at, t.attributes::VARCHAR AS to_attributes
FROM keyed f
JOIN keyed t ON t.side = 'invoice' AND f.side = 'order'
  AND t.at >= f.at - to_days($days_before::INTEGER) AND t.at <= f.at + to_days($days_after::INTEGER)
  AND (f.block = t.block OR (f.amount > 0 AND t.amount / f.amount BETWEEN 0.75 AND 1.3))
WHERE NOT EXISTS (SELECT 1 FROM decided d WHERE d.from_id = f.id AND d.to_id = t.id)
ORDER BY from_id, to_id
