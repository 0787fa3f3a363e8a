-- Case stitching (docs/linking.md). A case is one lead and everything downstream of it; an opportunity or
-- order whose upstream link is missing starts its own case (origin 'opportunity' or 'order').

-- Opportunity → lead: opportunities.lead_id, else the earliest lead whose opportunity_id names it.
CREATE TABLE model.opportunity_cases AS
WITH named_by_lead AS (
  SELECT opportunity_id, arg_min(lead_id, (created_at, lead_id)) AS lead_id
  FROM leads WHERE opportunity_id IS NOT NULL
  GROUP BY opportunity_id
)
SELECT
  o.opportunity_id,
  coalesce(l.lead_id, n.lead_id, 'opportunity:' || o.opportunity_id) AS case_id,
  CASE WHEN l.lead_id IS NOT NULL THEN 'opportunity.lead_id'
       WHEN n.lead_id IS NOT NULL THEN 'lead.opportunity_id'
       ELSE 'none' END AS link,
  o.lead_id IS NOT NULL AND l.lead_id IS NULL AS dangling
FROM opportunities o
LEFT JOIN leads l ON l.lead_id = o.lead_id
LEFT JOIN named_by_lead n ON n.opportunity_id = o.opportunity_id;

-- Order → case: through its opportunity, else its lead, else it is a case of its own.
CREATE TABLE model.order_cases AS
WITH named_by_lead AS (
  SELECT opportunity_id, arg_min(lead_id, (created_at, lead_id)) AS lead_id
  FROM leads WHERE opportunity_id IS NOT NULL
  GROUP BY opportunity_id
)
SELECT
  o.order_id,
  coalesce(oc.case_id, n.lead_id, l.lead_id, 'order:' || o.order_id) AS case_id,
  CASE WHEN oc.case_id IS NOT NULL THEN 'opportunity'
       WHEN n.lead_id IS NOT NULL THEN 'lead.opportunity_id'
       WHEN l.lead_id IS NOT NULL THEN 'lead'
       ELSE 'none' END AS link,
  (o.opportunity_id IS NOT NULL AND oc.case_id IS NULL AND n.lead_id IS NULL)
    OR (o.lead_id IS NOT NULL AND l.lead_id IS NULL) AS dangling
FROM orders o
LEFT JOIN model.opportunity_cases oc ON oc.opportunity_id = o.opportunity_id
LEFT JOIN named_by_lead n ON n.opportunity_id = o.opportunity_id
LEFT JOIN leads l ON l.lead_id = o.lead_id;
