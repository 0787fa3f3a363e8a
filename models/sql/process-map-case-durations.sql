-- Case durations (as pm4py's get_all_case_durations): last − first timestamp per case, in seconds.
SELECT case_id, seconds FROM {{log_cases}} ORDER BY seconds, case_id
