/**
 * How raw text becomes typed values, as SQL expressions over a VARCHAR column. Each parser returns
 * NULL where the text does not parse; the caller turns "text present, value NULL" into a reject.
 */
import type { FieldType } from '../models/db/contract.ts';

/** Quotes an identifier for DuckDB ("a ""b""" style). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB. Only for names we generate or read from a header. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Temp macros the parse expressions use; created once per import. */
export const VALUE_MACROS = `
CREATE OR REPLACE TEMP MACRO ltc_text(v) AS nullif(trim(v), '');
CREATE OR REPLACE TEMP MACRO ltc_timestamp(v) AS coalesce(
  try_cast(ltc_text(v) AS TIMESTAMPTZ)::TIMESTAMP,
  try_strptime(ltc_text(v), ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d'])
);
CREATE OR REPLACE TEMP MACRO ltc_number(v) AS try_cast(ltc_text(v) AS DOUBLE);
CREATE OR REPLACE TEMP MACRO ltc_boolean(v) AS CASE
  WHEN lower(ltc_text(v)) IN ('true', 't', '1', 'yes', 'y') THEN true
  WHEN lower(ltc_text(v)) IN ('false', 'f', '0', 'no', 'n') THEN false
END;
`;

/** SQL that parses the raw column into the field's type. */
export function parseExpression(type: FieldType, column: string): string {
  const v = quoteIdent(column);
  switch (type) {
    case 'timestamp': return `ltc_timestamp(${v})`;
    case 'number': return `ltc_number(${v})`;
    case 'boolean': return `ltc_boolean(${v})`;
    default: return `ltc_text(${v})`;
  }
}

/** What a user reads when a value does not parse. */
export function expectation(type: FieldType): string {
  switch (type) {
    case 'timestamp': return 'is not a date or timestamp (expected e.g. 2025-03-07 or 2025-03-07 14:05:00)';
    case 'number': return 'is not a number';
    case 'boolean': return 'is not true/false';
    default: return 'is not valid';
  }
}
