-- Monthly lead cohorts: leads created, leads converted within W days (among those old enough to
-- be judged) and that conversion rate; NULL where no lead of the month is observable yet.
SELECT
  strftime(date_trunc('month', lead_created_at), '%Y-%m') AS month,
  count(*)::INTEGER AS leads,
  count(*) FILTER (WHERE observable AND order_created_at <= lead_created_at + to_days($window::INTEGER))::INTEGER AS converted,
  count(*) FILTER (WHERE observable)::INTEGER AS observable,
  CASE WHEN count(*) FILTER (WHERE observable) > 0
    THEN count(*) FILTER (WHERE observable AND order_created_at <= lead_created_at + to_days($window::INTEGER))
         / count(*) FILTER (WHERE observable) END::DOUBLE AS conversion_rate
FROM (
  SELECT lead_created_at, order_created_at,
    lead_created_at <= $as_of::TIMESTAMP - to_days($window::INTEGER) AS observable
  FROM model.cases
  WHERE origin = 'lead'
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
    AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP
    AND lead_created_at <= $as_of::TIMESTAMP
)
GROUP BY ALL
ORDER BY month
