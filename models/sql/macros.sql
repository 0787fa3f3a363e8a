-- Session macros the measure queries share; created each time a workspace is opened.

-- A case is in the filtered segment when it matches every filter given (a NULL filter matches all).
CREATE OR REPLACE TEMP MACRO ltc_in_segment(source, owner, region, segment, want_source, want_owner, want_region, want_segment) AS
  (want_source IS NULL OR source = want_source)
  AND (want_owner IS NULL OR owner = want_owner)
  AND (want_region IS NULL OR region = want_region)
  AND (want_segment IS NULL OR segment = want_segment);
