-- Candidate links order → invoice for records that share no id (models/stitch, docs/linking.md#links-by-matching):
-- the two sides, paired by stitch-candidates.sql. Orders: that no loaded invoice names. Invoices: whose
-- order_id names no loaded order. The invoice is issued within the window after the order. An invoice
-- has no account: its customer name is an extra column that holds one.
WITH decided AS (
  SELECT from_id, to_id, arg_max(decision, batch_id) AS decision FROM record_links
  WHERE from_table = 'orders' AND to_table = 'invoices'
  GROUP BY from_id, to_id
),
named AS (
  SELECT 'from' AS side, o.order_id AS id, o.created_at AS at, o.amount, o.attributes,
    coalesce(a.name, ltc_attribute_name(o.attributes, $name_columns)) AS name
  FROM orders o LEFT JOIN accounts a ON a.account_id = o.account_id
  WHERE NOT EXISTS (SELECT 1 FROM invoices x WHERE x.order_id = o.order_id)
    AND o.order_id NOT IN (SELECT from_id FROM decided WHERE decision = 'accepted')
  UNION ALL
  SELECT 'to', i.invoice_id, i.issued_at, i.amount, i.attributes, ltc_attribute_name(i.attributes, $name_columns)
  FROM invoices i
  WHERE NOT EXISTS (SELECT 1 FROM orders x WHERE x.order_id = i.order_id)
    AND i.invoice_id NOT IN (SELECT to_id FROM decided WHERE decision = 'accepted')
)
