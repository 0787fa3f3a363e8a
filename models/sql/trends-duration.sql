-- Trend of a duration measure: its items (start_at, end_at NULL when open, from the measure's own
-- query) summarized per calendar period of the start event ($by = 'month' or 'quarter'). The same
-- summary as measures/duration-summary.sql, grouped (items ending before they start left out and
-- counted in `excluded`); dates are naive UTC timestamps, so the period of an item never depends on
-- the machine's timezone.
SELECT
  strftime(date_trunc($by, start_at), '%Y-%m-%d') AS period_start,
  count(micros) AS n,
  avg(micros) / 86400e6 AS mean,
  quantile_cont(days, 0.5) AS median,
  quantile_cont(days, 0.9) AS p90,
  count(*) FILTER (WHERE end_at IS NULL) AS censored,
  count(*) FILTER (WHERE end_at < start_at) AS excluded
FROM (
  SELECT start_at, end_at,
    CASE WHEN end_at >= start_at THEN epoch_us(end_at) - epoch_us(start_at) END AS micros,
    CASE WHEN end_at >= start_at THEN (epoch_us(end_at) - epoch_us(start_at)) / 86400e6 END AS days
  FROM items
)
GROUP BY period_start
ORDER BY period_start
