-- One row per case with its milestones (docs/linking.md). Order-side milestones follow the case's first
-- order: delivered = its last delivery, invoiced = its first invoice, paid = its cash moment.
-- quote_sent is the first quote's sent_at, or its created_at where sending was not recorded.
CREATE TABLE model.cases AS
WITH lead_cases AS (
  SELECT lead_id AS case_id, 'lead' AS origin, lead_id, account_id, source, owner, region, segment,
    created_at AS lead_created_at, qualified_at, attributes
  FROM leads
),
other_cases AS (
  SELECT DISTINCT case_id, CASE WHEN case_id LIKE 'opportunity:%' THEN 'opportunity' ELSE 'order' END AS origin
  FROM (
    SELECT case_id FROM opportunities JOIN model.opportunity_cases USING (opportunity_id)
    UNION ALL
    SELECT case_id FROM orders JOIN model.order_cases USING (order_id))
  WHERE case_id NOT IN (SELECT lead_id FROM main.leads)
),
opportunity_milestones AS (
  SELECT oc.case_id, min(o.created_at) AS opportunity_created_at,
    arg_min(o.account_id, o.created_at) AS account_id, arg_min(o.owner, o.created_at) AS owner
  FROM opportunities o JOIN model.opportunity_cases oc ON oc.opportunity_id = o.opportunity_id
  GROUP BY oc.case_id
),
quote_milestones AS (
  SELECT oc.case_id, min(coalesce(q.sent_at, q.created_at)) AS quote_sent_at
  FROM quotes q JOIN model.opportunity_cases oc ON oc.opportunity_id = q.opportunity_id
  GROUP BY oc.case_id
),
first_orders AS (
  SELECT case_id, arg_min(order_id, (created_at, order_id)) AS order_id, count(*) AS orders
  FROM model.order_facts GROUP BY case_id
)
SELECT
  c.case_id, c.origin, c.lead_id,
  coalesce(c.account_id, om.account_id, o.account_id) AS account_id,
  c.source,
  coalesce(c.owner, om.owner, a.owner) AS owner,
  coalesce(c.region, a.region) AS region,
  coalesce(c.segment, a.segment) AS segment,
  -- the extra columns people filter by: the lead's, or the first order's for a case without a lead
  coalesce(c.attributes, o.attributes) AS attributes,
  c.lead_created_at, c.qualified_at, om.opportunity_created_at, qm.quote_sent_at,
  f.order_id AS first_order_id, coalesce(f.orders, 0) AS orders,
  of.created_at AS order_created_at, of.last_delivered_at AS delivered_at,
  of.first_issued_at AS invoiced_at, of.cash_at AS paid_at
FROM (
  SELECT * FROM lead_cases
  UNION ALL BY NAME
  SELECT case_id, origin FROM other_cases
) c
LEFT JOIN opportunity_milestones om ON om.case_id = c.case_id
LEFT JOIN quote_milestones qm ON qm.case_id = c.case_id
LEFT JOIN first_orders f ON f.case_id = c.case_id
LEFT JOIN model.order_facts of ON of.order_id = f.order_id
LEFT JOIN orders o ON o.order_id = f.order_id
LEFT JOIN accounts a ON a.account_id = coalesce(c.account_id, om.account_id, o.account_id);
