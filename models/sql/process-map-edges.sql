-- Directly-follows graph with frequency and performance (docs/process-mining.md) from the ordered steps of
-- models/sql/10-event-log.sql (timestamp, ties by file order; all lifecycle events kept).
-- Seconds of an edge = timestamp of the following event − timestamp of the event (as pm4py's
-- discover_performance_dfg); median = quantile_cont 0.5 (pandas' median).
SELECT
  activity AS "from",
  next_activity AS "to",
  count(*)::INTEGER AS count,
  avg(seconds_to_next)::DOUBLE AS mean_seconds,
  quantile_cont(seconds_to_next, 0.5)::DOUBLE AS median_seconds
FROM {{log_steps}}
WHERE next_activity IS NOT NULL
GROUP BY activity, next_activity
ORDER BY count DESC, "from", "to"
