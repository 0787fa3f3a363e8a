/**
 * The Data quality page in Chromium: a clean workspace says "no problems found"; with the planted
 * records (tests/helpers/quality-world.ts) it lists the failing checks with their counts, folds the
 * others, expands a check to its records, and a record's case link opens that case. The Overview's
 * DSO marks thin months (tests/helpers/dso-thin-world.ts) and keeps them out of its headline.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM, dashboardSuite, hooks, settled } from '../helpers/browser.ts';
import { dsoThinWorld } from '../helpers/dso-thin-world.ts';
import { cleanWorld, plantedWorld } from '../helpers/quality-world.ts';
import { writeBundle, type Bundle } from '../helpers/workspace.ts';
import type { RunningApp } from '../helpers/browser.ts';
import { importAndRebuild } from '../../app/workspace.ts';

async function load(app: RunningApp, bundle: Bundle): Promise<void> {
  const { paths } = writeBundle(bundle);
  const report = await importAndRebuild(app.db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
  expect(report.files.filter((f) => f.error)).toEqual([]);
}

/** The planted counts, worked out by hand in tests/models/quality.test.ts. */
const PLANTED: Record<string, number> = {
  order_before_lead: 1, order_before_opportunity: 1, quote_before_opportunity: 1, delivery_before_order: 1,
  invoice_before_order: 1, payment_before_invoice: 1, lead_step_before_created: 2, opportunity_closed_before_created: 1,
  duration_over_ten_years: 1, date_in_future: 1, date_before_1990: 3, payment_above_invoice: 1,
};

describe.skipIf(!CHROMIUM)('Data quality page', () => {
  const suite = dashboardSuite((app) => load(app, cleanWorld));

  it('says that no problems were found in a clean workspace', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/quality?lang=en`);
    const clean = page.getByTestId('quality-clean');
    await clean.waitFor({ timeout: 30_000 });
    expect(await clean.getByRole('status').textContent()).toMatch(/No problems found/);
    expect(await page.locator('details[data-check]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lists the failing checks with their counts and opens a case from a record', async () => {
    const { app, page, errors } = suite;
    await load(app, plantedWorld);
    await page.goto(`${app.url}/quality?lang=en`);
    const summary = page.getByTestId('quality-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await hooks(page, '[data-testid="quality-summary"]', ['data-problems', 'data-failing']))
      .toEqual([{ 'data-problems': '15', 'data-failing': '12' }]);
    const shown = await hooks(page, 'details[data-check]', ['data-check', 'data-count']);
    expect(Object.fromEntries(shown.map((c) => [c['data-check'], Number(c['data-count'])]))).toEqual(PLANTED);
    // The most findings first.
    expect(shown[0]['data-check']).toBe('date_before_1990');
    // Every check found something here, so nothing is folded away as passed.
    expect(await page.getByTestId('quality-passed').count()).toBe(0);

    const check = page.locator('details[data-check="order_before_lead"]');
    await check.locator('summary').click();
    const record = check.locator('tr[data-record="orders/SO2"]');
    await record.waitFor();
    expect(await record.locator('td[data-value]').getAttribute('data-value')).toBe('-30');
    expect(await record.textContent()).toMatch(/30\.0 days before/);
    await page.screenshot({ path: 'test-results/screenshots/quality-en-planted.png', fullPage: true });

    await record.locator('a.case-link').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/cases');
    expect(new URL(page.url()).searchParams.get('case')).toBe('L2');
    await page.locator('[data-testid="case-timeline"][data-case="L2"]').waitFor({ timeout: 30_000 });
    await settled(page);
    expect(errors).toEqual([]);
  });

  it('reads in Chinese, a record in no case said so', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/quality?lang=zh`);
    await page.getByTestId('quality-summary').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('h1').textContent()).toBe('数据质量');
    const early = page.locator('details[data-check="date_before_1990"]');
    expect(await early.locator('summary').textContent()).toMatch(/1990 年之前的日期/);
    await early.locator('summary').click();
    const orphan = early.locator('tr[data-record="invoices/I13"]');
    await orphan.waitFor();
    expect(await orphan.textContent()).toMatch(/不属于任何案例/);
    expect(await orphan.locator('a').count()).toBe(0);
    await page.screenshot({ path: 'test-results/screenshots/quality-zh-planted.png', fullPage: true });
    await settled(page);
    expect(errors).toEqual([]);
  });

  it('fits a tablet with every check open: the records scroll in their card, the page does not', async () => {
    const { app, page, errors } = suite;
    await page.setViewportSize({ width: 820, height: 1180 });
    try {
      await page.goto(`${app.url}/quality?lang=en`);
      await page.getByTestId('quality-summary').waitFor({ timeout: 30_000 });
      await page.locator('details[data-check]').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
      await page.locator('tr[data-record="leads/L9"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await settled(page);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!CHROMIUM)('DSO on the Overview marks thin months', () => {
  const suite = dashboardSuite((app) => load(app, dsoThinWorld()));

  it('keeps March (little invoiced) and May (two invoices) out of the headline and draws them hollow', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/overview?lang=en`);
    await page.getByTestId('finance').locator('svg').first().waitFor({ timeout: 30_000 });
    await settled(page);
    // The latest month that is not thin is April: 30,000 open ÷ 30,000 invoiced × 30 days.
    expect(await hooks(page, '[data-metric="dso"]', ['data-month', 'data-value'])).toEqual([{ 'data-month': '2025-04', 'data-value': '30' }]);
    expect(await page.getByTestId('dso-thin-note').getAttribute('data-thin-months')).toBe('2');
    // January, February, April on the scale; March (418.5) and May (232.5) above it, as hollow triangles.
    expect(await page.locator('g.dso-month > *').count()).toBe(3);
    expect(await page.locator('g.dso-off-scale > *').count()).toBe(2);
    const table = page.getByTestId('finance').locator('table[data-chart-table] tbody tr');
    expect(await table.nth(2).textContent()).toMatch(/2025-03.*418\.5 days \(thin\).*20/);
    await page.getByTestId('finance').screenshot({ path: 'test-results/screenshots/dso-thin-en.png' });
    expect(errors).toEqual([]);
  });
});
