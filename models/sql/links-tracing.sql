-- Link quality (docs/linking.md): how the orders and opportunities created in the period reached their case
-- (paths as materialized in models/sql/09-links.sql), within the segment filters; by an id or by an accepted
-- link made by matching (record_links).
SELECT
  count(*) FILTER (WHERE "table" = 'orders')::INTEGER AS orders,
  count(*) FILTER (WHERE "table" = 'orders' AND path IN ('through_opportunity', 'through_lead_opportunity_id', 'through_lead_id'))::INTEGER AS orders_traced_to_lead,
  count(*) FILTER (WHERE "table" = 'orders' AND path = 'through_opportunity')::INTEGER AS orders_through_opportunity,
  count(*) FILTER (WHERE "table" = 'orders' AND path = 'through_lead_opportunity_id')::INTEGER AS orders_through_lead_opportunity_id,
  count(*) FILTER (WHERE "table" = 'orders' AND path = 'through_lead_id')::INTEGER AS orders_through_lead_id,
  count(*) FILTER (WHERE "table" = 'orders' AND inferred)::INTEGER AS orders_inferred,
  count(*) FILTER (WHERE "table" = 'orders' AND path = 'opportunity_only')::INTEGER AS orders_opportunity_only,
  count(*) FILTER (WHERE "table" = 'orders' AND path = 'untraced')::INTEGER AS orders_untraced,
  count(*) FILTER (WHERE "table" = 'opportunities')::INTEGER AS opportunities,
  count(*) FILTER (WHERE "table" = 'opportunities' AND path <> 'untraced')::INTEGER AS opportunities_traced_to_lead,
  count(*) FILTER (WHERE "table" = 'opportunities' AND path = 'through_lead_id')::INTEGER AS opportunities_through_lead_id,
  count(*) FILTER (WHERE "table" = 'opportunities' AND inferred)::INTEGER AS opportunities_inferred,
  count(*) FILTER (WHERE "table" = 'opportunities' AND path = 'untraced')::INTEGER AS opportunities_untraced,
  count(*) FILTER (WHERE "table" = 'orders' AND path <> 'untraced' AND NOT matched)::INTEGER AS orders_traced_by_id,
  count(*) FILTER (WHERE "table" = 'orders' AND matched)::INTEGER AS orders_traced_by_match,
  -- Invoices belong to no case of their own: counted by their issue date, whatever the segment filter.
  (SELECT count(*) FROM model.linked_invoices
   WHERE order_link = 'invoices.order_id' AND issued_at >= $from::TIMESTAMP AND issued_at < $to::TIMESTAMP)::INTEGER AS invoices_traced_by_id,
  (SELECT count(*) FROM model.linked_invoices
   WHERE order_link = 'match' AND issued_at >= $from::TIMESTAMP AND issued_at < $to::TIMESTAMP)::INTEGER AS invoices_traced_by_match
FROM model.link_paths
WHERE moment >= $from::TIMESTAMP AND moment < $to::TIMESTAMP
  AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
