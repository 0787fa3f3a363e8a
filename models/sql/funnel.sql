-- Funnel (docs/measures.md): of the leads created in the period, how many reached each milestone or a later
-- one by as_of.
WITH reached AS (
  SELECT
    CASE WHEN qualified_at <= $as_of::TIMESTAMP THEN 1 ELSE 0 END AS qualified,
    CASE WHEN opportunity_created_at <= $as_of::TIMESTAMP THEN 1 ELSE 0 END AS opportunity_created,
    CASE WHEN quote_sent_at <= $as_of::TIMESTAMP THEN 1 ELSE 0 END AS quote_sent,
    CASE WHEN order_created_at <= $as_of::TIMESTAMP THEN 1 ELSE 0 END AS order_created,
    CASE WHEN delivered_at <= $as_of::TIMESTAMP THEN 1 ELSE 0 END AS delivered,
    CASE WHEN invoiced_at <= $as_of::TIMESTAMP THEN 1 ELSE 0 END AS invoiced,
    CASE WHEN paid_at <= $as_of::TIMESTAMP THEN 1 ELSE 0 END AS paid
  FROM model.cases
  WHERE origin = 'lead'
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
    AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP
    AND lead_created_at <= $as_of::TIMESTAMP
)
SELECT
  count(*)::INTEGER AS lead_created,
  count(*) FILTER (WHERE greatest(qualified, opportunity_created, quote_sent, order_created, delivered, invoiced, paid) = 1)::INTEGER AS qualified,
  count(*) FILTER (WHERE greatest(opportunity_created, quote_sent, order_created, delivered, invoiced, paid) = 1)::INTEGER AS opportunity_created,
  count(*) FILTER (WHERE greatest(quote_sent, order_created, delivered, invoiced, paid) = 1)::INTEGER AS quote_sent,
  count(*) FILTER (WHERE greatest(order_created, delivered, invoiced, paid) = 1)::INTEGER AS order_created,
  count(*) FILTER (WHERE greatest(delivered, invoiced, paid) = 1)::INTEGER AS delivered,
  count(*) FILTER (WHERE greatest(invoiced, paid) = 1)::INTEGER AS invoiced,
  count(*) FILTER (WHERE paid = 1)::INTEGER AS paid
FROM reached
