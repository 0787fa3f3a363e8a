-- The measures' items before their period, as_of and window (models/sql/measures/): one narrow table
-- per kind of item, already joined to its case's segment columns and sorted by the item's start, so a
-- filter change reads a date range of one table (DuckDB skips the row groups outside it) instead of
-- joining a million cases again. The measure queries apply as_of, the window and the filters; these
-- tables hold no figure that depends on them.

-- The cases that start with a lead: the lead measures' items and the survival curves' leads.
CREATE TABLE model.lead_items AS
SELECT case_id, lead_created_at, order_created_at, paid_at, source, owner, region, segment, attributes
FROM model.cases
WHERE origin = 'lead' AND lead_created_at IS NOT NULL
ORDER BY lead_created_at;

-- Invoices the collection period counts (credit notes and zero invoices are not collected).
CREATE TABLE model.invoice_items AS
SELECT i.invoice_id, i.issued_at, i.paid_at, c.source, c.owner, c.region, c.segment, c.attributes
FROM model.invoice_facts i
LEFT JOIN model.cases c USING (case_id)
WHERE i.amount > ltc_payment_tolerance() AND i.issued_at IS NOT NULL
ORDER BY i.issued_at;

-- Orders, with whether each is its own invoice (same id, same moment, same file: QuickBooks loads each
-- invoice as an order too; models/sql/measures/order-processing.sql). NULL as the condition gives it.
CREATE TABLE model.order_items AS
SELECT o.case_id, o.created_at, o.last_delivered_at, o.first_issued_at,
  o.first_issued_at = o.created_at AND EXISTS (
    SELECT 1 FROM orders ord JOIN invoices i ON i.invoice_id = ord.order_id AND i.order_id = ord.order_id
    WHERE ord.order_id = o.order_id AND i.issued_at = ord.created_at AND i.batch_id IS NOT DISTINCT FROM ord.batch_id
  ) AS own_invoice,
  c.source, c.owner, c.region, c.segment, c.attributes
FROM model.order_facts o
JOIN model.cases c USING (case_id)
WHERE o.created_at IS NOT NULL
ORDER BY o.created_at;

-- Dated opportunities with their case (an undated one belongs to no period).
CREATE TABLE model.opportunity_items AS
SELECT oc.case_id, o.created_at, o.closed_at, o.is_closed, o.is_won, o.amount, c.source, c.owner, c.region, c.segment, c.attributes
FROM opportunities o
JOIN model.opportunity_cases oc ON oc.opportunity_id = o.opportunity_id
JOIN model.cases c ON c.case_id = oc.case_id
WHERE o.created_at IS NOT NULL
ORDER BY o.created_at;
