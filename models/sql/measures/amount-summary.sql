-- Summary of an amount measure over its items (start_at, value NULL while undecided, the case's
-- source, owner, region and segment). A negative value cannot be a deal's worth: it is left out and
-- counted in `excluded`. One row per stratum of segment key $by, or one row when $by is NULL.
SELECT
  stratum,
  count(kept) AS n,
  avg(kept) AS mean,
  quantile_cont(kept, 0.5) AS median,
  quantile_cont(kept, 0.9) AS p90,
  count(*) FILTER (WHERE value IS NULL) AS censored,
  count(*) FILTER (WHERE value < 0) AS excluded
FROM (
  SELECT value, CASE WHEN value >= 0 THEN value END AS kept,
    ltc_stratum(source, owner, region, segment, $by::VARCHAR) AS stratum
  FROM items
)
GROUP BY stratum
