-- Opportunity funnel by stage (docs/measures.md, "Opportunity funnel"): of the opportunities created in
-- the period (undated ones too when $undated, i.e. no period was asked), how many reached each open
-- stage or a later one by as_of, then how many were won. A stage is reached when a stage-history event
-- ("Stage: <stage>", loaded from Salesforce OpportunityHistory, HubSpot deal stages or a CRM's stage log)
-- says it was entered, or when it is the opportunity's current open stage; a won opportunity reached
-- every open stage. Without history a lost opportunity counts as created only: the export does not
-- say how far it got.
-- Stage order: the stages table's position, else the usual place of a common stage name, else the
-- order stages were entered in the history, else the name. Closed stages (won, lost) are not steps.
-- One row per step: kind 'created' | 'stage' | 'won', and one 'lost' row; has_history on every row.
WITH opps AS (__OPPORTUNITIES__),
period AS (
  SELECT * FROM opps
  WHERE (created_at >= $from::TIMESTAMP AND created_at < $to::TIMESTAMP) OR (created_at IS NULL AND $undated::BOOLEAN)
),
history AS (
  SELECT coalesce(e.object_id, e.case_id) AS opportunity_id, trim(substr(e.activity, 8)) AS stage, min(e.timestamp) AS entered_at
  FROM events e
  WHERE e.activity LIKE 'Stage: %' AND e.timestamp <= $as_of::TIMESTAMP
    AND coalesce(e.object_id, e.case_id) IN (SELECT opportunity_id FROM period)
  GROUP BY ALL
),
entry_order AS (
  SELECT stage, avg(n) AS mean_order
  FROM (SELECT stage, row_number() OVER (PARTITION BY opportunity_id ORDER BY entered_at, stage) AS n FROM history)
  GROUP BY stage
),
dictionary(pattern, place) AS (VALUES
  ('prospect', 10), ('new', 10), ('lead', 10), ('初步', 10), ('接洽', 10), ('appointment', 15), ('qualif', 20),
  ('discovery', 20), ('engag', 25), ('needs analysis', 30), ('需求', 30), ('presentation', 35), ('value proposition', 40),
  ('decision', 50), ('perception', 60), ('方案', 60), ('proposal', 70), ('quote', 70), ('报价', 70), ('negotiat', 80),
  ('谈判', 80), ('contract', 85), ('合同', 85), ('commit', 90)
),
-- the steps are the stages of every opportunity in view, so a period without open deals keeps them
keys AS (SELECT stage FROM opps WHERE stage IS NOT NULL UNION SELECT stage FROM history),
stage_info AS (
  SELECT k.stage, coalesce(any_value(s.label), k.stage) AS label,
    coalesce(min(s.position), min(d.place), 1000 + any_value(eo.mean_order), 100000) AS place,
    coalesce(bool_or(s.is_closed),
      (SELECT bool_and(p.decided OR coalesce(o.is_closed, false)) FROM opps p JOIN opportunities o USING (opportunity_id) WHERE p.stage = k.stage),
      regexp_matches(lower(k.stage), 'won|lost|closed|赢单|输单|丢单|成交')) AS closed
  FROM keys k
  LEFT JOIN stages s ON s.stage_id = k.stage OR s.label = k.stage
  LEFT JOIN dictionary d ON lower(k.stage) LIKE '%' || d.pattern || '%'
  LEFT JOIN entry_order eo ON eo.stage = k.stage
  GROUP BY k.stage
),
steps AS (SELECT stage, label, place FROM stage_info WHERE NOT closed),
reach AS (
  SELECT p.opportunity_id, any_value(p.amount) AS amount, any_value(p.decided AND p.won) AS won,
    greatest(coalesce(max(cur.place), -1), coalesce(max(hs.place), -1)) AS reached
  FROM period p
  LEFT JOIN steps cur ON cur.stage = p.stage
  LEFT JOIN history h ON h.opportunity_id = p.opportunity_id
  LEFT JOIN steps hs ON hs.stage = h.stage
  GROUP BY p.opportunity_id
),
has_history AS (SELECT count(*) > 0 AS has_history FROM history)
SELECT 'created' AS kind, NULL AS stage, NULL AS label, -1 AS place, count(*)::INTEGER AS count, coalesce(sum(amount), 0)::DOUBLE AS amount,
  count(*) FILTER (WHERE created_at IS NULL)::INTEGER AS undated, (SELECT has_history FROM has_history) AS has_history
FROM period
UNION ALL
SELECT 'stage', s.stage, s.label, s.place,
  count(r.opportunity_id) FILTER (WHERE r.reached >= s.place OR r.won)::INTEGER,
  coalesce(sum(r.amount) FILTER (WHERE r.reached >= s.place OR r.won), 0)::DOUBLE, NULL, (SELECT has_history FROM has_history)
FROM steps s CROSS JOIN reach r
GROUP BY s.stage, s.label, s.place
UNION ALL
SELECT 'won', NULL, NULL, 1000000, count(*) FILTER (WHERE decided AND won)::INTEGER,
  coalesce(sum(amount) FILTER (WHERE decided AND won), 0)::DOUBLE, NULL, (SELECT has_history FROM has_history)
FROM period
UNION ALL
SELECT 'lost', NULL, NULL, 2000000, count(*) FILTER (WHERE decided AND NOT won)::INTEGER,
  coalesce(sum(amount) FILTER (WHERE decided AND NOT won), 0)::DOUBLE, NULL, (SELECT has_history FROM has_history)
FROM period
ORDER BY place, stage
