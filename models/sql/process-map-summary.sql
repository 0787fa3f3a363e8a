-- Cases and events in the event log.
SELECT count(*)::INTEGER AS cases, coalesce(sum(events), 0)::INTEGER AS events FROM {{log_cases}}
