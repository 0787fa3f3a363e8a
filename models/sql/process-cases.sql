-- The cases behind one element of the process map or one variant, slowest first. One selector is
-- given: $activity (cases with that activity), $from_activity + $to_activity (cases where the one
-- directly follows the other; `seconds` = their longest such wait) or $variant (a JSON list: cases
-- whose whole activity sequence is that list). Unused selectors are NULL.
WITH ordered AS (
  SELECT case_id, activity, timestamp,
    lead(activity) OVER w AS next_activity,
    date_diff('microsecond', timestamp, lead(timestamp) OVER w) / 1e6 AS seconds_to_next,
    row_number() OVER w AS step
  FROM {{event_log}}
  WINDOW w AS (PARTITION BY case_id ORDER BY timestamp, tie_batch, tie_index)
),
per_case AS (
  SELECT case_id,
    count(*)::INTEGER AS events,
    min(timestamp) AS started_at,
    max(timestamp) AS ended_at,
    list(activity ORDER BY step) AS activities,
    bool_or(activity = $activity) AS has_activity,
    max(seconds_to_next) FILTER (WHERE activity = $from_activity AND next_activity = $to_activity) AS edge_seconds
  FROM ordered
  GROUP BY case_id
),
matched AS (
  SELECT * FROM per_case
  WHERE ($activity IS NOT NULL AND has_activity)
     OR ($from_activity IS NOT NULL AND edge_seconds IS NOT NULL)
     OR ($variant IS NOT NULL AND activities = from_json($variant, '["VARCHAR"]'))
)
SELECT case_id, events,
  strftime(started_at, '%Y-%m-%dT%H:%M:%S') AS started_at,
  strftime(ended_at, '%Y-%m-%dT%H:%M:%S') AS ended_at,
  date_diff('microsecond', started_at, ended_at) / 1e6 AS duration_seconds,
  edge_seconds,
  count(*) OVER ()::INTEGER AS total
FROM matched
ORDER BY coalesce(edge_seconds, date_diff('microsecond', started_at, ended_at) / 1e6) DESC, case_id
LIMIT $limit
