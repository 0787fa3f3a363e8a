-- Cases and events in the event log.
SELECT count(DISTINCT case_id)::INTEGER AS cases, count(*)::INTEGER AS events FROM {{event_log}}
