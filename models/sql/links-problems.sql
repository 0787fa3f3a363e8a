-- Orphans and links that point nowhere (models/sql/09-links.sql) within the filters, counted per
-- table and check, with the first ids as examples. Records that are or belong to a case follow the
-- segment filters; the others only the period.
SELECT problem, "table", "check", count(*)::INTEGER AS count,
  list(CASE WHEN problem = 'dangling' THEN {'id': id, 'value': value} ELSE {'id': id, 'value': NULL} END ORDER BY id)[1:$examples::INTEGER] AS examples
FROM (
  SELECT problem, "table", "check", id, value FROM model.link_problems
  WHERE (moment >= $from::TIMESTAMP AND moment < $to::TIMESTAMP
         OR moment IS NULL AND $from::TIMESTAMP = '-infinity'::TIMESTAMP AND $to::TIMESTAMP = 'infinity'::TIMESTAMP)
    AND (case_id IS NULL OR ltc_case_in(source, owner, region, segment, attributes, $filter::JSON))
  UNION ALL
  SELECT 'orphan', "table", CASE "table" WHEN 'orders' THEN 'no_opportunity_or_lead' ELSE 'no_lead' END, id, NULL
  FROM model.link_paths
  WHERE path = 'untraced' AND moment >= $from::TIMESTAMP AND moment < $to::TIMESTAMP
    AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
)
GROUP BY ALL
