/** What kind of value a DuckDB column holds, from its type name (as DESCRIBE gives it). */

const NUMBER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;
const TEMPORAL = /^(DATE|TIMESTAMP|TIMESTAMP WITH TIME ZONE|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS)$/;

/** True for DuckDB's number types. */
export function isNumberType(type: string): boolean {
  return NUMBER.test(type);
}

/** True for DATE and TIMESTAMP columns (drawn on a time axis). */
export function isTemporalType(type: string): boolean {
  return TEMPORAL.test(type);
}
