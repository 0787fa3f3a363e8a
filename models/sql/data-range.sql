-- The dated range of the workspace (model.data_span): from the earliest to the latest moment at which
-- something happened. Both as 'YYYY-MM-DDTHH:MM:SS', NULL when nothing is dated.
SELECT strftime(data_start, '%Y-%m-%dT%H:%M:%S') AS data_start, strftime(data_end, '%Y-%m-%dT%H:%M:%S') AS data_end
FROM model.data_span
