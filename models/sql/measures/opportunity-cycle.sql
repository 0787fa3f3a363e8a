-- opportunity_cycle_days (docs/measures.md): per opportunity created in the period (by as_of), closed
-- (won or lost) − created. An opportunity not closed by as_of is open; one marked closed without a
-- close date cannot be timed and is not an item. Undated opportunities belong to no period.
SELECT o.created_at AS start_at,
  CASE WHEN o.is_closed AND o.closed_at <= $as_of::TIMESTAMP THEN o.closed_at END AS end_at,
  o.source, o.owner, o.region, o.segment
FROM model.opportunity_items o
WHERE ltc_case_in(o.source, o.owner, o.region, o.segment, o.attributes, $filter::JSON)
  AND NOT (coalesce(o.is_closed, false) AND o.closed_at IS NULL)
  AND o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP AND o.created_at <= $as_of::TIMESTAMP
