-- Summary of an amount measure over its items (start_at, value NULL while undecided). One row per
-- group `grp` of `grouped` (models/measures.ts summarySql): a stratum of the mix comparison or a
-- calendar period of the trends. A negative value cannot be a deal's worth: it is left out and
-- counted in `excluded`.
SELECT
  grp,
  count(kept) AS n,
  avg(kept) AS mean,
  quantile_cont(kept, 0.5) AS median,
  quantile_cont(kept, 0.9) AS p90,
  count(*) FILTER (WHERE value IS NULL) AS censored,
  count(*) FILTER (WHERE value < 0) AS excluded
FROM (SELECT value, grp, CASE WHEN value >= 0 THEN value END AS kept FROM grouped)
GROUP BY grp
