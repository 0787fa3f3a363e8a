-- The extra columns the cases carry (model.cases.attributes: the lead's, or the first order's for a
-- case without a lead) with their number of distinct values, the cases without a value, and — only
-- for low-cardinality columns (at most $max_distinct distinct values), the ones a filter bar can
-- offer as a choice — each value with its number of cases. One row per listed value; a column
-- whose values are not listed (or that has none) comes as one row with value NULL.
WITH attribute_values AS (
  SELECT e.key, json_extract_string(e.value, '$') AS value
  FROM model.cases c, json_each(c.attributes) e
  WHERE c.attributes IS NOT NULL
),
counted AS (
  SELECT key, value, count(*)::INTEGER AS cases FROM attribute_values WHERE value IS NOT NULL GROUP BY ALL
),
columns AS (
  SELECT key,
    count(DISTINCT value)::INTEGER AS distinct_values,
    ((SELECT count(*) FROM model.cases) - count(value))::INTEGER AS missing
  FROM attribute_values GROUP BY key
)
SELECT col.key, col.distinct_values, col.missing, cnt.value, cnt.cases
FROM columns col
LEFT JOIN counted cnt ON cnt.key = col.key AND col.distinct_values <= $max_distinct::INTEGER
ORDER BY col.key, cnt.cases DESC, cnt.value
