-- Summary of a duration measure over its items (start_at, end_at NULL when open), in days.
-- The mean sums whole microseconds (exact integers), so it does not depend on row order.
SELECT
  count(end_at) AS n,
  avg(micros) / 86400e6 AS mean,
  quantile_cont(days, 0.5) AS median,
  quantile_cont(days, 0.9) AS p90,
  count(*) - count(end_at) AS censored
FROM (
  SELECT end_at, epoch_us(end_at) - epoch_us(start_at) AS micros,
    (epoch_us(end_at) - epoch_us(start_at)) / 86400e6 AS days
  FROM items
)
