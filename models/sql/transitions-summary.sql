-- Per transition (docs/measures.md): of the transitions that started in the period, the completed ones (n,
-- mean, median, p90, total days, out of order, a histogram) and those still waiting at as_of
-- (censored, by how long they have waited so far); and the days the lead-to-cash cohort spent in
-- it — the cases of leads created in the period that were paid by as_of, all their transitions;
-- and where its start milestone stands in the case timelines on average (to order stage transitions).
WITH flagged AS MATERIALIZED (
  SELECT from_milestone, to_milestone, position, waiting, days, out_of_order, in_period, in_cohort,
    epoch_us(end_at) - epoch_us(start_at) AS micros,
    (epoch_us($as_of::TIMESTAMP) - epoch_us(start_at)) / 86400e6 AS waited_days
  FROM (
    SELECT *,
      start_at >= $from::TIMESTAMP AND start_at < $to::TIMESTAMP AS in_period,
      origin = 'lead' AND paid_at IS NOT NULL
        AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP AS in_cohort
    FROM ltc_transition_steps($as_of::TIMESTAMP, $filter::JSON, $next::JSON, $live::BOOLEAN)
  )
  WHERE in_period OR in_cohort
),
summary AS (
  SELECT from_milestone, to_milestone,
    avg(position) AS position,
    count(*) FILTER (WHERE in_period AND NOT waiting) AS n,
    avg(micros) FILTER (WHERE in_period) / 86400e6 AS mean,
    quantile_cont(days, [0.5, 0.9, 0.99]) FILTER (WHERE in_period) AS quantiles,
    sum(micros) FILTER (WHERE in_period) / 86400e6 AS total_days,
    count(*) FILTER (WHERE in_period AND out_of_order) AS out_of_order,
    count(*) FILTER (WHERE in_period AND waiting) AS censored,
    count(*) FILTER (WHERE in_period AND waiting AND waited_days <= 7) AS waiting_0_7,
    count(*) FILTER (WHERE in_period AND waiting AND waited_days > 7 AND waited_days <= 30) AS waiting_8_30,
    count(*) FILTER (WHERE in_period AND waiting AND waited_days > 30 AND waited_days <= 90) AS waiting_31_90,
    count(*) FILTER (WHERE in_period AND waiting AND waited_days > 90) AS waiting_over_90,
    avg(waited_days) FILTER (WHERE in_period AND waiting) AS waiting_mean,
    max(waited_days) FILTER (WHERE in_period AND waiting) AS waiting_max,
    sum(micros) FILTER (WHERE in_cohort) / 86400e6 AS lead_to_cash_days,
    count(*) FILTER (WHERE in_cohort AND to_milestone = 'paid') AS lead_to_cash_cases
  FROM flagged
  GROUP BY from_milestone, to_milestone
),
percentiles AS (
  SELECT * EXCLUDE (quantiles), quantiles[1] AS median, quantiles[2] AS p90, quantiles[3] AS p99
  FROM summary
),
-- Histogram bins: a width of 1, 2 or 5 × a power of ten giving at most 20 bins that cover the 99th
-- percentile (the last of them includes its upper edge); longer durations share one open bin.
magnitudes AS (
  SELECT from_milestone, to_milestone, p99, pow(10, floor(log10(p99 / 20))) AS magnitude
  FROM percentiles WHERE p99 > 0
),
scale AS (
  SELECT from_milestone, to_milestone, bin_days, greatest(1, ceil(p99 / bin_days - 1e-9))::INTEGER AS bins_regular
  FROM (
    SELECT *, magnitude * CASE WHEN p99 / 20 <= magnitude THEN 1 WHEN p99 / 20 <= 2 * magnitude THEN 2
                               WHEN p99 / 20 <= 5 * magnitude THEN 5 ELSE 10 END AS bin_days
    FROM magnitudes
  )
  UNION ALL
  SELECT from_milestone, to_milestone, 1, 1 FROM percentiles WHERE p99 = 0
),
binned AS (
  SELECT from_milestone, to_milestone,
    CASE WHEN days > bins_regular * bin_days THEN bins_regular
         ELSE least(floor(days / bin_days), bins_regular - 1) END::INTEGER AS bin,
    count(*) AS count
  FROM flagged JOIN scale USING (from_milestone, to_milestone)
  WHERE in_period AND NOT waiting
  GROUP BY ALL
),
histograms AS (
  SELECT from_milestone, to_milestone, list({'bin': bin, 'count': count} ORDER BY bin) AS bins
  FROM binned GROUP BY ALL
)
SELECT percentiles.* EXCLUDE (p99), scale.bin_days, scale.bins_regular, histograms.bins
FROM percentiles
LEFT JOIN scale USING (from_milestone, to_milestone)
LEFT JOIN histograms USING (from_milestone, to_milestone)
