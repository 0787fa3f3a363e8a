-- The case an id names: a case id first, else the case of the order or opportunity with that id.
SELECT case_id FROM (
  SELECT case_id, 1 AS rank FROM model.cases WHERE case_id = $id
  UNION ALL
  SELECT case_id, 2 FROM model.order_cases WHERE order_id = $id
  UNION ALL
  SELECT case_id, 3 FROM model.opportunity_cases WHERE opportunity_id = $id
)
ORDER BY rank
LIMIT 1
