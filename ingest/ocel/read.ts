/** Which OCEL reader a file needs, by its name and (for `.json` and SQLite) its first bytes. */
import { readHead } from '../decode.ts';
import { ImportError } from '../errors.ts';
import { importReason } from '../../models/messages/import-errors.ts';
import { readOcelJson } from './json.ts';
import type { OcelLog } from './log.ts';
import { isSqlite, readOcelSqlite } from './sqlite.ts';
import { readOcelXml } from './xml.ts';

export type OcelSyntax = 'json' | 'xml' | 'sqlite';

/** A top-level key only OCEL JSON has, near the start of a `.json` file. */
const OCEL_JSON_HEAD = /^\uFEFF?\s*\{[\s\S]*"(?:ocel:global-log|ocel:events|objectTypes|eventTypes)"\s*:/;

/** The OCEL syntax of a file, or null when it is not an OCEL log (a plain `.json` is not). */
export function ocelSyntax(path: string, name: string): OcelSyntax | null {
  if (/\.jsonocel$/i.test(name)) return 'json';
  if (/\.xmlocel$/i.test(name)) return 'xml';
  if (/\.(sqlite3?|db)$/i.test(name)) return 'sqlite';
  if (/\.json$/i.test(name)) return OCEL_JSON_HEAD.test(readHead(path, 64 * 1024).toString('utf8')) ? 'json' : null;
  return null;
}

/** The file read by the reader of its syntax. */
export async function readOcel(path: string, name: string, syntax: OcelSyntax): Promise<OcelLog> {
  if (syntax === 'json') return readOcelJson(path, name);
  if (syntax === 'xml') return readOcelXml(path, name);
  if (!isSqlite(readHead(path, 16))) throw new ImportError(name, importReason('not_sqlite'));
  return readOcelSqlite(path, name);
}
