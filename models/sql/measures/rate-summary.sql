-- Summary of a rate over its items (start_at, decided, success, the case's source, owner, region and
-- segment): n = the decided items, count = those that succeeded, censored = the items not decided yet.
-- One row per stratum: the value of segment key $by (the mix comparison, docs/statistics.md), or one
-- row for all items when $by is NULL; no row without items.
SELECT
  ltc_stratum(source, owner, region, segment, $by::VARCHAR) AS stratum,
  count(*) FILTER (WHERE decided) AS n,
  count(*) FILTER (WHERE decided AND success) AS count,
  count(*) FILTER (WHERE NOT decided) AS censored
FROM items
GROUP BY stratum
