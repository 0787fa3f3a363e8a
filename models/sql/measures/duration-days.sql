-- The completed items of a duration measure (start_at, end_at NULL when open) as days, in no
-- particular order: the values duration-summary.sql summarises, for the tests of docs/statistics.md. Open
-- items and impossible ones (ending before they start) are left out. (Sorted by the caller: list(… ORDER BY …) is several times slower.)
SELECT coalesce(list((epoch_us(end_at) - epoch_us(start_at)) / 86400e6), []::DOUBLE[]) AS days
FROM items
WHERE end_at >= start_at
