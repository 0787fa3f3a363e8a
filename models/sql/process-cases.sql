-- The cases behind one element of the process map or one variant, slowest first. One selector is
-- given: $activity (cases with that activity), $from_activity + $to_activity (cases where the one
-- directly follows the other; `edge_seconds` = their longest such wait) or $variant (a JSON list:
-- cases whose whole activity sequence is that list). Unused selectors are NULL.
WITH matched_steps AS (
  SELECT case_id, max(seconds_to_next) FILTER (WHERE activity = $from_activity AND next_activity = $to_activity) AS edge_seconds,
    bool_or(activity = $activity) AS has_activity
  FROM {{log_steps}}
  WHERE activity = $activity OR (activity = $from_activity AND next_activity = $to_activity)
  GROUP BY case_id
),
matched AS (
  SELECT log_cases.*, m.edge_seconds
  FROM {{log_cases}} LEFT JOIN matched_steps m USING (case_id)
  WHERE ($activity IS NOT NULL AND m.has_activity)
     OR ($from_activity IS NOT NULL AND m.edge_seconds IS NOT NULL)
     OR ($variant IS NOT NULL AND log_cases.activities = from_json($variant, '["VARCHAR"]'))
)
SELECT case_id, events,
  strftime(started_at, '%Y-%m-%dT%H:%M:%S') AS started_at,
  strftime(ended_at, '%Y-%m-%dT%H:%M:%S') AS ended_at,
  seconds AS duration_seconds,
  edge_seconds,
  count(*) OVER ()::INTEGER AS total
FROM matched
ORDER BY coalesce(edge_seconds, seconds) DESC, case_id
LIMIT $limit
