-- How the CRM/ERP records link (docs/linking.md), as OCEL object-to-object relations.
SELECT 'opportunity' AS source_type, oc.opportunity_id AS source_id, 'lead' AS target_type, oc.case_id AS target_id,
  'converted from' AS qualifier
FROM model.opportunity_cases oc WHERE oc.case_id IN (SELECT lead_id FROM leads)
UNION ALL
SELECT 'quote', quote_id, 'opportunity', opportunity_id, 'quotes' FROM quotes
UNION ALL
SELECT 'order', order_id, 'opportunity', opportunity_id, 'fulfils' FROM orders WHERE opportunity_id IS NOT NULL
UNION ALL
SELECT 'order', order_id, 'lead', lead_id, 'ordered by' FROM orders WHERE opportunity_id IS NULL AND lead_id IS NOT NULL
UNION ALL
SELECT 'delivery', delivery_id, 'order', order_id, 'delivers' FROM deliveries
UNION ALL
SELECT 'invoice', invoice_id, 'order', order_id, 'bills' FROM invoices
UNION ALL
SELECT DISTINCT 'payment', p.payment_id, CASE WHEN coalesce(l.invoice_id, p.invoice_id) IS NOT NULL THEN 'invoice' ELSE 'order' END,
  coalesce(l.invoice_id, p.invoice_id, l.order_id, p.order_id), 'pays'
FROM payments p LEFT JOIN payment_lines l ON l.payment_id = p.payment_id
WHERE coalesce(l.invoice_id, p.invoice_id, l.order_id, p.order_id) IS NOT NULL
