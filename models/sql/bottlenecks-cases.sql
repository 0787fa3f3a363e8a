-- The cases of one transition that started in the period, slowest first (docs/measures.md, drill-down):
-- completed ones by how long the transition took, waiting ones by how long they have waited at
-- as_of. `total` and `waiting_total` count all of them, before the limit.
WITH cases AS MATERIALIZED (
  SELECT case_id, origin, lead_id, order_id, source, owner, region, segment, start_at, end_at,
    coalesce(days, (epoch_us($as_of::TIMESTAMP) - epoch_us(start_at)) / 86400e6) AS days,
    waiting, out_of_order
  FROM ltc_transition_steps($as_of::TIMESTAMP, $filter::JSON, $next::JSON, $live::BOOLEAN)
  WHERE from_milestone = $from_milestone AND to_milestone = $to_milestone
    AND start_at >= $from::TIMESTAMP AND start_at < $to::TIMESTAMP
),
totals AS (
  SELECT count(*) AS total, count(*) FILTER (WHERE waiting) AS waiting_total FROM cases
)
SELECT case_id, origin, lead_id, order_id, source, owner, region, segment,
  strftime(start_at, '%Y-%m-%dT%H:%M:%S') AS start_at,
  strftime(end_at, '%Y-%m-%dT%H:%M:%S') AS end_at,
  days, waiting, out_of_order, total, waiting_total
FROM cases, totals
ORDER BY days DESC, case_id
LIMIT $limit
