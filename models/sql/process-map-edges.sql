-- Directly-follows graph with frequency and performance (SPEC §4): within each case, events are
-- ordered by timestamp, ties by file order (tie_batch, tie_index of models/event-log.ts); all lifecycle events kept.
-- Seconds of an edge = timestamp of the following event − timestamp of the event (as pm4py's
-- discover_performance_dfg); median = quantile_cont 0.5 (pandas' median).
WITH ordered AS (
  SELECT
    activity AS source,
    lead(activity) OVER w AS target,
    date_diff('microsecond', timestamp, lead(timestamp) OVER w) / 1e6 AS seconds
  FROM {{event_log}}
  WINDOW w AS (PARTITION BY case_id ORDER BY timestamp, tie_batch, tie_index)
)
SELECT
  source AS "from",
  target AS "to",
  count(*)::INTEGER AS count,
  avg(seconds)::DOUBLE AS mean_seconds,
  quantile_cont(seconds, 0.5)::DOUBLE AS median_seconds
FROM ordered
WHERE target IS NOT NULL
GROUP BY source, target
ORDER BY count DESC, source, target
