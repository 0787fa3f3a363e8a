/**
 * @duckdb/node-api, loaded when a workspace is first opened rather than with every module that
 * names a Database (`ltc --help` needs no DuckDB). Required, not imported: an ES import of this
 * CommonJS package has Node lex each of its files for named exports, about 0.1 s of every start.
 * The compiled command line carries beside this module a one-file copy of the package's JavaScript
 * (app/build/cli-build.js), read in one go where the package is 186 files; it is used only when it
 * is of the version installed, whose native binding it loads.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type DuckDBApi = typeof import('@duckdb/node-api');

let loaded: DuckDBApi | undefined;

export function duckdb(): DuckDBApi {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const copy = new URL(`./duckdb-node-api-${installedVersion(require)}.cjs`, import.meta.url);
  loaded = (existsSync(copy) ? require(fileURLToPath(copy)) : require('@duckdb/node-api')) as DuckDBApi;
  return loaded;
}

function installedVersion(require: NodeJS.Require): string {
  try {
    return (require('@duckdb/node-api/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
