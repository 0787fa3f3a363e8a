-- Events per activity (all lifecycle events count), most frequent first.
SELECT activity AS name, count(*)::INTEGER AS count
FROM {{log_steps}}
GROUP BY activity
ORDER BY count DESC, name
