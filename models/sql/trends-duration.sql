-- Trend of a duration measure: its items (start_at, end_at NULL when open, from the measure's own
-- query) summarized per calendar period of the start event ($by = 'month' or 'quarter'). The same
-- summary as measures/duration-summary.sql, grouped; dates are naive UTC timestamps, so the period
-- of an item never depends on the machine's timezone.
SELECT
  strftime(date_trunc($by, start_at), '%Y-%m-%d') AS period_start,
  count(end_at) AS n,
  avg(micros) / 86400e6 AS mean,
  quantile_cont(days, 0.5) AS median,
  quantile_cont(days, 0.9) AS p90,
  count(*) - count(end_at) AS censored
FROM (
  SELECT start_at, end_at, epoch_us(end_at) - epoch_us(start_at) AS micros,
    (epoch_us(end_at) - epoch_us(start_at)) / 86400e6 AS days
  FROM items
)
GROUP BY period_start
ORDER BY period_start
