-- The rows an incremental build reads (models/model-update.ts): in schema ltc_delta, under the names the
-- model's steps read, the canonical rows of the touched cases (ltc_scope_cases) and orders
-- (ltc_scope_orders), plus the records whose link problems the change may alter — the changed
-- ones and those naming a changed id. The steps then build the touched part of every model table.
CREATE TABLE ltc_delta.leads AS
FROM main.leads WHERE lead_id IN (SELECT case_id FROM ltc_scope_cases);

CREATE TABLE ltc_delta.opportunities AS
FROM main.opportunities
WHERE opportunity_id IN (SELECT opportunity_id FROM model.opportunity_cases WHERE case_id IN (SELECT case_id FROM ltc_scope_cases));

CREATE TABLE ltc_delta.quotes AS
FROM main.quotes
WHERE opportunity_id IN (SELECT opportunity_id FROM ltc_delta.opportunities)
  OR opportunity_id IN (SELECT id FROM ltc_model_changes WHERE field = 'opportunity_id')
  OR quote_id IN (SELECT id FROM ltc_model_changes WHERE field = 'quotes');

CREATE TABLE ltc_delta.orders AS
FROM main.orders WHERE order_id IN (SELECT order_id FROM ltc_scope_orders);

CREATE TABLE ltc_delta.order_lines AS
FROM main.order_lines WHERE order_id IN (SELECT order_id FROM ltc_scope_orders);

CREATE TABLE ltc_delta.deliveries AS
FROM main.deliveries
WHERE order_id IN (SELECT order_id FROM ltc_scope_orders)
  OR delivery_id IN (SELECT id FROM ltc_model_changes WHERE field = 'deliveries');

CREATE TABLE ltc_delta.invoices AS
FROM main.invoices
WHERE invoice_id IN (SELECT invoice_id FROM model.linked_invoices WHERE order_id IN (SELECT order_id FROM ltc_scope_orders))
  OR invoice_id IN (SELECT id FROM ltc_model_changes WHERE field = 'invoice_id');

-- Every payment that pays a touched invoice or order, or names a changed one, with all its lines.
CREATE TABLE ltc_delta.payments AS
WITH invoice_targets AS (
  SELECT invoice_id FROM ltc_delta.invoices
  UNION ALL SELECT id FROM ltc_model_changes WHERE field = 'invoice_id'
)
FROM main.payments
WHERE payment_id IN (SELECT id FROM ltc_model_changes WHERE field = 'payment_id')
  OR invoice_id IN (FROM invoice_targets)
  OR order_id IN (SELECT order_id FROM ltc_scope_orders)
  OR payment_id IN (
    SELECT payment_id FROM main.payment_lines
    WHERE invoice_id IN (FROM invoice_targets) OR order_id IN (SELECT order_id FROM ltc_scope_orders));

CREATE TABLE ltc_delta.payment_lines AS
FROM main.payment_lines
WHERE payment_id IN (SELECT payment_id FROM ltc_delta.payments)
  OR payment_id || '/' || line_id IN (SELECT id FROM ltc_model_changes WHERE field = 'payment_lines')
  -- a line of a payment not loaded that names a changed record (its link problems change)
  OR invoice_id IN (SELECT id FROM ltc_model_changes WHERE field = 'invoice_id')
  OR order_id IN (SELECT id FROM ltc_model_changes WHERE field = 'order_id');

-- No other event log: a change of an imported log rebuilds the whole model.
CREATE VIEW ltc_delta.log_steps AS FROM model.log_steps WHERE false;

-- The records whose link problems are rebuilt (model.link_problems is one row per record and problem):
-- those read above, and the changed ones, which may be gone.
CREATE TEMP TABLE ltc_scope_records AS
SELECT 'leads' AS "table", lead_id AS id FROM ltc_delta.leads
UNION ALL SELECT 'opportunities', opportunity_id FROM ltc_delta.opportunities
UNION ALL SELECT 'quotes', quote_id FROM ltc_delta.quotes
UNION ALL SELECT 'orders', order_id FROM ltc_delta.orders
UNION ALL SELECT 'order_lines', order_id || coalesce('/' || line_id, '') FROM ltc_delta.order_lines
UNION ALL SELECT 'deliveries', delivery_id FROM ltc_delta.deliveries
UNION ALL SELECT 'invoices', invoice_id FROM ltc_delta.invoices
UNION ALL SELECT 'payments', payment_id FROM ltc_delta.payments
UNION ALL SELECT 'payment_lines', payment_id || '/' || line_id FROM ltc_delta.payment_lines
UNION ALL SELECT field, id FROM ltc_model_changes
WHERE field IN ('leads', 'opportunities', 'quotes', 'orders', 'deliveries', 'invoices', 'payments', 'payment_lines');

-- The invoices whose facts and payment applications are rebuilt.
CREATE TEMP TABLE ltc_scope_invoices AS
SELECT invoice_id FROM ltc_delta.invoices
UNION SELECT id FROM ltc_model_changes WHERE field = 'invoice_id';
