-- Summary of a rate over its items (start_at, decided, success): n = the decided items, count = those
-- that succeeded, censored = the items not decided yet (in the latest periods of a trend, most of them).
-- One row per group `grp` of `grouped` (models/measures.ts summarySql): a stratum of the mix
-- comparison (docs/statistics.md) or a calendar period of the trends; no row without items.
SELECT
  grp,
  count(*) FILTER (WHERE decided) AS n,
  count(*) FILTER (WHERE decided AND success) AS count,
  count(*) FILTER (WHERE NOT decided) AS censored
FROM grouped
GROUP BY grp
