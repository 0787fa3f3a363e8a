-- Variants: the activity sequence of each case (timestamp, then file order; all lifecycle events),
-- with the number of cases and their mean and median duration (last − first timestamp, seconds).
-- Sorted by count desc, then lexicographically by the sequence (as pm4py's sorted variants).
SELECT
  activities,
  count(*)::INTEGER AS count,
  quantile_cont(seconds, 0.5)::DOUBLE AS median_seconds,
  avg(seconds)::DOUBLE AS mean_seconds
FROM {{log_cases}}
GROUP BY activities
ORDER BY count DESC, activities
