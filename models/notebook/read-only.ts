/**
 * Notebook SQL is read-only (docs/safety.md): one statement a block, and a query — it starts with SELECT,
 * WITH, FROM, VALUES, PIVOT, UNPIVOT, DESCRIBE or SUMMARIZE, DuckDB's own parser agrees that it is
 * one SELECT when put in a subquery, and it runs in a transaction that is rolled back
 * (models/notebook/run.ts). A block that is refused never reaches the database.
 */
import type { Database } from '../db/database.ts';
import { SaidError, sayAll } from '../messages/catalogue.ts';
import { NOTEBOOK_ERRORS } from '../messages/workspace-errors.ts';

export const READ_ONLY_KEYWORDS = ['SELECT', 'WITH', 'FROM', 'VALUES', 'PIVOT', 'UNPIVOT', 'DESCRIBE', 'SUMMARIZE'] as const;

/** A block the notebook may not run; the message says why in words. */
export class RefusedSql extends SaidError {
  override name = 'RefusedSql';
}

/** The first word of the statement after comments, whitespace and opening parentheses, upper-cased. */
export function firstKeyword(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.replace(/^[\s(]+/, '');
    if (trimmed.startsWith('--')) rest = trimmed.replace(/^--[^\n]*/, '');
    else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else {
      rest = trimmed;
      break;
    }
  }
  return (/^[A-Za-z_]+/.exec(rest)?.[0] ?? '').toUpperCase();
}

/**
 * The statements of `sql` as DuckDB would split them: semicolons outside string literals ('…',
 * E'…' with backslash escapes, $tag$…$tag$), quoted identifiers and comments. Empty statements
 * (a trailing semicolon, a trailing comment) are not counted.
 */
export function splitStatements(sql: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]) && (i < 2 || !/\w/.test(sql[i - 2]));
      i++;
      while (i < n) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") break;
        else i++;
      }
      i++;
    } else if (c === '"') {
      i++;
      while (i < n && !(sql[i] === '"' && sql[i + 1] !== '"')) i += sql[i] === '"' ? 2 : 1;
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '$' && /^\$(\w*)\$/.test(sql.slice(i)) && (i === 0 || !/\w/.test(sql[i - 1]))) {
      const tag = /^\$(\w*)\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? n : end + tag.length;
    } else if (c === ';') {
      parts.push(sql.slice(start, i));
      start = ++i;
    } else i++;
  }
  parts.push(sql.slice(start));
  return parts.filter((part) => firstKeyword(part) !== '');
}

/**
 * The block's query wrapped as a subquery (`SELECT * FROM (…)`), after checking that it is one
 * read-only statement; throws RefusedSql otherwise, and DuckDB's parser error for broken SQL.
 */
export async function readOnlyQuery(db: Database, sql: string): Promise<string> {
  const keyword = firstKeyword(sql);
  if (!(READ_ONLY_KEYWORDS as readonly string[]).includes(keyword)) {
    const keywords = READ_ONLY_KEYWORDS.join(', ');
    throw new RefusedSql(keyword ? sayAll(NOTEBOOK_ERRORS, 'readOnlyKeyword', { keywords, keyword }) : sayAll(NOTEBOOK_ERRORS, 'readOnlyNothing', { keywords }));
  }
  const statements = splitStatements(sql);
  if (statements.length !== 1) {
    throw new RefusedSql(sayAll(NOTEBOOK_ERRORS, 'oneStatement', { count: String(statements.length) }));
  }
  // On its own lines, so that a trailing line comment cannot swallow the closing parenthesis.
  const wrapped = `SELECT * FROM (\n${statements[0].trim()}\n)`;
  // PIVOT is planned as several statements and cannot be serialized; the keyword, the single
  // statement and the rolled-back transaction stand for it.
  if (keyword !== 'PIVOT') {
    await assertOneSelect(db, statements[0]);
    await assertOneSelect(db, wrapped);
  }
  return wrapped;
}

/** DuckDB's parser reads `sql` as exactly one SELECT statement (json_serialize_sql takes no other). */
async function assertOneSelect(db: Database, sql: string): Promise<void> {
  const [row] = await db.query<{ parsed: string }>('SELECT json_serialize_sql($sql::VARCHAR) AS parsed', { sql });
  const parsed = JSON.parse(row.parsed) as { error?: boolean; error_type?: string; error_message?: string; statements?: unknown[] };
  if (parsed.error && parsed.error_type === 'parser') throw new Error(`Parser Error: ${parsed.error_message}`);
  if (parsed.error) throw new RefusedSql(sayAll(NOTEBOOK_ERRORS, 'notOneQuery'));
  if (parsed.statements?.length !== 1) throw new RefusedSql(sayAll(NOTEBOOK_ERRORS, 'duckdbStatements', { count: String(parsed.statements?.length ?? 0) }));
}
