-- deal_value (docs/measures.md): per opportunity created in the period (by as_of) and won by as_of, its
-- amount as loaded (no currency conversion). Opportunities still open at as_of may yet be won: they
-- are items without a value (censored). Lost ones and won ones without an amount are not items.
SELECT o.created_at AS start_at,
  CASE WHEN o.is_closed AND coalesce(o.closed_at, o.created_at) <= $as_of::TIMESTAMP THEN o.amount END AS value,
  o.source, o.owner, o.region, o.segment
FROM model.opportunity_items o
WHERE ltc_case_in(o.source, o.owner, o.region, o.segment, o.attributes, $filter::JSON)
  AND (NOT (coalesce(o.is_closed, false) AND coalesce(o.closed_at, o.created_at) <= $as_of::TIMESTAMP)
    OR (coalesce(o.is_won, false) AND o.amount IS NOT NULL))
  AND o.created_at >= $from::TIMESTAMP AND o.created_at < $to::TIMESTAMP AND o.created_at <= $as_of::TIMESTAMP
