-- The extra columns the cases carry (model.cases.attributes: the lead's, or the first order's for a
-- case without a lead), each with what classifies it (models/filter-column-roles.ts): its number of
-- distinct values, the cases without a value, the cases with one, and how many of its values read as
-- a date or a timestamp and how many look like a record id (a Salesforce id of 15 or 18 letters and
-- digits, a UUID). Only for columns with at most $max_distinct distinct values — the ones a filter
-- can offer as a choice — each value with its number of cases. One row per listed value; a column
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
    ((SELECT count(*) FROM model.cases) - count(value))::INTEGER AS missing,
    count(value)::INTEGER AS present,
    count(*) FILTER (WHERE try_cast(trim(value) AS TIMESTAMP) IS NOT NULL)::INTEGER AS dated,
    count(*) FILTER (WHERE regexp_full_match(value, '[A-Za-z0-9]{15}|[A-Za-z0-9]{18}')
        AND regexp_matches(value, '[0-9]') AND regexp_matches(value, '[A-Za-z]')
      OR regexp_full_match(value, '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}'))::INTEGER AS id_like
  FROM attribute_values GROUP BY key
)
SELECT col.key, col.distinct_values, col.missing, col.present, col.dated, col.id_like, cnt.value, cnt.cases
FROM columns col
LEFT JOIN counted cnt ON cnt.key = col.key AND col.distinct_values <= $max_distinct::INTEGER
ORDER BY col.key, cnt.cases DESC, cnt.value
