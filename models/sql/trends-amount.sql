-- Trend of an amount measure per calendar period of its items' start ($by = 'month' or 'quarter'):
-- the same summary as measures/amount-summary.sql, grouped.
SELECT
  strftime(date_trunc($by, start_at), '%Y-%m-%d') AS period_start,
  count(kept) AS n,
  avg(kept) AS mean,
  quantile_cont(kept, 0.5) AS median,
  quantile_cont(kept, 0.9) AS p90,
  count(*) FILTER (WHERE value IS NULL) AS censored,
  count(*) FILTER (WHERE value < 0) AS excluded
FROM (SELECT start_at, value, CASE WHEN value >= 0 THEN value END AS kept FROM items)
GROUP BY period_start
ORDER BY period_start
