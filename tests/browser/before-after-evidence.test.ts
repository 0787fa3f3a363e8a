/**
 * The Before/After page's evidence in Chromium (docs/statistics.md, docs/api.md): every p-value, interval, Kaplan–Meier
 * and mix hook equals the CLI's JSON for the same cut-over (`ltc compare|survival|mix|change-point
 * --json`), in English and Chinese, and the suggested cut-over can be applied.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importAndRebuild } from '../../app/workspace.ts';
import { CHROMIUM, dashboardSuite, hooks, type RunningApp, settled, leaveAndStop } from '../helpers/browser.ts';
import { ltcJson } from '../helpers/cli.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const CUTOVER = '2025-01-01';
const OTHER_CUTOVER = '2024-07-01';

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

interface CompareJson {
  kpis: { id: string; p_value: number | null; ci95: [number, number] | null; test: string; before: { value: number | null }; after: { value: number | null } }[];
}
interface CurveJson { n: number; events: number; censored: number; median_days: number | null; share_by: Record<'30' | '60' | '90', number> }
interface SurvivalJson {
  curves: { id: string; before: CurveJson; after: CurveJson; log_rank: { chi2: number; p_value: number } | null }[];
}
interface MixJson {
  by: string;
  kpis: { id: string; pooled_change_pct: number | null; adjusted_change_pct: number | null; adjusted_after: number | null; simpson: boolean }[];
  strata: { value: string | null; kpis: { id: string; before: number | null; after: number | null; n_before: number; n_after: number }[] }[];
}
interface ChangePointJson {
  suggested_cutover: string | null;
  measures: { id: string; chosen: { explained: number } | null }[];
}
interface TrendsJson { measures: { id: string; points: { value: number | null }[] }[] }

const ROW_HOOKS = ['data-compare-row', 'data-p-value', 'data-ci-lo', 'data-ci-hi', 'data-test'];
const KM_HOOKS = ['data-km', 'data-p-value', 'data-chi2'];
const MIX_HOOKS = ['data-mix-row', 'data-pooled-change', 'data-adjusted-change', 'data-adjusted-after', 'data-simpson'];

/** Per Kaplan–Meier panel and period: n, events, censored, median and the shares by day 30/60/90. */
function kmPeriods(page: Page) {
  return page.locator('[data-km] tr[data-km-period]').evaluateAll((rows) => rows.map((r) => ({
    id: r.closest('[data-km]')?.getAttribute('data-km'),
    period: r.getAttribute('data-km-period'),
    n: r.getAttribute('data-n'), events: r.getAttribute('data-events'), censored: r.getAttribute('data-censored'),
    median: r.getAttribute('data-median'),
    shares: [...r.querySelectorAll('[data-km-share]')].map((c) => `${c.getAttribute('data-km-share')}=${c.getAttribute('data-value')}`).join(' '),
  })));
}

/** Every cell of the per-group table: group, measure, before, after and their n. */
function strataCells(page: Page) {
  return page.locator('tr[data-stratum] [data-stratum-kpi]').evaluateAll((cells) => cells.map((c) => [
    c.closest('tr')?.getAttribute('data-stratum'), c.getAttribute('data-stratum-kpi'), c.getAttribute('data-before'),
    c.getAttribute('data-after'), c.getAttribute('data-n-before'), c.getAttribute('data-n-after'),
  ].join('|')));
}

/** Waits for every panel of the page to show its data. */
async function evidenceShown(page: Page, by: string): Promise<void> {
  await page.locator('tr[data-compare-row]').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-km] figure svg').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-trend-chart] figure svg').first().waitFor({ timeout: 30_000 });
  await page.locator(`[data-mix-by="${by}"] tr[data-mix-row]`).first().waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="suggested-cutover"] .num').waitFor({ timeout: 30_000 });
  await settled(page);
}

