-- Case stitching (docs/linking.md). A case is one lead and everything downstream of it; an opportunity or
-- order whose upstream link is missing starts its own case (origin 'opportunity' or 'order').
-- Each link table has a row per invoice, opportunity or order, read from that table by its bare name
-- (an incremental build reads only the records whose link may have changed, models/model-update.ts);
-- the records they name are looked up whole (main.<table>).

-- Links made by matching (docs/linking.md#links-by-matching): the latest decision on each pair of records
-- that share no id; the accepted ones link like an id would, one partner per order and per invoice.
CREATE TABLE model.record_matches AS
SELECT from_table, from_id, to_table, min(from_id) OVER (PARTITION BY from_table, to_table, to_id) AS first_from, to_id
FROM (
  SELECT from_table, from_id, to_table, to_id, arg_max(decision, batch_id) AS decision
  FROM record_links GROUP BY ALL
)
WHERE decision = 'accepted';

-- Invoices with the order they belong to: their own order_id when it names a loaded order, else the
-- order an accepted link gives them, else their order_id as it is (an orphan).
CREATE TABLE model.linked_invoices AS
SELECT i.* EXCLUDE (batch_id) REPLACE (coalesce(o.order_id, m.from_id, i.order_id) AS order_id),
  CASE WHEN o.order_id IS NOT NULL THEN 'invoices.order_id' WHEN m.from_id IS NOT NULL THEN 'match' ELSE 'none' END AS order_link
FROM invoices i
LEFT JOIN main.orders o ON o.order_id = i.order_id
LEFT JOIN model.record_matches m ON m.from_table = 'orders' AND m.to_table = 'invoices' AND m.to_id = i.invoice_id AND m.from_id = m.first_from;

-- Opportunity → lead: opportunities.lead_id, else the earliest lead whose opportunity_id names it.
CREATE TABLE model.opportunity_cases AS
WITH named_by_lead AS (
  SELECT opportunity_id, arg_min(lead_id, (created_at, lead_id)) AS lead_id
  FROM main.leads WHERE opportunity_id IN (SELECT opportunity_id FROM opportunities)
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
LEFT JOIN main.leads l ON l.lead_id = o.lead_id
LEFT JOIN named_by_lead n ON n.opportunity_id = o.opportunity_id;

-- Order → case: through its opportunity, else its lead, else the opportunity an accepted link gives it,
-- else it is a case of its own. `opportunity_id`: the opportunity it reached its case through.
CREATE TABLE model.order_cases AS
WITH named_by_lead AS (
  SELECT opportunity_id, arg_min(lead_id, (created_at, lead_id)) AS lead_id
  FROM main.leads WHERE opportunity_id IN (SELECT opportunity_id FROM orders)
  GROUP BY opportunity_id
)
SELECT
  o.order_id,
  coalesce(oc.case_id, n.lead_id, l.lead_id, mc.case_id, 'order:' || o.order_id) AS case_id,
  CASE WHEN oc.case_id IS NOT NULL THEN 'opportunity'
       WHEN n.lead_id IS NOT NULL THEN 'lead.opportunity_id'
       WHEN l.lead_id IS NOT NULL THEN 'lead'
       WHEN mc.case_id IS NOT NULL THEN 'match'
       ELSE 'none' END AS link,
  (o.opportunity_id IS NOT NULL AND oc.case_id IS NULL AND n.lead_id IS NULL)
    OR (o.lead_id IS NOT NULL AND l.lead_id IS NULL) AS dangling,
  CASE WHEN oc.case_id IS NOT NULL THEN o.opportunity_id
       WHEN n.lead_id IS NULL AND l.lead_id IS NULL THEN mc.opportunity_id END AS opportunity_id
FROM orders o
LEFT JOIN model.opportunity_cases oc ON oc.opportunity_id = o.opportunity_id
LEFT JOIN named_by_lead n ON n.opportunity_id = o.opportunity_id
LEFT JOIN main.leads l ON l.lead_id = o.lead_id
LEFT JOIN model.record_matches m ON m.from_table = 'opportunities' AND m.to_table = 'orders' AND m.to_id = o.order_id AND m.from_id = m.first_from
LEFT JOIN model.opportunity_cases mc ON mc.opportunity_id = m.from_id;
