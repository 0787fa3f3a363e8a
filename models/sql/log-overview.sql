-- The overview of an event log (docs/process-mining.md, "Event-log overview"), one row: cases and
-- events, the first and last event, throughput time (case duration = last − first timestamp, as
-- pm4py's get_all_case_durations: median and p90 by linear interpolation, mean), variants and how
-- many of the most frequent cover 80% of the cases, and rework: cases with an activity repeated.
WITH cases AS MATERIALIZED (
  SELECT * FROM {{log_cases}}
),
variants AS (
  SELECT activities, count(*) AS cases FROM cases GROUP BY activities
),
-- Most frequent first (ties by their activity sequence): a variant is needed for 80% coverage
-- while the cases of the variants before it are fewer than 80% of all cases.
ranked AS (
  SELECT cases, sum(cases) OVER (ORDER BY cases DESC, activities::VARCHAR ROWS UNBOUNDED PRECEDING) - cases AS before
  FROM variants
),
total AS (
  SELECT count(*) AS n FROM cases
)
SELECT
  (SELECT n FROM total)::INTEGER AS cases,
  coalesce(sum(events), 0)::INTEGER AS events,
  (SELECT count(DISTINCT activity) FROM {{log_steps}})::INTEGER AS activities,
  strftime(min(started_at), '%Y-%m-%dT%H:%M:%S') AS first_event_at,
  strftime(max(ended_at), '%Y-%m-%dT%H:%M:%S') AS last_event_at,
  quantile_cont(seconds, 0.5)::DOUBLE AS median_seconds,
  avg(seconds)::DOUBLE AS mean_seconds,
  quantile_cont(seconds, 0.9)::DOUBLE AS p90_seconds,
  (SELECT count(*) FROM variants)::INTEGER AS variants,
  (SELECT max(cases) FROM variants)::INTEGER AS top_variant_cases,
  (SELECT count(*) FROM ranked WHERE before < 0.8 * (SELECT n FROM total))::INTEGER AS variants_for_80,
  count(*) FILTER (WHERE len(activities) > len(list_distinct(activities)))::INTEGER AS rework_cases
FROM cases
