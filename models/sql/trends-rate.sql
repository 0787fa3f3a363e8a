-- Trend of a rate (docs/measures.md) per calendar period of its items' start ($by = 'month' or
-- 'quarter'): the same summary as measures/rate-summary.sql, grouped. Items not decided by as_of are
-- censored, so the latest periods have few or no decided items.
SELECT
  strftime(date_trunc($by, start_at), '%Y-%m-%d') AS period_start,
  count(*) FILTER (WHERE decided) AS n,
  count(*) FILTER (WHERE decided AND success) AS count,
  count(*) FILTER (WHERE NOT decided) AS censored
FROM items
GROUP BY period_start
ORDER BY period_start
