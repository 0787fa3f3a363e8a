-- Start and end activities: the first and the last event of each case (timestamp, then file order).
SELECT 'start' AS side, first_activity AS activity, count(*)::INTEGER AS count FROM {{log_cases}} GROUP BY first_activity
UNION ALL
SELECT 'end' AS side, last_activity AS activity, count(*)::INTEGER AS count FROM {{log_cases}} GROUP BY last_activity
ORDER BY side, count DESC, activity
