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

-- Two amounts of money within a cent are the same amount: payments and invoices from different
-- systems round differently. An invoice is paid once its payments come within this of its amount,
-- overpaid only beyond it, and one of at most this much (a credit note) is no receivable.
-- models/quality-checks.ts PAYMENT_TOLERANCE says the same number in words (tests/models/quality-checks.test.ts
-- holds the two equal).
CREATE OR REPLACE TEMP MACRO ltc_payment_tolerance() AS 0.01;

-- Record stitching (models/stitch, docs/linking.md#links-by-matching). The customer name an extra
-- column holds: the value of the first attribute whose key, lower-cased without punctuation, is one
-- of name_columns (a JSON list; models/stitch/suggest.ts NAME_COLUMNS).
CREATE OR REPLACE TEMP MACRO ltc_attribute_name(attributes, name_columns) AS
  json_extract_string(attributes, '$."' || list_filter(json_keys(attributes),
    k -> list_contains(from_json(name_columns, '["VARCHAR"]'), regexp_replace(lower(k), '[^a-z\p{Han}]', '', 'g')))[1] || '"');

-- The blocking key of a customer name: its first three letters without a leading "the" and without
-- punctuation, full-width forms folded to plain ones (translate from full_width to half_width).
CREATE OR REPLACE TEMP MACRO ltc_name_block(name, full_width, half_width) AS
  nullif(left(regexp_replace(regexp_replace(lower(translate(coalesce(name, ''), full_width, half_width)), '^the\s+', ''),
    '[^a-z0-9\p{Han}]', '', 'g'), 3), '');
