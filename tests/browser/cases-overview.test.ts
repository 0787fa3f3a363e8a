import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importAndRebuild } from '../../app/workspace.ts';
import { CHROMIUM, dashboardSuite, type RunningApp, hooks, leaveAndStop } from '../helpers/browser.ts';
import { ltcJson } from '../helpers/cli.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const FILTER = { from: '2024-01-01', to: '2024-12-31', source: 'Website' };
const FILTER_QUERY = new URLSearchParams(FILTER).toString();
const CLI_FILTER = ['--from', FILTER.from, '--to', FILTER.to, '--where', `source=${FILTER.source}`];

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

interface CaseRowJson { case_id: string; days: number; current_milestone: string | null }
interface CasesJson { total: number; cases: CaseRowJson[] }
interface CaseJson { case: CaseRowJson; events: unknown[] }
interface KpisJson { kpis: { id: string; value: number | null }[] }
interface TrendsJson { measures: { id: string; available: boolean; points: { value: number | null }[] }[] }
interface BottlenecksJson { bottleneck: { transition: string; total_days: number } | null }
interface LinksJson {
  orders: Record<string, number | null>;
  orphans: { table: string; kind: string; count: number }[];
  dangling: { table: string; field: string; count: number }[];
}
interface DsoJson { headline: { month: string; dso: number } | null; months: { month: string; dso: number | null; thin: boolean }[] }
interface AgingJson { buckets: { id: string; open_amount: number; count: number }[] }

