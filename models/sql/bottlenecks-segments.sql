-- Segments in which a transition is slower (docs/measures.md, bottlenecks). For each transition, the
-- completed transitions that started in the period, pooled and ranked by duration (ties get their
-- average rank); for each segment value (source, owner, region, segment) with at least $min_cases
-- of them and at least $min_cases outside it: what the Mann–Whitney U test of the value against
-- the rest needs (the value's rank sum, the transition's tie term Σ(t³ − t)) and the two medians.
WITH items AS MATERIALIZED (
  SELECT from_milestone, to_milestone, days, source, owner, region, segment,
    row_number() OVER by_days AS position,
    -- average rank of a tie group: (its first rank + its last rank) / 2
    (rank() OVER by_days + round(cume_dist() OVER by_days * count(*) OVER (PARTITION BY from_milestone, to_milestone))) / 2 AS avg_rank
  FROM ltc_transition_steps($as_of::TIMESTAMP, $filter::JSON, $next::JSON, $live::BOOLEAN)
  WHERE NOT waiting AND start_at >= $from::TIMESTAMP AND start_at < $to::TIMESTAMP
  WINDOW by_days AS (PARTITION BY from_milestone, to_milestone ORDER BY days)
),
pooled AS (
  SELECT from_milestone, to_milestone, sum(t) AS n, sum(t::DOUBLE * t * t - t) AS tie_term
  FROM (SELECT from_milestone, to_milestone, count(*) AS t FROM items GROUP BY from_milestone, to_milestone, days)
  GROUP BY from_milestone, to_milestone
),
-- Cases without a value for a key are not a group of that key; they stay in every rest.
groups AS (
  SELECT from_milestone, to_milestone, key, value,
    count(*) AS n, sum(avg_rank) AS rank_sum, quantile_cont(days, 0.5) AS median,
    list(position ORDER BY position) AS positions
  FROM (
    UNPIVOT (SELECT from_milestone, to_milestone, position, avg_rank, days, source, owner, region, segment FROM items)
    ON source, owner, region, segment INTO NAME key VALUE value
  )
  GROUP BY from_milestone, to_milestone, key, value
),
-- The rest's median is the mean of its k_low-th and k_high-th shortest durations. The value's j-th
-- item, at pooled position g_j, has g_j − j items of the rest before it, so the rest's k-th item is
-- at pooled position k + #{j : g_j − j < k}: found without sorting the rest again.
tested AS (
  SELECT g.* EXCLUDE (positions), p.n - g.n AS rest_n, p.tie_term,
    list_transform(g.positions, lambda position, j: position - j) AS rest_before,
    (p.n - g.n + 1) // 2 AS k_low, (p.n - g.n) // 2 + 1 AS k_high
  FROM groups g JOIN pooled p USING (from_milestone, to_milestone)
  WHERE g.n >= $min_cases AND p.n - g.n >= $min_cases
),
rest_positions AS (
  SELECT * EXCLUDE (rest_before),
    k_low + len(list_filter(rest_before, lambda r: r < k_low)) AS position_low,
    k_high + len(list_filter(rest_before, lambda r: r < k_high)) AS position_high
  FROM tested
)
SELECT r.from_milestone, r.to_milestone, r.key, r.value, r.n, r.rank_sum, r.median, r.rest_n, r.tie_term,
  (low.days + high.days) / 2 AS rest_median
FROM rest_positions r
JOIN items low ON low.from_milestone = r.from_milestone AND low.to_milestone = r.to_milestone AND low.position = r.position_low
JOIN items high ON high.from_milestone = r.from_milestone AND high.to_milestone = r.to_milestone AND high.position = r.position_high
