-- The values of an amount measure's items (those amount-summary.sql summarises), in no particular
-- order, for the tests of docs/statistics.md. Undecided and negative values are left out.
SELECT coalesce(list(value), []::DOUBLE[]) AS days
FROM items
WHERE value >= 0
