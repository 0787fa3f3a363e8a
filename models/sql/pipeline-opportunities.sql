-- The opportunities of the pipeline (docs/measures.md, "Pipeline") in the filtered view, each with its
-- state at as_of: open (not closed by as_of; an undated one too), won or lost by as_of. Used as the
-- CTE `opps` by pipeline-open.sql and pipeline-funnel.sql. An opportunity created after as_of is not there yet.
SELECT o.opportunity_id, nullif(trim(o.stage), '') AS stage, coalesce(o.owner, c.owner) AS owner, o.amount, o.created_at,
  coalesce(o.is_closed, false) AND coalesce(o.closed_at, o.created_at, $as_of::TIMESTAMP) <= $as_of::TIMESTAMP AS decided,
  coalesce(o.is_won, false) AS won
FROM opportunities o
JOIN model.opportunity_cases oc ON oc.opportunity_id = o.opportunity_id
JOIN model.cases c ON c.case_id = oc.case_id
WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
  AND (o.created_at IS NULL OR o.created_at <= $as_of::TIMESTAMP)
