-- Start and end activities: the first and the last event of each case (timestamp, then file order).
WITH bounds AS (
  SELECT
    case_id,
    arg_min(activity, (timestamp, tie_batch, tie_index)) AS first_activity,
    arg_max(activity, (timestamp, tie_batch, tie_index)) AS last_activity
  FROM {{event_log}}
  GROUP BY case_id
)
SELECT 'start' AS side, first_activity AS activity, count(*)::INTEGER AS count FROM bounds GROUP BY first_activity
UNION ALL
SELECT 'end' AS side, last_activity AS activity, count(*)::INTEGER AS count FROM bounds GROUP BY last_activity
ORDER BY side, count DESC, activity
