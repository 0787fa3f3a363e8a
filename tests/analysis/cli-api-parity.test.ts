/**
 * The command line and the dashboard give the same answers: every analysis asked through `ltc
 * … --json` and through its route, with the same parameters, on the sample data.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routePath } from '../../models/analysis/define.ts';
import { flagName, queryName } from '../../models/analysis/params.ts';
import { analyses } from '../../models/analysis/registry.ts';
import { ltc } from '../helpers/cli.ts';
import { serveProcess, type Served } from '../helpers/served.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle/', import.meta.url));

/** Each analysis with the parameters it is asked with (camelCase keys; `where` a list of K=V). */
const ASKED: Record<string, Record<string, string | string[]>[]> = {
  kpis: [{}, { from: '2024-01-01', to: '2024-12-31', windowDays: '60', where: ['source=Web'] }],
  funnel: [{ where: ['region=EMEA'] }],
  compare: [{ cutover: '2025-01-01', excludeDays: '14' }, { before: '2024-01-01..2024-06-30', after: '2024-07-01..2024-12-31' }],
  'compare-values': [{ cutover: '2025-01-01', excludeDays: '14' }, { before: '2024-01-01..2024-06-30', after: '2024-07-01..2024-12-31' }],
  'compare-evidence': [{ cutover: '2025-01-01', excludeDays: '14' }, { where: ['source=Web'], cutover: '2025-01-01' }],
  trends: [{ by: 'quarter' }],
  dso: [{}], aging: [{ asOf: '2025-03-31' }],
  mix: [{ cutover: '2025-01-01', by: 'region' }],
  'change-point': [{ cutover: '2025-01-01' }],
  survival: [{ cutover: '2025-01-01' }],
  transitions: [{}], bottlenecks: [{ where: ['owner=Alice'] }, {}],
  'bottleneck-cases': [{ transition: 'order_created→delivered', limit: '5' }],
  pipeline: [{}], quality: [{ limit: '3' }], 'log-overview': [{}], filters: [{}], 'cutover-default': [{}],
  'funnel-cohorts': [{ by: 'quarter', bySegment: 'source' }],
  'process-map': [{ log: 'ltc' }], 'process-map-cases': [{ activity: 'Order created', limit: '3' }],
  variants: [{ top: '3' }], conformance: [{ by: 'quarter' }], 'event-logs': [{}],
  cases: [{ sort: 'newest', limit: '10', offset: '5' }], links: [{}], status: [{}],
};
/** The two halves of compare the Before/After page asks for (routes only): `ltc compare --json` split in two. */
const EVIDENCE_KEYS = ['test', 'p_value', 'ci95', 'median_diff', 'note', 'note_zh'];
type Json = Record<string, unknown>;
const COMPARE_HALVES: Partial<Record<string, (compare: { kpis: Json[] }) => unknown>> = {
  'compare-values': ({ kpis, ...head }) => ({ ...head, kpis: kpis.map((k) => Object.fromEntries(Object.entries(k).filter(([key]) => !EVIDENCE_KEYS.includes(key)))) }),
  'compare-evidence': ({ kpis }) => ({ kpis: kpis.map((k) => Object.fromEntries(Object.entries(k).filter(([key]) => key === 'id' || EVIDENCE_KEYS.includes(key)))) }),
};
/** Arrow answers: the same rows as `cases` and the Overview's cohorts, compared where those are. */
const ARROW = new Set(['cohorts', 'cases-arrow']);

/** Numbers equal to 12 significant digits: DuckDB may sum a float column in another order each run. */
function close(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))) expect.fail(`${path}: ${a} ≠ ${b}`);
    return;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    expect(b, path).toEqual(a);
    return;
  }
  expect(Object.keys(b).sort(), path).toEqual(Object.keys(a).sort());
  for (const key of Object.keys(a)) close((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
}

describe('CLI and API answer alike', () => {
  let db: string;
  let served: Served;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ltc-parity-'));
    db = join(dir, 'cli.duckdb');
    expect(ltc(['ingest', '--db', db, ...readdirSync(BUNDLE).map((f) => join(BUNDLE, f))]).code).toBe(0);
    // The server holds its workspace: the same file, copied.
    copyFileSync(db, join(dir, 'api.duckdb'));
    served = await serveProcess(join(dir, 'api.duckdb'));
  }, 120_000);
  afterAll(async () => {
    served?.kill('SIGTERM');
    await served?.gone();
  });

  it('asks every analysis', async () => {
    const names = (await analyses()).map((a) => a.name).filter((n) => !ARROW.has(n));
    expect([...Object.keys(ASKED), 'case'].sort()).toEqual(names.sort());
  });

  it('gives the same JSON for every analysis and parameters', async () => {
    const list = await analyses();
    // A case id of the sample data for `case`.
    const someCase = (JSON.parse(ltc(['cases', '--db', db, '--limit', '1', '--json']).stdout) as { cases: { case_id: string }[] }).cases[0].case_id;
    const asked: typeof ASKED = { ...ASKED, case: [{ id: someCase }] };
    // Every route first: the command line runs synchronously, and a kept-alive connection may close meanwhile.
    const asks = list.filter((a) => !ARROW.has(a.name)).flatMap((analysis) => (asked[analysis.name] ?? []).map((params) => {
      const args: string[] = [];
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) {
        for (const v of [value].flat()) {
          if (analysis.params[key]?.positional) args.unshift(v);
          else args.push(key === 'where' ? '--where' : flagName(key), v);
          query.append(queryName(key), v);
        }
      }
      return { analysis, args, query };
    }));
    const answers: Record<string, unknown>[] = [];
    for (const { analysis, query } of asks) {
      const res = await fetch(`http://127.0.0.1:${served.port}${routePath(analysis)}?${query}`);
      expect(res.status, `${analysis.name} ${query}`).toBe(200);
      answers.push(await res.json());
    }
    asks.forEach(({ analysis, args }, i) => {
      // The slow cases of a transition are `ltc bottlenecks --transition T`; compare's halves, `ltc compare`.
      const half = COMPARE_HALVES[analysis.name];
      const command = analysis.name === 'bottleneck-cases' ? 'bottlenecks' : half ? 'compare' : analysis.name;
      const cli = ltc([command, '--db', db, ...args, '--json']);
      expect(cli.code, `${analysis.name} ${args.join(' ')}: ${cli.stderr}`).toBe(0);
      const fromCli = half ? half(JSON.parse(cli.stdout)) as Json : JSON.parse(cli.stdout);
      // status names the workspace file, and the two are copies.
      if (analysis.name === 'status') fromCli.workspace = answers[i].workspace;
      close(fromCli, answers[i], `${analysis.name} ${args.join(' ')}`);
    });
  }, 600_000);
});
