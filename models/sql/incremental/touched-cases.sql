-- The cases a change touches (models/model-update.ts), read from the model's links as they are when it
-- runs: once with the links before the change, once with the links after it. A case is touched when
-- one of its records is among the changed ones, names a changed record (whose existence or fields may
-- have changed its link, its case's columns or its link problems), or is named by a changed record
-- that has no link of its own (a quote, an invoice, a payment). ltc_model_changes holds those ids
-- (before and after the change) by the field that names them (models/model-changes.ts).
INSERT INTO ltc_scope_cases
WITH changed AS (FROM ltc_model_changes)
SELECT lead_id FROM main.leads
WHERE lead_id IN (SELECT id FROM changed WHERE field = 'lead_id')
  OR opportunity_id IN (SELECT id FROM changed WHERE field = 'opportunity_id')
  OR account_id IN (SELECT id FROM changed WHERE field = 'account_id')
UNION ALL
SELECT case_id FROM model.cases
WHERE lead_id IN (SELECT id FROM changed WHERE field = 'lead_id')
  OR account_id IN (SELECT id FROM changed WHERE field = 'account_id')
UNION ALL
SELECT case_id FROM model.opportunity_cases
WHERE opportunity_id IN (SELECT id FROM changed WHERE field = 'opportunity_id')
  OR opportunity_id IN (
    SELECT opportunity_id FROM main.opportunities
    WHERE lead_id IN (SELECT id FROM changed WHERE field = 'lead_id')
      OR account_id IN (SELECT id FROM changed WHERE field = 'account_id')
      -- a win without a close may be dated after the data's end, which moves with every import
      -- (07-transitions.sql reads the close of a win by the data's end)
      OR (is_won AND NOT coalesce(is_closed, false)))
UNION ALL
SELECT case_id FROM model.order_cases
WHERE order_id IN (SELECT id FROM changed WHERE field = 'order_id')
  OR order_id IN (
    SELECT order_id FROM main.orders
    WHERE opportunity_id IN (SELECT id FROM changed WHERE field = 'opportunity_id')
      OR lead_id IN (SELECT id FROM changed WHERE field = 'lead_id')
      OR account_id IN (SELECT id FROM changed WHERE field = 'account_id'))
UNION ALL
SELECT oc.case_id
FROM model.linked_invoices i JOIN model.order_cases oc ON oc.order_id = i.order_id
WHERE i.invoice_id IN (SELECT id FROM changed WHERE field = 'invoice_id')
  OR i.invoice_id IN (SELECT invoice_id FROM main.invoices WHERE order_id IN (SELECT id FROM changed WHERE field = 'order_id'));

-- A payment's event belongs to the case of the invoice it names, else to that of the order it names
-- (06-events.sql): where an invoice of a touched case is named, the case of the payment's own order
-- is touched too.
INSERT INTO ltc_scope_cases
WITH named AS (
  SELECT invoice_id, order_id FROM main.payments
  UNION ALL
  SELECT invoice_id, order_id FROM main.payment_lines
)
SELECT oc.case_id
FROM named n
JOIN model.linked_invoices i ON i.invoice_id = n.invoice_id
JOIN model.order_cases oc ON oc.order_id = n.order_id
WHERE i.order_id IN (SELECT order_id FROM model.order_cases WHERE case_id IN (SELECT case_id FROM ltc_scope_cases))
  OR i.invoice_id IN (SELECT id FROM ltc_model_changes WHERE field = 'invoice_id');

-- The orders whose invoices and payments are rebuilt: every order of a touched case, every changed or
-- named order id (loaded or not: payments of an order not loaded still fill its invoices), and the
-- order each changed invoice belongs to.
INSERT INTO ltc_scope_orders
SELECT order_id FROM model.order_cases WHERE case_id IN (SELECT case_id FROM ltc_scope_cases)
UNION ALL
SELECT id FROM ltc_model_changes WHERE field = 'order_id'
UNION ALL
SELECT i.order_id FROM model.linked_invoices i
WHERE i.invoice_id IN (SELECT id FROM ltc_model_changes WHERE field = 'invoice_id')
  OR i.invoice_id IN (SELECT invoice_id FROM main.invoices WHERE order_id IN (SELECT id FROM ltc_model_changes WHERE field = 'order_id'));
