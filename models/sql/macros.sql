-- Session macros the measure queries share; created each time a workspace is opened.

-- A case is in the filtered view when it matches every filter given (the global filters, docs/api.md):
-- filter = {"source": …, "owner": …, "region": …, "segment": …, "attributes": {"key": "value"}},
-- each key optional. Values arrive as one JSON parameter, never as SQL text.
CREATE OR REPLACE TEMP MACRO ltc_case_in(source, owner, region, segment, attributes, filter) AS
  (json_extract_string(filter, '$.source') IS NULL OR source = json_extract_string(filter, '$.source'))
  AND (json_extract_string(filter, '$.owner') IS NULL OR owner = json_extract_string(filter, '$.owner'))
  AND (json_extract_string(filter, '$.region') IS NULL OR region = json_extract_string(filter, '$.region'))
  AND (json_extract_string(filter, '$.segment') IS NULL OR segment = json_extract_string(filter, '$.segment'))
  AND (json_extract(filter, '$.attributes') IS NULL
    OR json_contains(coalesce(attributes, '{}'::JSON), json_extract(filter, '$.attributes')));

-- The value of one segment key of a case (source, owner, region or segment): the strata of the mix
-- comparison (docs/statistics.md). NULL for every case when key is NULL, so a grouped measure has one group.
CREATE OR REPLACE TEMP MACRO ltc_stratum(source, owner, region, segment, key) AS
  CASE key WHEN 'source' THEN source WHEN 'owner' THEN owner WHEN 'region' THEN region WHEN 'segment' THEN segment END;
