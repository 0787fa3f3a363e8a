/** Quoting for SQL built from names (headers, generated names, schema columns), never from row values. */

/** Quotes an identifier for DuckDB ("a ""b""" style). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
