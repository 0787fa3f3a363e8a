-- Variants: the activity sequence of each case (timestamp, then file order; all lifecycle events),
-- with the number of cases and their mean and median duration (last − first timestamp, seconds).
-- Sorted by count desc, then lexicographically by the sequence (as pm4py's sorted variants).
WITH cases AS (
  SELECT
    case_id,
    list(activity ORDER BY timestamp, tie_batch, tie_index) AS activities,
    date_diff('microsecond', min(timestamp), max(timestamp)) / 1e6 AS seconds
  FROM {{event_log}}
  GROUP BY case_id
)
SELECT
  activities,
  count(*)::INTEGER AS count,
  quantile_cont(seconds, 0.5)::DOUBLE AS median_seconds,
  avg(seconds)::DOUBLE AS mean_seconds
FROM cases
GROUP BY activities
ORDER BY count DESC, activities
