-- win_rate (docs/measures.md), one item per opportunity created in the period (by as_of): decided =
-- closed by as_of (won or lost), success = won. Opportunities still open at as_of are censored;
-- opportunities without a creation date (undated open records) belong to no period.
SELECT o.created_at AS start_at,
  coalesce(o.is_closed, false) AND coalesce(o.closed_at, o.created_at) <= $as_of::TIMESTAMP AS decided,
  coalesce(o.is_won, false) AS success,
  o.source, o.owner, o.region, o.segment
FROM model.opportunity_items o
WHERE ltc_case_in(o.source, o.owner, o.region, o.segment, o.attributes, $filter::JSON)
  AND o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP AND o.created_at <= $as_of::TIMESTAMP
