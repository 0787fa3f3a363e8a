-- Trend of lead_conversion_rate (docs/measures.md) per calendar period of lead creation ($by = 'month' or
-- 'quarter'): the same definition as measures/lead-conversion.sql, grouped. Leads created less than
-- W days before as_of are censored, so the latest periods have few or no observable leads.
SELECT
  strftime(date_trunc($by, lead_created_at), '%Y-%m-%d') AS period_start,
  count(*) FILTER (WHERE observable) AS n,
  count(*) FILTER (WHERE observable AND order_created_at <= lead_created_at + to_days($window::INTEGER)) AS count,
  count(*) FILTER (WHERE NOT observable) AS censored
FROM (
  SELECT lead_created_at, order_created_at,
    lead_created_at <= $as_of::TIMESTAMP - to_days($window::INTEGER) AS observable
  FROM model.cases
  WHERE origin = 'lead'
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
    AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP AND lead_created_at <= $as_of::TIMESTAMP
)
GROUP BY period_start
ORDER BY period_start