describe.skipIf(!CHROMIUM)('Before/After evidence in Chromium equals the CLI', () => {
  const shown: Record<string, unknown> = {};

  const suite = dashboardSuite();
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  it('shows an empty state that points to Import on an empty workspace, in both languages', async () => {
    for (const lang of ['en', 'zh']) {
      await page.goto(`${app.url}/before-after?lang=${lang}`);
      const empty = page.getByRole('status').filter({ has: page.locator('a[href^="/import"]') }).first();
      await empty.waitFor({ timeout: 30_000 });
      expect(await empty.locator('a[href^="/import"]').count()).toBe(1);
      expect(await page.locator('tr[data-compare-row]').count()).toBe(0);
    }
  });

  it('shows the table with its evidence, the suggested cut-over, the curves and the mix', async () => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));

    await page.goto(`${app.url}/before-after?cutover=${CUTOVER}`);
    await evidenceShown(page, 'source');
    shown.rows = await hooks(page, 'tr[data-compare-row]', ROW_HOOKS);
    shown.values = await hooks(page, '[data-kpi][data-period]', ['data-kpi', 'data-period', 'data-value']);
    shown.km = await hooks(page, '[data-km]', KM_HOOKS);
    shown.kmPeriods = await kmPeriods(page);
    shown.mixSource = await hooks(page, 'tr[data-mix-row]', MIX_HOOKS);
    shown.strataSource = await strataCells(page);
    shown.trends = await hooks(page, '[data-trend-chart]', ['data-trend-chart', 'data-points']);
    const suggestion = page.getByTestId('suggested-cutover');
    shown.suggested = await suggestion.getAttribute('data-value');
    shown.suggestionText = await suggestion.textContent();
    // Every row carries a significance marker and names its test.
    expect(await page.locator('tr[data-compare-row] .sig').count()).toBe((shown.rows as unknown[]).length);

    // The strata key is page state: by=owner in the URL, the owner table on screen.
    await page.locator('[data-choice="mix-by:owner"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('owner');
    await page.locator('[data-mix-by="owner"] tr[data-mix-row]').first().waitFor({ timeout: 60_000 });
    await settled(page);
    shown.mixOwner = await hooks(page, 'tr[data-mix-row]', MIX_HOOKS);
    shown.strataOwner = await strataCells(page);

    // The same numbers in Chinese, with the explanation of censoring.
    await page.goto(`${app.url}/before-after?cutover=${CUTOVER}&by=owner&lang=zh`);
    await evidenceShown(page, 'owner');
    expect(await page.locator('h1').textContent()).toBe('优化前后对比');
    expect(await page.locator('.why').textContent()).toContain('尚未完成的线索');
    expect(await hooks(page, 'tr[data-compare-row]', ROW_HOOKS)).toEqual(shown.rows);
    expect(await hooks(page, '[data-km]', KM_HOOKS)).toEqual(shown.km);
    expect(await hooks(page, 'tr[data-mix-row]', MIX_HOOKS)).toEqual(shown.mixOwner);

    // Another cut-over: the suggestion is offered and, applied, becomes the cut-over in the URL.
    await page.goto(`${app.url}/before-after?cutover=${OTHER_CUTOVER}`);
    await evidenceShown(page, 'source');
    shown.otherRows = await hooks(page, 'tr[data-compare-row]', ROW_HOOKS);
    await page.getByTestId('apply-suggested-cutover').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cutover')).toBe(shown.suggested);
    await expect.poll(() => page.getByTestId('apply-suggested-cutover').count()).toBe(0);
    await settled(page);
    shown.appliedRows = await hooks(page, 'tr[data-compare-row]', ROW_HOOKS);
  });

  it('offers the printable report of the view as a download', async () => {
    await page.goto(`${app.url}/before-after?cutover=${CUTOVER}&exclude=7&lang=zh`);
    const href = await page.getByTestId('report-download').getAttribute('href');
    const query = new URLSearchParams(href!.split('?')[1]);
    expect([query.get('cutover'), query.get('exclude_days'), query.get('lang')]).toEqual([CUTOVER, '7', 'zh']);
    const response = await fetch(`${app.url}${href}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const html = await response.text();
    expect(html).toContain('<th>指标</th><th>优化前</th><th>优化后</th><th>提升幅度</th>');
    expect(html).toContain('剔除切换后前 7 天');
  });

  it('shows the table\'s values before its evidence has come, then the evidence', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const evidenceRequest = (url: URL) => url.pathname === '/api/compare/evidence';
    await page.route(evidenceRequest, async (route) => { await held; await route.continue(); });
    try {
      // A question not asked before (another window): nothing kept answers it.
      await page.goto(`${app.url}/before-after?cutover=${CUTOVER}&window=45`);
      const rows = page.locator('tr[data-compare-row]');
      await rows.first().waitFor({ timeout: 30_000 });
      const count = await rows.count();
      expect(count).toBeGreaterThan(0);
      expect(await rows.first().evaluate((row) => row.closest('.stale') === null)).toBe(true);
      expect(await page.locator('tr[data-compare-row][data-evidence="testing"]').count()).toBe(count);
      expect(await page.locator('tr[data-compare-row] .sig').count()).toBe(0);
      expect((await hooks(page, '[data-kpi][data-period]', ['data-value'])).some((h) => h['data-value'] !== '')).toBe(true);
      release();
      await expect.poll(() => page.locator('tr[data-compare-row][data-evidence="shown"]').count(), { timeout: 30_000 }).toBe(count);
      expect(await page.locator('tr[data-compare-row] .sig').count()).toBe(count);
    } finally {
      release();
      await page.unroute(evidenceRequest);
    }
    await settled(page);
  });

  it('shows exactly the numbers of the CLI, without console errors', async () => {
    await leaveAndStop(page, app);
    const db = ['--db', app.dbPath];

    const compare = ltcJson<CompareJson>(['compare', ...db, '--cutover', CUTOVER]);
    const expectRows = (c: CompareJson) => c.kpis.map((k) => ({
      'data-compare-row': k.id, 'data-p-value': text(k.p_value), 'data-ci-lo': text(k.ci95?.[0]),
      'data-ci-hi': text(k.ci95?.[1]), 'data-test': k.test,
    }));
    expect(shown.rows).toEqual(expectRows(compare));
    expect(compare.kpis.every((k) => k.p_value !== null && k.ci95 !== null)).toBe(true);
    expect(shown.values).toEqual(compare.kpis.flatMap((k) => [
      { 'data-kpi': k.id, 'data-period': 'before', 'data-value': text(k.before.value) },
      { 'data-kpi': k.id, 'data-period': 'after', 'data-value': text(k.after.value) },
    ]));
    expect(shown.otherRows).toEqual(expectRows(ltcJson<CompareJson>(['compare', ...db, '--cutover', OTHER_CUTOVER])));

    const survival = ltcJson<SurvivalJson>(['survival', ...db, '--cutover', CUTOVER]);
    expect(shown.km).toEqual(survival.curves.map((c) => ({
      'data-km': c.id, 'data-p-value': text(c.log_rank?.p_value), 'data-chi2': text(c.log_rank?.chi2),
    })));
    expect(shown.kmPeriods).toEqual(survival.curves.flatMap((c) => (['before', 'after'] as const).map((period) => ({
      id: c.id, period, n: String(c[period].n), events: String(c[period].events), censored: String(c[period].censored),
      median: text(c[period].median_days),
      shares: (['30', '60', '90'] as const).map((d) => `${d}=${c[period].share_by[d]}`).join(' '),
    }))));

    for (const [by, rows, strata] of [['source', shown.mixSource, shown.strataSource], ['owner', shown.mixOwner, shown.strataOwner]] as const) {
      const mix = ltcJson<MixJson>(['mix', ...db, '--cutover', CUTOVER, '--by', by]);
      expect(rows).toEqual(mix.kpis.map((k) => ({
        'data-mix-row': k.id, 'data-pooled-change': text(k.pooled_change_pct), 'data-adjusted-change': text(k.adjusted_change_pct),
        'data-adjusted-after': text(k.adjusted_after), 'data-simpson': String(k.simpson),
      })));
      expect(strata).toEqual(mix.strata.flatMap((s) => mix.kpis.map((m) => {
        const v = s.kpis.find((k) => k.id === m.id)!;
        return [s.value ?? '', m.id, text(v.before), text(v.after), v.n_before, v.n_after].join('|');
      })));
    }

    const changePoint = ltcJson<ChangePointJson>(['change-point', ...db, '--cutover', CUTOVER]);
    expect(changePoint.suggested_cutover).not.toBeNull();
    expect(shown.suggested).toBe(changePoint.suggested_cutover);
    expect(shown.appliedRows).toEqual(expectRows(ltcJson<CompareJson>(['compare', ...db, '--cutover', changePoint.suggested_cutover!])));
    const atSuggested = ltcJson<ChangePointJson>(['change-point', ...db, '--cutover', changePoint.suggested_cutover!]);
    const scores = atSuggested.measures.flatMap((m) => (m.chosen ? [m.chosen.explained] : []));
    const share = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100);
    expect(shown.suggestionText).toContain(`${share}%`);

    const trends = ltcJson<TrendsJson>(['trends', ...db, '--by', 'month']);
    expect(shown.trends).toEqual(compare.kpis.map((k) => ({
      'data-trend-chart': k.id,
      'data-points': trends.measures.find((m) => m.id === k.id)!.points.map((p) => text(p.value)).join(','),
    })));

    expect(errors).toEqual([]);
  });
});
