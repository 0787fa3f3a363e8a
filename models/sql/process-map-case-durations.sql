-- Case durations (as pm4py's get_all_case_durations): last − first timestamp per case, in seconds.
SELECT case_id, date_diff('microsecond', min(timestamp), max(timestamp)) / 1e6 AS seconds
FROM {{event_log}}
GROUP BY case_id
ORDER BY seconds, case_id
