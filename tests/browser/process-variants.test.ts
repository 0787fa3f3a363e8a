/**
 * The Process map and Variants pages in Chromium: every hooked number equals the CLI's JSON for the
 * same filters (`ltc process-map`, `ltc variants`, `ltc conformance`), and the drill-down of an edge
 * lists as many cases as pass that edge in the exported event log (`ltc export --format csv`),
 * counted here independently.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importAndRebuild } from '../../app/workspace.ts';
import { CHROMIUM, dashboardSuite, hooks, type RunningApp, settled, leaveAndStop } from '../helpers/browser.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const FILTER = { from: '2024-01-01', to: '2024-12-31', source: 'Website' };
const FILTER_QUERY = new URLSearchParams(FILTER).toString();
const CLI_FILTER = ['--from', FILTER.from, '--to', FILTER.to, '--where', `source=${FILTER.source}`];

interface ProcessMapJson {
  log: string;
  cases: number;
  events: number;
  activities: { name: string; count: number }[];
  edges: { from: string; to: string; count: number; mean_seconds: number; median_seconds: number }[];
}
interface VariantsJson { cases: number; variants: { activities: string[]; count: number; median_seconds: number; mean_seconds: number }[] }
interface ConformanceJson { checks: { id: string; count: number; n: number; rate: number | null }[] }

type Hooked = Record<string, string | null>;
const byKey = (key: (row: Hooked) => string) => (a: Hooked, b: Hooked) => key(a).localeCompare(key(b));
const edgeKey = (row: Hooked) => `${row['data-edge-from']}\u0000${row['data-edge-to']}`;

/** Waits until the drill-down shows the cases of `selection` (the API query of the selection). */
async function drillDown(page: Page, selection: string): Promise<{ total: string | null; cases: Hooked[] }> {
  const panel = page.locator(`[data-testid="process-cases"][data-selection="${selection}"]`);
  await panel.waitFor({ timeout: 30_000 });
  return {
    total: await panel.getAttribute('data-total'),
    cases: await hooks(page, '[data-testid="process-cases"] tr[data-case]', ['data-case']),
  };
}

