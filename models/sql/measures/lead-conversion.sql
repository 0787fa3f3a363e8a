-- lead_conversion_rate (docs/measures.md): leads that got ≥1 order within W days of creation ÷ leads created
-- at least W days before as_of. Younger leads cannot be judged yet: they are censored.
-- One row per stratum: the value of segment key $by (the mix comparison, docs/statistics.md), or one row for
-- all leads when $by is NULL; no row without leads.
SELECT
  stratum,
  count(*) FILTER (WHERE observable) AS n,
  count(*) FILTER (WHERE observable AND order_created_at <= lead_created_at + to_days($window::INTEGER)) AS count,
  count(*) FILTER (WHERE NOT observable) AS censored
FROM (
  SELECT lead_created_at, order_created_at,
    lead_created_at <= $as_of::TIMESTAMP - to_days($window::INTEGER) AS observable,
    ltc_stratum(source, owner, region, segment, $by::VARCHAR) AS stratum
  FROM model.cases
  WHERE origin = 'lead'
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
    AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP AND lead_created_at <= $as_of::TIMESTAMP
)
GROUP BY stratum
