-- The CRM/ERP records as OCEL objects (models/export/ocel.ts): type, id and their attributes.
SELECT 'lead' AS object_type, lead_id AS object_id,
  json_object('source', source, 'status', status, 'owner', owner, 'region', region, 'segment', segment)::VARCHAR AS attributes
FROM leads
UNION ALL
SELECT 'opportunity', opportunity_id,
  json_object('stage', stage, 'amount', amount, 'currency', currency, 'owner', owner, 'is_won', is_won)::VARCHAR
FROM opportunities
UNION ALL
SELECT 'quote', quote_id, json_object('amount', amount)::VARCHAR FROM quotes
UNION ALL
SELECT 'order', order_id, json_object('amount', amount, 'currency', currency)::VARCHAR FROM orders
UNION ALL
SELECT 'delivery', delivery_id, NULL FROM deliveries
UNION ALL
SELECT 'invoice', invoice_id,
  json_object('amount', amount, 'currency', currency, 'due_at', strftime(due_at, '%Y-%m-%dT%H:%M:%SZ'))::VARCHAR
FROM invoices
UNION ALL
SELECT 'payment', payment_id, json_object('amount', amount)::VARCHAR FROM payments
