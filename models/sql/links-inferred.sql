-- Examples of inferred links (models/sql/09-links.sql) within the filters: records tied to a lead
-- only because leads.opportunity_id names their opportunity.
SELECT "table", id, coalesce(opportunity_id, id) AS opportunity_id, case_id AS lead_id
FROM model.link_paths
WHERE inferred AND moment >= $from::TIMESTAMP AND moment < $to::TIMESTAMP
  AND ltc_case_in(source, owner, region, segment, attributes, $filter::JSON)
QUALIFY row_number() OVER (PARTITION BY "table" ORDER BY id) <= $examples::INTEGER
ORDER BY "table", id
