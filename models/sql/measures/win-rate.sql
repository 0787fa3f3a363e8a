-- win_rate (docs/measures.md), one item per opportunity created in the period (by as_of): decided =
-- closed by as_of (won or lost), success = won. Opportunities still open at as_of are censored;
-- opportunities without a creation date (undated open records) belong to no period.
SELECT o.created_at AS start_at,
  coalesce(o.is_closed, false) AND coalesce(o.closed_at, o.created_at) <= $as_of::TIMESTAMP AS decided,
  coalesce(o.is_won, false) AS success,
  c.source, c.owner, c.region, c.segment
FROM opportunities o
JOIN model.opportunity_cases oc ON oc.opportunity_id = o.opportunity_id
JOIN model.cases c ON c.case_id = oc.case_id
WHERE ltc_case_in(c.source, c.owner, c.region, c.segment, c.attributes, $filter::JSON)
  AND o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP AND o.created_at <= $as_of::TIMESTAMP