describe.skipIf(!CHROMIUM)('Cases page and Overview additions in Chromium equal the CLI', () => {
  const shown: Record<string, unknown> = {};

  const suite = dashboardSuite();
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  it('shows an empty state that points to Import on both pages of an empty workspace', async () => {
    for (const path of ['/cases', '/overview', '/cases?case=L000001']) {
      await page.goto(`${app.url}${path}`);
      const empty = page.getByRole('status').filter({ hasText: /import/i }).first();
      await empty.waitFor({ timeout: 30_000 });
      expect(await empty.locator('a[href^="/import"]').count()).toBe(1);
    }
    expect(errors).toEqual([]);
  });

  it('lists the filtered cases slowest first and opens a case timeline from the list', async () => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));

    await page.goto(`${app.url}/cases?${FILTER_QUERY}`);
    const rows = page.locator('[data-testid="cases-list"] tr[data-case]');
    await rows.first().waitFor({ timeout: 30_000 });
    shown.slowest = await caseRows(page);
    shown.total = await page.locator('[data-metric="cases_total"]').getAttribute('data-value');

    // Clicking a row opens its timeline, with the case in the URL.
    const first = (shown.slowest as { id: string }[])[0].id;
    await rows.first().locator('a').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('case')).toBe(first);
    const timeline = page.locator(`[data-testid="case-timeline"][data-case="${first}"]`);
    await timeline.waitFor({ timeout: 30_000 });
    await timeline.locator('svg').first().waitFor();
    shown.timeline = {
      id: first,
      days: await timeline.locator('[data-metric="case_days"]').getAttribute('data-value'),
      milestone: await timeline.locator('[data-metric="case_current_milestone"]').getAttribute('data-value'),
      events: await timeline.locator('[data-testid="case-events"] tbody tr').count(),
    };

    // Sort and page come from the query string; the search box writes it.
    await page.goto(`${app.url}/cases?${FILTER_QUERY}&sort=newest&page=2`);
    await page.locator('[data-testid="cases-list"][aria-busy="false"] tr[data-case]').first().waitFor({ timeout: 30_000 });
    shown.newestPage2 = await caseRows(page);

    const wanted = (shown.newestPage2 as { id: string }[])[3].id;
    await page.getByTestId('cases-search').fill(wanted);
    await expect.poll(() => new URL(page.url()).searchParams.get('search'), { timeout: 10_000 }).toBe(wanted);
    // Once the list has the search's answer (fewer cases than the whole filtered list), it holds the case.
    const settled = page.locator('[data-testid="cases-list"][aria-busy="false"] [data-metric="cases_total"]');
    await expect.poll(() => settled.getAttribute('data-value', { timeout: 1_000 }).catch(() => null), { timeout: 30_000 })
      .not.toBe(shown.total);
    expect((await caseRows(page)).map((r) => r.id)).toContain(wanted);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    shown.searched = await caseRows(page);
    shown.search = wanted;
  });

  it('shows sparklines, the bottleneck, link quality and receivables on the Overview', async () => {
    await page.goto(`${app.url}/overview?${FILTER_QUERY}`);
    await page.locator('[data-trend]').nth(4).waitFor({ timeout: 30_000 });
    await page.locator('[data-metric="bottleneck"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="link-quality"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="finance"]').waitFor({ timeout: 30_000 });
    shown.kpis = await hooks(page, '[data-kpi]', ['data-kpi', 'data-value']);
    shown.trends = await hooks(page, '[data-trend]', ['data-trend', 'data-points']);
    shown.bottleneck = await hooks(page, '[data-metric="bottleneck"], [data-transition]', ['data-metric', 'data-transition', 'data-value']);
    shown.links = await hooks(page, '[data-testid="link-quality"] [data-metric]', ['data-metric', 'data-value']);
    shown.orphans = await hooks(page, '[data-orphan]', ['data-orphan', 'data-value']);
    shown.dangling = await hooks(page, '[data-dangling]', ['data-dangling', 'data-value']);
    shown.dso = await hooks(page, '[data-metric="dso"]', ['data-month', 'data-value']);
    shown.dsoThin = await hooks(page, '[data-testid="dso-thin-note"]', ['data-thin-months']);
    shown.aging = await hooks(page, '[data-metric^="aging."]', ['data-metric', 'data-value', 'data-count']);
    expect(await page.locator('a[href^="/bottlenecks"]').count()).toBeGreaterThan(0);

    // The same page in Chinese renders without errors.
    await page.goto(`${app.url}/overview?${FILTER_QUERY}&lang=zh`);
    await page.locator('[data-testid="finance"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('h1').textContent()).toBe('概览');
    await page.waitForLoadState('networkidle');
  });

  it('shows exactly the numbers of the CLI for the same filters, without console errors', async () => {
    await leaveAndStop(page, app);
    const db = ['--db', app.dbPath];

    const slowest = ltcJson<CasesJson>(['cases', ...db, ...CLI_FILTER, '--limit', '50']);
    expect(shown.total).toBe(String(slowest.total));
    expect(shown.slowest).toEqual(slowest.cases.map(row));
    expect(slowest.cases.length).toBeGreaterThan(10);

    const newest = ltcJson<CasesJson>(['cases', ...db, ...CLI_FILTER, '--sort', 'newest', '--limit', '50', '--offset', '50']);
    expect(shown.newestPage2).toEqual(newest.cases.map(row));

    const searched = ltcJson<CasesJson>(['cases', ...db, ...CLI_FILTER, '--search', String(shown.search), '--limit', '50']);
    expect(shown.searched).toEqual(searched.cases.map(row));

    const timeline = shown.timeline as { id: string };
    const one = ltcJson<CaseJson>(['case', ...db, timeline.id]);
    expect(shown.timeline).toEqual({
      id: one.case.case_id, days: String(one.case.days), milestone: one.case.current_milestone ?? '', events: one.events.length,
    });

    const kpis = ltcJson<KpisJson>(['kpis', ...db, ...CLI_FILTER]);
    expect(shown.kpis).toEqual(kpis.kpis.map((k) => ({ 'data-kpi': k.id, 'data-value': text(k.value) })));

    const trends = ltcJson<TrendsJson>(['trends', ...db, ...CLI_FILTER]);
    expect(shown.trends).toEqual(trends.measures.filter((m) => m.available).map((m) => ({
      'data-trend': m.id, 'data-points': m.points.map((p) => text(p.value)).join(','),
    })));

    const { bottleneck } = ltcJson<BottlenecksJson>(['bottlenecks', ...db, ...CLI_FILTER]);
    expect(bottleneck).not.toBeNull();
    expect(shown.bottleneck).toEqual([
      { 'data-metric': 'bottleneck', 'data-transition': null, 'data-value': bottleneck!.transition },
      { 'data-metric': null, 'data-transition': bottleneck!.transition, 'data-value': String(bottleneck!.total_days) },
    ]);

    const links = ltcJson<LinksJson>(['links', ...db, ...CLI_FILTER]);
    const linkMetrics = Object.fromEntries((shown.links as { 'data-metric': string; 'data-value': string }[])
      .map((m) => [m['data-metric'], m['data-value']]));
    expect(linkMetrics.orders_traced_to_lead_share).toBe(text(links.orders.traced_to_lead_share));
    for (const way of ['through_opportunity', 'through_lead_opportunity_id', 'through_lead_id', 'opportunity_only', 'untraced']) {
      expect(linkMetrics[`orders_${way}`]).toBe(text(links.orders[way]));
    }
    expect(shown.orphans).toEqual(links.orphans.map((o) => ({ 'data-orphan': `${o.table}.${o.kind}`, 'data-value': String(o.count) })));
    expect(shown.dangling).toEqual(links.dangling.filter((d) => d.count > 0)
      .map((d) => ({ 'data-dangling': `${d.table}.${d.field}`, 'data-value': String(d.count) })));

    const dso = ltcJson<DsoJson>(['dso', ...db, ...CLI_FILTER]);
    // The headline is the latest month that is not thin (little invoiced), or none.
    const headline = dso.headline;
    expect(shown.dso).toEqual([headline ? { 'data-month': headline.month, 'data-value': String(headline.dso) } : { 'data-month': null, 'data-value': '' }]);
    const thin = dso.months.filter((m) => m.thin).length;
    expect(shown.dsoThin).toEqual(thin > 0 ? [{ 'data-thin-months': String(thin) }] : []);

    const aging = ltcJson<AgingJson>(['aging', ...db, '--where', `source=${FILTER.source}`]);
    expect(shown.aging).toEqual(aging.buckets.map((b) => ({
      'data-metric': `aging.${b.id}`, 'data-value': String(b.open_amount), 'data-count': String(b.count),
    })));

    expect(errors).toEqual([]);
  });
});

function row(c: CaseRowJson) {
  return { id: c.case_id, days: String(c.days), milestone: c.current_milestone ?? '' };
}

async function caseRows(page: Page) {
  const rows = await hooks(page, '[data-testid="cases-list"] tr[data-case]', ['data-case']);
  const days = await hooks(page, '[data-testid="cases-list"] tr[data-case] [data-metric="days"]', ['data-value']);
  const milestones = await hooks(page, '[data-testid="cases-list"] tr[data-case] [data-metric="current_milestone"]', ['data-value']);
  return rows.map((r, i) => ({ id: r['data-case'], days: days[i]['data-value'], milestone: milestones[i]['data-value'] }));
}
