-- Windowed funnel per lead cohort (docs/measures.md, funnel; issue 4 item 3), optionally split by a segment.
-- A lead has reached a stage when it reached that milestone or a later one within W days of its
-- creation ($window) and by as_of. Observable leads (created at least W days before as_of) are
-- the denominator of every rate; younger leads are counted as censored and, for a running view,
-- in the *_to_date columns.
--
-- $grain: 'month' | 'quarter'. $segment: '' (no split), 'source' | 'owner' | 'region' | 'segment',
-- or 'attribute' with $attribute_path = the JSON path of the extra column ('$."Sales Channel"').
WITH leads_in_view AS (
  SELECT
    date_trunc($grain::VARCHAR, lead_created_at) AS cohort_start,
    CASE $segment::VARCHAR
      WHEN 'source' THEN source
      WHEN 'owner' THEN owner
      WHEN 'region' THEN region
      WHEN 'segment' THEN segment
      WHEN 'attribute' THEN json_extract_string(attributes, $attribute_path::VARCHAR)
    END AS segment_value,
    lead_created_at <= $as_of::TIMESTAMP - to_days($window::INTEGER) AS observable,
    least(lead_created_at + to_days($window::INTEGER), $as_of::TIMESTAMP) AS reach_by,
    qualified_at, opportunity_created_at, quote_sent_at, order_created_at,
    -- The order-side milestones belong to the first order: none of them is reached before that
    -- order exists (a delivery, invoice or payment dated earlier counts at the order's creation),
    -- so the order stage is reached exactly when lead_conversion_rate says the lead converted.
    CASE WHEN delivered_at IS NOT NULL THEN greatest(delivered_at, order_created_at) END AS delivered_at,
    CASE WHEN invoiced_at IS NOT NULL THEN greatest(invoiced_at, order_created_at) END AS invoiced_at,
    CASE WHEN paid_at IS NOT NULL THEN greatest(paid_at, order_created_at) END AS paid_at
  FROM model.cases
  WHERE origin = 'lead'
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
    AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP
    AND lead_created_at <= $as_of::TIMESTAMP
),
-- The first moment each lead stood at a stage or beyond (least() skips NULLs).
reached AS (
  SELECT cohort_start, segment_value, observable, reach_by,
    least(qualified_at, opportunity_created_at, quote_sent_at, order_created_at, delivered_at, invoiced_at, paid_at) AS qualified,
    least(opportunity_created_at, quote_sent_at, order_created_at, delivered_at, invoiced_at, paid_at) AS opportunity_created,
    least(quote_sent_at, order_created_at, delivered_at, invoiced_at, paid_at) AS quote_sent,
    least(order_created_at, delivered_at, invoiced_at, paid_at) AS order_created,
    least(delivered_at, invoiced_at, paid_at) AS delivered,
    least(invoiced_at, paid_at) AS invoiced,
    paid_at AS paid
  FROM leads_in_view
)
SELECT
  strftime(cohort_start, '%Y-%m-%d') AS cohort_start,
  segment_value,
  count(*)::INTEGER AS leads,
  count(*) FILTER (WHERE observable)::INTEGER AS lead_created,
  count(*) FILTER (WHERE observable AND qualified <= reach_by)::INTEGER AS qualified,
  count(*) FILTER (WHERE observable AND opportunity_created <= reach_by)::INTEGER AS opportunity_created,
  count(*) FILTER (WHERE observable AND quote_sent <= reach_by)::INTEGER AS quote_sent,
  count(*) FILTER (WHERE observable AND order_created <= reach_by)::INTEGER AS order_created,
  count(*) FILTER (WHERE observable AND delivered <= reach_by)::INTEGER AS delivered,
  count(*) FILTER (WHERE observable AND invoiced <= reach_by)::INTEGER AS invoiced,
  count(*) FILTER (WHERE observable AND paid <= reach_by)::INTEGER AS paid,
  count(*)::INTEGER AS lead_created_to_date,
  count(*) FILTER (WHERE qualified <= reach_by)::INTEGER AS qualified_to_date,
  count(*) FILTER (WHERE opportunity_created <= reach_by)::INTEGER AS opportunity_created_to_date,
  count(*) FILTER (WHERE quote_sent <= reach_by)::INTEGER AS quote_sent_to_date,
  count(*) FILTER (WHERE order_created <= reach_by)::INTEGER AS order_created_to_date,
  count(*) FILTER (WHERE delivered <= reach_by)::INTEGER AS delivered_to_date,
  count(*) FILTER (WHERE invoiced <= reach_by)::INTEGER AS invoiced_to_date,
  count(*) FILTER (WHERE paid <= reach_by)::INTEGER AS paid_to_date
FROM reached
GROUP BY ALL
ORDER BY cohort_start, segment_value NULLS LAST
