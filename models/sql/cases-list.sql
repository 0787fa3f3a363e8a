-- The cases of the period as of a moment (docs/measures.md), one row each, for the Cases page. A case
-- belongs to the period of its start (lead created, else opportunity created, else order created).
-- Milestones count as reached when they happened by as_of; the current milestone is the furthest
-- one reached in process order. Status: 'paid' once the first order's invoices are all paid;
-- 'lost' once nothing was ordered and it was lost (models/sql/08-case-list.sql); 'open' otherwise.
-- Durations in days from the start: cycle_days to cash (lead_to_cash_days for lead cases), age_days
-- to as_of while open; `days` (the slowest-first key) is cycle_days, age_days or the days until
-- the case was lost — an open case's age is a lower bound of its eventual lead-to-cash time.
-- Callers page it (models/cases.ts); columns they do not read are never computed.
WITH judged AS (
  SELECT c.*,
    CASE WHEN c.paid_at <= $as_of::TIMESTAMP THEN 'paid'
         WHEN c.order_created_at <= $as_of::TIMESTAMP THEN 'open'
         WHEN c.lost_at <= $as_of::TIMESTAMP THEN 'lost'
         ELSE 'open' END AS status,
    CASE WHEN c.paid_at <= $as_of::TIMESTAMP THEN 'paid'
         WHEN c.invoiced_at <= $as_of::TIMESTAMP THEN 'invoiced'
         WHEN c.delivered_at <= $as_of::TIMESTAMP THEN 'delivered'
         WHEN c.order_created_at <= $as_of::TIMESTAMP THEN 'order_created'
         WHEN c.quote_sent_at <= $as_of::TIMESTAMP THEN 'quote_sent'
         WHEN c.opportunity_created_at <= $as_of::TIMESTAMP THEN 'opportunity_created'
         WHEN c.qualified_at <= $as_of::TIMESTAMP THEN 'qualified'
         WHEN c.lead_created_at <= $as_of::TIMESTAMP THEN 'lead_created' END AS current_milestone
  FROM model.case_list c
  WHERE ($case_id::VARCHAR IS NULL OR c.case_id = $case_id)
    AND ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
    AND c.start_at >= $from::TIMESTAMP AND c.start_at < $to::TIMESTAMP AND c.start_at <= $as_of::TIMESTAMP
    AND ($search::VARCHAR IS NULL OR contains(c.search_text, lower($search)))
),
timed AS (
  SELECT j.*,
    CASE j.current_milestone
      WHEN 'paid' THEN j.paid_at WHEN 'invoiced' THEN j.invoiced_at WHEN 'delivered' THEN j.delivered_at
      WHEN 'order_created' THEN j.order_created_at WHEN 'quote_sent' THEN j.quote_sent_at
      WHEN 'opportunity_created' THEN j.opportunity_created_at WHEN 'qualified' THEN j.qualified_at
      WHEN 'lead_created' THEN j.lead_created_at END AS current_milestone_at,
    CASE WHEN j.status = 'paid' THEN (epoch_us(j.paid_at) - epoch_us(j.start_at)) / 86400e6 END AS cycle_days,
    CASE WHEN j.status = 'open' THEN (epoch_us($as_of::TIMESTAMP) - epoch_us(j.start_at)) / 86400e6 END AS age_days
  FROM judged j
  WHERE ($status::VARCHAR IS NULL OR j.status = $status)
    AND ($milestone::VARCHAR IS NULL OR j.current_milestone = $milestone)
)
SELECT
  case_id, origin, lead_id, account_id, account_name, source, owner, region, segment,
  coalesce(string_split(order_ids, chr(31)), []) AS order_ids, first_order_id, orders::INTEGER AS orders,
  start_at,
  [m FOR m IN [
    CASE WHEN lead_created_at <= $as_of::TIMESTAMP THEN 'lead_created' END,
    CASE WHEN qualified_at <= $as_of::TIMESTAMP THEN 'qualified' END,
    CASE WHEN opportunity_created_at <= $as_of::TIMESTAMP THEN 'opportunity_created' END,
    CASE WHEN quote_sent_at <= $as_of::TIMESTAMP THEN 'quote_sent' END,
    CASE WHEN order_created_at <= $as_of::TIMESTAMP THEN 'order_created' END,
    CASE WHEN delivered_at <= $as_of::TIMESTAMP THEN 'delivered' END,
    CASE WHEN invoiced_at <= $as_of::TIMESTAMP THEN 'invoiced' END,
    CASE WHEN paid_at <= $as_of::TIMESTAMP THEN 'paid' END] IF m IS NOT NULL] AS milestones_reached,
  current_milestone, current_milestone_at,
  status, status = 'open' AS open,
  CASE WHEN status = 'paid' THEN paid_at END AS paid_at,
  CASE WHEN status = 'lost' THEN lost_at END AS lost_at,
  CASE WHEN origin = 'lead' THEN cycle_days END AS lead_to_cash_days,
  cycle_days, age_days,
  CASE WHEN status = 'open' THEN (epoch_us($as_of::TIMESTAMP) - epoch_us(current_milestone_at)) / 86400e6 END AS waiting_days,
  coalesce(cycle_days, age_days, (epoch_us(lost_at) - epoch_us(start_at)) / 86400e6) AS days
FROM timed
