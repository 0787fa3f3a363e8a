/**
 * What follows from the list of analyses and is kept as a file: the dashboard's typed client
 * (app/web/src/lib/analyses.generated.ts) and the table of analyses in docs/api.md. `npm run codegen`
 * writes both; `npm run codegen -- --check` (part of `npm run check`) fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { routePath, type Analysis } from '../../models/analysis/define.ts';
import { flagName, queryName } from '../../models/analysis/params.ts';
import { analyses } from '../../models/analysis/registry.ts';

const ROOT = new URL('../../', import.meta.url);
export const CLIENT_FILE = fileURLToPath(new URL('app/web/src/lib/analyses.generated.ts', ROOT));
export const DOCS_FILE = fileURLToPath(new URL('docs/api.md', ROOT));
const BEGIN = '<!-- analyses: begin (npm run codegen writes this table from models/analyses/) -->';
const END = '<!-- analyses: end -->';

const identifier = (name: string) => `${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Analysis`;

/** The typed client's declarations: each analysis's path, query keys and answer type. */
export function clientSource(list: readonly Analysis[]): string {
  const lines = [
    '// Written by `npm run codegen` from models/analyses/: do not edit by hand.',
    "import type { ResultOf } from '../../../../models/analysis/define.ts';",
    ...list.map((a) => `import type ${identifier(a.name)} from '../../../../models/analyses/${a.name}.ts';`),
    '',
    '/** Every analysis by name: its route, the query keys it reads and what it answers. */',
    'export interface Analyses {',
    ...list.map((a) => {
      const keys = Object.keys(a.params).map((k) => `'${queryName(k)}'`).join(' | ') || 'never';
      return `  '${a.name}': { path: '${routePath(a)}'; query: ${keys}; result: ResultOf<typeof ${identifier(a.name)}> };`;
    }),
    '}',
    '',
    'export const ANALYSIS_PATHS: { readonly [N in keyof Analyses]: Analyses[N][\'path\'] } = {',
    ...list.map((a) => `  '${a.name}': '${routePath(a)}',`),
    '};',
    '',
  ];
  return lines.join('\n');
}

/** The Markdown table of docs/api.md: command, route, parameters, what it answers. */
export function docsTable(list: readonly Analysis[]): string {
  const row = (a: Analysis) => {
    const params = Object.entries(a.params).map(([k, p]) =>
      p.positional ? `\`${p.placeholder}\` (\`${queryName(k)}\`)` : p.kind === 'filters' ? '`--where K=V` (filters)' : `\`${flagName(k)}\` (\`${queryName(k)}\`)`);
    return `| ${a.command === false || a.hidden ? '–' : `\`ltc ${a.name}\``} | \`GET ${routePath(a)}\` | ${params.join(', ') || '–'} | ${a.summary.replace(/\|/g, '\\|')} |`;
  };
  return [BEGIN, '', '| command | route | parameters (flag and query key) | answers |', '|---|---|---|---|', ...list.map(row), '', END].join('\n');
}

export function docsWith(table: string, docs: string): string {
  const begin = docs.indexOf(BEGIN);
  const end = docs.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/api.md has no ${BEGIN} … ${END} block`);
  return docs.slice(0, begin) + table + docs.slice(end + END.length);
}

async function main(check: boolean): Promise<number> {
  const list = await analyses();
  const wanted = [[CLIENT_FILE, clientSource(list)], [DOCS_FILE, docsWith(docsTable(list), readFileSync(DOCS_FILE, 'utf8'))]] as const;
  const stale = wanted.filter(([file, text]) => { try { return readFileSync(file, 'utf8') !== text; } catch { return true; } });
  if (check) {
    for (const [file] of stale) process.stderr.write(`${file} is not what models/analyses/ gives: run npm run codegen\n`);
    return stale.length ? 1 : 0;
  }
  for (const [file, text] of stale) writeFileSync(file, text);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes('--check'));
}
