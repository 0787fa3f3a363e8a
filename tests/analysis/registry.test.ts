/**
 * An analysis is one file: a throw-away declaration dropped into models/analyses/ (of a copy of the
 * checkout, so that the tests beside this one see the house as it is) is a command, a route and an
 * entry of the typed client; a name used twice stops the start.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAnalysis } from '../../models/analysis/define.ts';
import { assertUnique } from '../../models/analysis/registry.ts';
import { ltc } from '../helpers/cli.ts';
import { serveProcess, type Served } from '../helpers/served.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NAME = 'orders-per-account';

// Orders per account: a real query on the loaded orders, with a parameter of its own.
const SOURCE = `import { defineAnalysis } from '../analysis/define.ts';
import { whole } from '../analysis/params.ts';

export default defineAnalysis({
  name: '${NAME}',
  summary: 'orders per account with at least N orders',
  params: { minOrders: whole('the fewest orders an account must have', { min: 1, max: 1000 }) },
  run: async (db, p) => ({
    accounts: await db.query<{ account_id: string; orders: number }>(
      'SELECT account_id, count(*)::INTEGER AS orders FROM orders GROUP BY account_id HAVING count(*) >= $min ORDER BY account_id',
      { min: p.minOrders ?? 1 }),
  }),
});
`;

describe('one file per analysis', () => {
  let copy: string;
  let db: string;
  let served: Served;

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'ltc-copy-'));
    for (const part of ['bin', 'app', 'models', 'ingest', 'package.json', 'tsconfig.json']) {
      cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    writeFileSync(join(copy, 'models/analyses', `${NAME}.ts`), SOURCE);
    db = join(copy, 'ws.duckdb');
    writeFileSync(join(copy, 'orders.csv'), 'order_id,created_at,account_id,amount\nSO1,2025-01-11,A1,100\nSO2,2025-02-01,A1,70\nSO3,2025-03-01,A2,50\n');
    const ingested = ltc(['ingest', '--db', db, join(copy, 'orders.csv')], {}, copy);
    expect(ingested.code, ingested.stderr).toBe(0);
    // The server holds its workspace: a second one, with the same orders.
    const servedDb = join(copy, 'served.duckdb');
    expect(ltc(['ingest', '--db', servedDb, join(copy, 'orders.csv')], {}, copy).code).toBe(0);
    served = await serveProcess(servedDb, {}, copy);
  }, 60_000);
  afterAll(async () => {
    served?.kill('SIGTERM');
    await served?.gone();
  });

  it('is a command of the CLI, with its flag, its help and its checks', () => {
    const ok = ltc([NAME, '--db', db, '--min-orders', '2', '--json'], {}, copy);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toEqual({ accounts: [{ account_id: 'A1', orders: 2 }] });
    expect(ltc(['--help'], {}, copy).stdout).toMatch(new RegExp(`^  ${NAME}\\s+orders per account with at least N orders$`, 'm'));
    expect(ltc([NAME, '--help'], {}, copy).stdout).toMatch(/--min-orders N\s+the fewest orders an account must have/);
    const bad = ltc([NAME, '--db', db, '--min-orders', '0'], {}, copy);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-orders must be a whole number from 1 to 1000, not "0"');
  });

  it('is a route of the API, reading the same parameter from the query string', async () => {
    const base = `http://127.0.0.1:${served.port}`;
    const ok = await fetch(`${base}/api/${NAME}?min_orders=1`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ accounts: [{ account_id: 'A1', orders: 2 }, { account_id: 'A2', orders: 1 }] });
    const bad = await fetch(`${base}/api/${NAME}?min_orders=0`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('min_orders must be a whole number from 1 to 1000, not "0"');
  });

  it('is in the typed client and the API table of the docs', () => {
    // The copy's own codegen, as `npm run codegen` would run it there.
    const script = `import { analyses } from ${JSON.stringify(pathToFileURL(join(copy, 'models/analysis/registry.ts')).href)};
import { clientSource, docsTable } from ${JSON.stringify(pathToFileURL(join(copy, 'app/codegen/analyses.ts')).href)};
const list = await analyses();
process.stdout.write(JSON.stringify({ client: clientSource(list), docs: docsTable(list) }));`;
    const { client, docs } = JSON.parse(tsxEval(copy, script)) as { client: string; docs: string };
    expect(client).toContain(`import type ordersPerAccountAnalysis from '../../../../models/analyses/${NAME}.ts';`);
    expect(client).toContain(`'${NAME}': { path: '/api/${NAME}'; query: 'min_orders'; result: ResultOf<typeof ordersPerAccountAnalysis> };`);
    expect(docs).toContain(`| \`ltc ${NAME}\` | \`GET /api/${NAME}\` | \`--min-orders\` (\`min_orders\`) | orders per account with at least N orders |`);
  });
});

describe('the list of analyses', () => {
  it('stops the start when two analyses share a name or a route', () => {
    const run = async () => ({});
    const a = defineAnalysis({ name: 'twice', summary: '', params: {}, run });
    expect(() => assertUnique([a, { ...a }])).toThrow(/two analyses have the name "twice"/);
    expect(() => assertUnique([a, defineAnalysis({ name: 'other', path: '/api/twice', summary: '', params: {}, run })]))
      .toThrow(/two analyses have the route "\/api\/twice"/);
  });
});

/** Runs an ES module text with tsx in the folder given; its stdout. */
function tsxEval(cwd: string, script: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}
