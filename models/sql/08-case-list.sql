-- What the cases list shows and searches besides model.cases, joined once per import so that a
-- page of the list is one scan (models/sql/cases-list.sql): the case's start, its account's name,
-- its order ids, the text a search looks in, and the moment it was lost — its last opportunity
-- closed without a win when every one of them did, or, without opportunity, its lead disqualified.
CREATE TABLE model.case_list AS
WITH opportunity_outcomes AS (
  SELECT opc.case_id,
    CASE WHEN bool_and(coalesce(o.is_closed, false) AND NOT coalesce(o.is_won, false))
      THEN max(coalesce(o.closed_at, o.created_at)) END AS lost_at
  FROM opportunities o
  JOIN model.opportunity_cases opc ON opc.opportunity_id = o.opportunity_id
  GROUP BY opc.case_id
),
case_orders AS (
  -- oldest first, joined by the unit separator, which no search text contains, so a search cannot
  -- span two ids (sorting a list is much cheaper than an ordered aggregate)
  SELECT case_id,
    array_to_string(list_transform(list_sort(list({'created_at': created_at, 'order_id': order_id})), o -> o.order_id), chr(31)) AS order_ids
  FROM model.order_facts
  GROUP BY case_id
)
SELECT c.*,
  coalesce(c.lead_created_at, c.opportunity_created_at, c.order_created_at) AS start_at,
  a.name AS account_name,
  co.order_ids,
  CASE WHEN oo.case_id IS NOT NULL THEN oo.lost_at ELSE l.disqualified_at END AS lost_at,
  -- what a search matches (a substring, any case): case id, lead id, account id and name, order ids
  lower(concat_ws(chr(31), c.case_id, c.lead_id, c.account_id, a.name, co.order_ids)) AS search_text
FROM model.cases c
LEFT JOIN accounts a ON a.account_id = c.account_id
LEFT JOIN (SELECT lead_id, disqualified_at FROM leads WHERE disqualified_at IS NOT NULL) l ON l.lead_id = c.lead_id
LEFT JOIN opportunity_outcomes oo ON oo.case_id = c.case_id
LEFT JOIN case_orders co ON co.case_id = c.case_id
