-- Summary of a duration measure over its items (start_at, end_at NULL when open), in days. One row per
-- group `grp` of `grouped` (models/measures.ts summarySql): a stratum of segment key $by (the mix
-- comparison, docs/statistics.md, NULL for all items), or a calendar period of the trends; no row without items.
-- An item that ends before it starts is impossible (dates read wrong, records out of order): it is
-- left out of every figure and counted in `excluded`.
-- The mean sums whole microseconds (exact integers), so it does not depend on row order.
SELECT
  grp,
  count(micros) AS n,
  avg(micros) / 86400e6 AS mean,
  quantile_cont(days, 0.5) AS median,
  quantile_cont(days, 0.9) AS p90,
  count(*) FILTER (WHERE end_at IS NULL) AS censored,
  count(*) FILTER (WHERE end_at < start_at) AS excluded
FROM (
  SELECT start_at, end_at, grp,
    CASE WHEN end_at >= start_at THEN epoch_us(end_at) - epoch_us(start_at) END AS micros,
    CASE WHEN end_at >= start_at THEN (epoch_us(end_at) - epoch_us(start_at)) / 86400e6 END AS days
  FROM grouped
)
GROUP BY grp
