-- Open pipeline at as_of (docs/measures.md, "Pipeline"): the opportunities not closed by as_of, by owner
-- and by current stage, with their number, summed amount (as loaded, no currency conversion; NULL
-- amounts add nothing and are counted in `without_amount`) and how many have no creation date.
-- `grouping` says which rows: 'total', 'owner' or 'stage'.
WITH opps AS (__OPPORTUNITIES__),
open AS (SELECT * FROM opps WHERE NOT decided)
SELECT CASE WHEN grouping(owner) = 0 THEN 'owner' WHEN grouping(stage) = 0 THEN 'stage' ELSE 'total' END AS grouping,
  owner, stage,
  count(*)::INTEGER AS count,
  coalesce(sum(amount), 0)::DOUBLE AS amount,
  count(*) FILTER (WHERE amount IS NULL)::INTEGER AS without_amount,
  count(*) FILTER (WHERE created_at IS NULL)::INTEGER AS undated
FROM open
GROUP BY GROUPING SETS ((owner), (stage), ())
ORDER BY grouping, count DESC, owner, stage