describe.skipIf(!CHROMIUM)('Process map and Variants in Chromium equal the CLI', () => {
  const shown: Record<string, unknown> = {};

  const suite = dashboardSuite();
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  it('says what to import on both pages of an empty workspace', async () => {
    for (const path of ['/process-map', '/variants?lang=zh']) {
      await page.goto(`${app.url}${path}`);
      const empty = page.getByRole('status').filter({ has: page.locator('a[href^="/import"]') }).first();
      await empty.waitFor({ timeout: 30_000 });
      expect(await empty.textContent()).toMatch(/XES|OCEL/);
    }
    expect(errors).toEqual([]);
  });

  it('draws every activity and path with its numbers; the Activities slider hides the rarest', async () => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));

    await page.goto(`${app.url}/process-map?${FILTER_QUERY}&activities=100&paths=100`);
    await page.locator('[data-activity]').first().waitFor({ timeout: 30_000 });
    await settled(page);
    shown.nodes = await hooks(page, '[data-activity]', ['data-activity', 'data-count']);
    shown.edges = await hooks(page, '[data-edge-from]', ['data-edge-from', 'data-edge-to', 'data-count', 'data-median-seconds', 'data-mean-seconds']);
    shown.metrics = await hooks(page, '[data-metric="cases"], [data-metric="events"]', ['data-metric', 'data-value']);
    // Start and End are wired to the start and end activities.
    expect(await page.locator('[data-endpoint="start"]').count()).toBe(1);
    expect(await page.locator('[data-endpoint="end"]').count()).toBe(1);
    expect(await page.locator('[data-start-activity]').count()).toBeGreaterThan(0);

    await page.locator('input[name="activities"]').fill('50');
    await expect.poll(() => new URL(page.url()).searchParams.get('activities')).toBe('50');
    await expect.poll(() => page.locator('[data-activity]').count()).toBeLessThan((shown.nodes as Hooked[]).length);
    shown.fewerNodes = await hooks(page, '[data-activity]', ['data-activity', 'data-count']);
    shown.fewerShown = await page.locator('[data-metric="shown"]').getAttribute('data-activities');

    // The performance view and the Chinese page keep the same hooks.
    await page.goto(`${app.url}/process-map?${FILTER_QUERY}&view=performance&lang=zh`);
    await page.locator('[data-activity]').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('h1').textContent()).toBe('流程图');
    // The LTC activities are named in Chinese there; the hooks keep the data's names.
    await expect.poll(() => page.locator('[data-activity="Lead created"] text.name').textContent()).toBe('线索创建');
  });

  it('lists the cases of a clicked path and of a clicked activity', async () => {
    await page.goto(`${app.url}/process-map?${FILTER_QUERY}&activities=100&paths=100`);
    await page.locator('[data-activity]').first().waitFor({ timeout: 30_000 });
    // A path some cases pass more than once (a repeated quote) shows occurrences ≠ cases.
    const edges = shown.edges as Hooked[];
    const loop = edges.filter((e) => e['data-edge-from'] === e['data-edge-to']).sort((a, b) => Number(b['data-count']) - Number(a['data-count']))[0];
    const edge = loop ?? edges[0];
    const from = edge['data-edge-from']!;
    const to = edge['data-edge-to']!;
    const target = page.locator(`[data-edge-from="${from}"][data-edge-to="${to}"]`);
    await target.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('edge_from')).toBe(from);
    const selection = new URLSearchParams({ from_activity: from, to_activity: to }).toString();
    shown.edge = { from, to, count: edge['data-count'], ...(await drillDown(page, selection)) };
    const firstCase = (shown.edge as { cases: Hooked[] }).cases[0]['data-case']!;
    const href = await page.locator('[data-testid="process-cases"] tr[data-case] a').first().getAttribute('href');
    expect(href?.startsWith('/cases?')).toBe(true);
    const caseParams = new URLSearchParams(href!.slice('/cases'.length));
    expect(caseParams.get('case')).toBe(firstCase);
    expect(caseParams.get('source')).toBe(FILTER.source);
    expect(caseParams.get('edge_from')).toBeNull();

    // A click on an activity's box lists its cases; the URL keeps it.
    const activity = (shown.nodes as Hooked[])[1]['data-activity']!;
    await page.locator(`[data-activity="${activity}"] rect`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('activity')).toBe(activity);
    shown.activity = { name: activity, ...(await drillDown(page, new URLSearchParams({ activity }).toString())) };
  });

  it('ranks the variants and lists the cases of a clicked one', async () => {
    await page.goto(`${app.url}/variants?${FILTER_QUERY}`);
    await page.locator('tr[data-variant]').first().waitFor({ timeout: 30_000 });
    await settled(page);
    shown.variants = await hooks(page, 'tr[data-variant]', ['data-variant', 'data-count', 'data-median-seconds', 'data-mean-seconds', 'data-activities']);
    shown.variantFacts = await hooks(page, '[data-metric="cases"], [data-metric="variants"]', ['data-metric', 'data-value']);

    await page.locator('tr[data-variant="2"] button').click();
    const activities = (shown.variants as Hooked[])[1]['data-activities']!.split(' → ');
    await expect.poll(() => new URL(page.url()).searchParams.get('variant')).toBe(JSON.stringify(activities));
    shown.variantCases = await drillDown(page, new URLSearchParams({ variant: JSON.stringify(activities) }).toString());

    await page.goto(`${app.url}/variants?${FILTER_QUERY}&lang=zh`);
    await page.locator('tr[data-variant]').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('h1').textContent()).toBe('流程变体');
    await expect.poll(() => page.locator('tr[data-variant="1"] .chain .name').first().textContent()).toBe('线索创建');
  });

  it('shows the conformance rates of the lead-to-cash log', async () => {
    await page.goto(`${app.url}/process-map?${FILTER_QUERY}`);
    await page.locator('[data-check]').first().waitFor({ timeout: 30_000 });
    await settled(page);
    shown.checks = await hooks(page, '[data-check]', ['data-check', 'data-value', 'data-count', 'data-n']);
    await page.locator('[data-choice="conformance-by:quarter"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('quarter');
    await settled(page);
    // The export links carry the log and the filters.
    const csv = await page.locator('[data-export="csv"]').getAttribute('href');
    const exportParams = new URLSearchParams(csv!.split('?')[1]);
    expect(exportParams.get('format')).toBe('csv');
    expect(exportParams.get('source')).toBe(FILTER.source);
    expect(exportParams.get('from')).toBe(FILTER.from);
  });

  it('shows exactly the numbers of the CLI for the same filters, without console errors', async () => {
    await leaveAndStop(page, app);
    const db = ['--db', app.dbPath];

    const map = ltcJson<ProcessMapJson>(['process-map', ...db, ...CLI_FILTER]);
    const all = ltcJson<ProcessMapJson>(['process-map', ...db]);
    expect(map.cases).toBeLessThan(all.cases);
    expect(shown.metrics).toEqual([
      { 'data-metric': 'cases', 'data-value': String(map.cases) },
      { 'data-metric': 'events', 'data-value': String(map.events) },
    ]);
    expect([...(shown.nodes as Hooked[])].sort(byKey((r) => r['data-activity']!))).toEqual(
      map.activities.map((a) => ({ 'data-activity': a.name, 'data-count': String(a.count) })).sort(byKey((r) => r['data-activity']!)),
    );
    expect([...(shown.edges as Hooked[])].sort(byKey(edgeKey))).toEqual(
      map.edges
        .map((e) => ({
          'data-edge-from': e.from, 'data-edge-to': e.to, 'data-count': String(e.count),
          'data-median-seconds': String(e.median_seconds), 'data-mean-seconds': String(e.mean_seconds),
        }))
        .sort(byKey(edgeKey)),
    );

    // At 50% the most frequent half stays (rounded up) and every hidden activity is rarer than every shown one.
    const fewer = shown.fewerNodes as Hooked[];
    expect(fewer.length).toBe(Math.ceil(map.activities.length / 2));
    expect(shown.fewerShown).toBe(String(fewer.length));
    const kept = new Set(fewer.map((n) => n['data-activity']));
    const rarestKept = Math.min(...fewer.map((n) => Number(n['data-count'])));
    for (const a of map.activities) if (!kept.has(a.name)) expect(a.count).toBeLessThanOrEqual(rarestKept);

    // The edge's cases, counted from the exported event log: rows are in case and time order.
    const out = join(mkdtempSync(join(tmpdir(), 'ltc-export-')), 'log.csv');
    const exported = ltc(['export', ...db, ...CLI_FILTER, '--format', 'csv', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = Papa.parse<{ case_id: string; activity: string }>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const edge = shown.edge as { from: string; to: string; count: string; total: string; cases: Hooked[] };
    const passing = new Set<string>();
    let times = 0;
    for (let i = 1; i < rows.length; i++) {
      if (rows[i].case_id === rows[i - 1].case_id && rows[i - 1].activity === edge.from && rows[i].activity === edge.to) {
        passing.add(rows[i].case_id);
        times++;
      }
    }
    expect(passing.size).toBeGreaterThan(0);
    expect(edge.total).toBe(String(passing.size));
    expect(edge.count).toBe(String(times));
    for (const c of edge.cases) expect(passing.has(c['data-case']!)).toBe(true);

    const activity = shown.activity as { name: string; total: string; cases: Hooked[] };
    const withActivity = new Set(rows.filter((r) => r.activity === activity.name).map((r) => r.case_id));
    expect(activity.total).toBe(String(withActivity.size));

    const variants = ltcJson<VariantsJson>(['variants', ...db, ...CLI_FILTER]);
    expect(shown.variantFacts).toEqual([
      { 'data-metric': 'cases', 'data-value': String(variants.cases) },
      { 'data-metric': 'variants', 'data-value': String(variants.variants.length) },
    ]);
    expect(shown.variants).toEqual(variants.variants.slice(0, 50).map((v, i) => ({
      'data-variant': String(i + 1), 'data-count': String(v.count), 'data-median-seconds': String(v.median_seconds),
      'data-mean-seconds': String(v.mean_seconds), 'data-activities': v.activities.join(' → '),
    })));
    expect((shown.variantCases as { total: string }).total).toBe(String(variants.variants[1].count));

    const conformance = ltcJson<ConformanceJson>(['conformance', ...db, ...CLI_FILTER]);
    expect(conformance.checks.some((c) => c.n > 0)).toBe(true);
    expect(shown.checks).toEqual(conformance.checks.map((c) => ({
      'data-check': c.id, 'data-value': c.rate === null ? '' : String(c.rate), 'data-count': String(c.count), 'data-n': String(c.n),
    })));

    expect(errors).toEqual([]);
  });
});
