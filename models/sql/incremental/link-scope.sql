-- The records whose link may have changed (models/model-update.ts), in schema ltc_delta under the names
-- 01-case-links.sql reads, and in ltc_link_* the ids whose link rows are replaced (those gone included).
-- An invoice's order: the invoice changed, or the order it names did (loaded or gone). An
-- opportunity's lead: the opportunity changed, the lead it names did, or a lead naming it did (it may
-- take the opportunity from an older one). An order's case: the order changed, the lead it names did,
-- or the case of the opportunity it names or is matched to may have.
CREATE TABLE ltc_delta.invoices AS
FROM main.invoices
WHERE invoice_id IN (SELECT id FROM ltc_model_changes WHERE field = 'invoice_id')
  OR order_id IN (SELECT id FROM ltc_model_changes WHERE field = 'order_id');

CREATE TEMP TABLE ltc_link_invoices AS
SELECT invoice_id AS id FROM ltc_delta.invoices
UNION SELECT id FROM ltc_model_changes WHERE field = 'invoice_id';

CREATE TABLE ltc_delta.opportunities AS
FROM main.opportunities
WHERE opportunity_id IN (SELECT id FROM ltc_model_changes WHERE field = 'opportunity_id')
  OR lead_id IN (SELECT id FROM ltc_model_changes WHERE field = 'lead_id');

CREATE TEMP TABLE ltc_link_opportunities AS
SELECT opportunity_id AS id FROM ltc_delta.opportunities
UNION SELECT id FROM ltc_model_changes WHERE field = 'opportunity_id';

CREATE TABLE ltc_delta.orders AS
FROM main.orders
WHERE order_id IN (SELECT id FROM ltc_model_changes WHERE field = 'order_id')
  OR lead_id IN (SELECT id FROM ltc_model_changes WHERE field = 'lead_id')
  OR opportunity_id IN (FROM ltc_link_opportunities)
  OR order_id IN (
    SELECT to_id FROM model.record_matches
    WHERE from_table = 'opportunities' AND to_table = 'orders' AND from_id IN (FROM ltc_link_opportunities));

CREATE TEMP TABLE ltc_link_orders AS
SELECT order_id AS id FROM ltc_delta.orders
UNION SELECT id FROM ltc_model_changes WHERE field = 'order_id';
