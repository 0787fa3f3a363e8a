-- Every event log of the workspace in the order the process-mining models read it (docs/process-mining.md): per
-- log and case, events by timestamp, ties by file order; each event with its step number and the
-- activity that directly follows it and how long after. Computed once per import, so that the
-- process map, variants and durations of any selection of cases are plain aggregations.
-- Logs: 'events' (imported logs) and 'ocel:<object type>' (OCEL flattened on that type: an event is
-- an event of every object of the type it relates to) — models/event-log.ts. The 'ltc' log is not
-- copied here: model.ltc_events holds its steps already ordered (06-events.sql).
CREATE TABLE model.log_steps AS
WITH all_logs AS (
  SELECT 'events' AS log, case_id, activity, timestamp, coalesce(batch_id, -1) AS tie_batch, event_index AS tie_index
  FROM events
  UNION ALL
  SELECT 'ocel:' || o.object_type, r.object_id, e.activity, e.timestamp, e.batch_id, e.event_index
  FROM ocel_events e
  JOIN (SELECT DISTINCT event_id, object_id FROM ocel_event_objects) r ON r.event_id = e.event_id
  JOIN (SELECT DISTINCT object_id, object_type FROM ocel_objects) o ON o.object_id = r.object_id
)
SELECT
  log, case_id, activity, timestamp,
  row_number() OVER w AS step,
  lead(activity) OVER w AS next_activity,
  date_diff('microsecond', timestamp, lead(timestamp) OVER w) / 1e6 AS seconds_to_next
FROM all_logs
WINDOW w AS (PARTITION BY log, case_id ORDER BY timestamp, tie_batch, tie_index);

-- One row per case of each log (the LTC log's too): its events, first and last moment and activity, its duration
-- (last − first timestamp, as pm4py's get_all_case_durations) and its variant (activity sequence).
CREATE TABLE model.log_cases AS
SELECT
  log, case_id,
  count(*)::INTEGER AS events,
  min(timestamp) AS started_at,
  max(timestamp) AS ended_at,
  date_diff('microsecond', min(timestamp), max(timestamp)) / 1e6 AS seconds,
  arg_min(activity, step) AS first_activity,
  arg_max(activity, step) AS last_activity,
  -- steps are unique within a case: sorting the (step, activity) pairs orders the activities, and
  -- is several times faster than an ordered aggregate (list(activity ORDER BY step))
  list_transform(list_sort(list({'step': step, 'activity': activity})), s -> s.activity) AS activities
FROM (
  SELECT log, case_id, activity, timestamp, step FROM model.log_steps
  UNION ALL
  SELECT 'ltc', case_id, activity, timestamp, event_index FROM model.ltc_events
)
GROUP BY log, case_id;
