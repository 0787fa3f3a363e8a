-- The values of the four case segments (the global filters, docs/api.md) with the number of cases each,
-- the most frequent first; cases without a value are counted as missing, not listed.
WITH field_values AS (
  SELECT 'source' AS key, source AS value FROM model.cases
  UNION ALL SELECT 'owner', owner FROM model.cases
  UNION ALL SELECT 'region', region FROM model.cases
  UNION ALL SELECT 'segment', segment FROM model.cases
),
counted AS (
  SELECT key, value, count(*)::INTEGER AS cases FROM field_values GROUP BY ALL
),
ranked AS (
  SELECT key, value, cases,
    count(value) OVER (PARTITION BY key)::INTEGER AS distinct_values,
    coalesce(sum(cases) FILTER (WHERE value IS NULL) OVER (PARTITION BY key), 0)::INTEGER AS missing,
    row_number() OVER (PARTITION BY key, value IS NULL ORDER BY cases DESC, value) AS rank
  FROM counted
)
SELECT key, value, cases, distinct_values, missing
FROM ranked
WHERE value IS NULL OR rank <= $limit::INTEGER
ORDER BY key, value IS NULL, rank
