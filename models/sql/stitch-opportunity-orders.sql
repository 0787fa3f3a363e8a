-- Candidate links opportunity → order for records that share no id (models/stitch, docs/linking.md#links-by-matching):
-- the two sides, paired by stitch-candidates.sql. Opportunities: won (or of unknown outcome) with no
-- order naming them. Orders: whose opportunity_id is empty or names nothing loaded, and that no lead
-- claims. The order is created within the window around the opportunity's close. Customer names: the
-- account's name, else an extra column that holds one.
WITH decided AS (
  SELECT from_id, to_id, arg_max(decision, batch_id) AS decision FROM record_links
  WHERE from_table = 'opportunities' AND to_table = 'orders'
  GROUP BY from_id, to_id
),
named AS (
  SELECT 'from' AS side, o.opportunity_id AS id, coalesce(o.closed_at, o.created_at) AS at, o.amount, o.attributes,
    coalesce(a.name, ltc_attribute_name(o.attributes, $name_columns)) AS name
  FROM opportunities o LEFT JOIN accounts a ON a.account_id = o.account_id
  WHERE o.is_won IS DISTINCT FROM false
    AND NOT EXISTS (SELECT 1 FROM orders x WHERE x.opportunity_id = o.opportunity_id)
    AND o.opportunity_id NOT IN (SELECT from_id FROM decided WHERE decision = 'accepted')
  UNION ALL
  SELECT 'to', o.order_id, o.created_at, o.amount, o.attributes,
    coalesce(a.name, ltc_attribute_name(o.attributes, $name_columns))
  FROM orders o LEFT JOIN accounts a ON a.account_id = o.account_id
  WHERE NOT EXISTS (SELECT 1 FROM opportunities x WHERE x.opportunity_id = o.opportunity_id)
    AND NOT EXISTS (SELECT 1 FROM leads x WHERE x.opportunity_id = o.opportunity_id)
    AND NOT EXISTS (SELECT 1 FROM leads x WHERE x.lead_id = o.lead_id)
    AND o.order_id NOT IN (SELECT to_id FROM decided WHERE decision = 'accepted')
)
