-- Records per table within the filters of link quality (models/links.ts): leads, opportunities and
-- orders by their creation and their case's segments; the other tables by their own date (lines by
-- their parent's; a line whose parent is missing counts only when no period is set).
SELECT
  (SELECT count(*) FROM model.cases
   WHERE origin = 'lead' AND lead_created_at >= $from::TIMESTAMP AND lead_created_at < $to::TIMESTAMP
     AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON))::INTEGER AS leads,
  (SELECT count(*) FROM model.link_paths
   WHERE "table" = 'opportunities' AND moment >= $from::TIMESTAMP AND moment < $to::TIMESTAMP
     AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON))::INTEGER AS opportunities,
  (SELECT count(*) FROM model.link_paths
   WHERE "table" = 'orders' AND moment >= $from::TIMESTAMP AND moment < $to::TIMESTAMP
     AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON))::INTEGER AS orders,
  (SELECT count(*) FROM quotes WHERE created_at >= $from::TIMESTAMP AND created_at < $to::TIMESTAMP)::INTEGER AS quotes,
  (SELECT count(*) FROM deliveries WHERE delivered_at >= $from::TIMESTAMP AND delivered_at < $to::TIMESTAMP)::INTEGER AS deliveries,
  (SELECT count(*) FROM invoices WHERE issued_at >= $from::TIMESTAMP AND issued_at < $to::TIMESTAMP)::INTEGER AS invoices,
  (SELECT count(*) FROM payments WHERE paid_at >= $from::TIMESTAMP AND paid_at < $to::TIMESTAMP)::INTEGER AS payments,
  (SELECT count(*) FROM order_lines l LEFT JOIN orders o ON o.order_id = l.order_id
   WHERE o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP
      OR o.order_id IS NULL AND $from::TIMESTAMP = '-infinity'::TIMESTAMP AND $to::TIMESTAMP = 'infinity'::TIMESTAMP)::INTEGER AS order_lines,
  (SELECT count(*) FROM payment_lines l LEFT JOIN payments p ON p.payment_id = l.payment_id
   WHERE p.paid_at >= $from::TIMESTAMP AND p.paid_at < $to::TIMESTAMP
      OR p.payment_id IS NULL AND $from::TIMESTAMP = '-infinity'::TIMESTAMP AND $to::TIMESTAMP = 'infinity'::TIMESTAMP)::INTEGER AS payment_lines
