/**
 * Defaults from the data and filters that segment, in Chromium: Before/After on a 2018–2019 world
 * opens at its change point (inside its data, not 2025) and says so; on an opportunity-only export
 * (Maven's shape) the Owner filter holds the agents and is enabled, a field without values says why;
 * on the Salesforce export "+ Filter" and "Split by" offer the columns that segment, the rest by search.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filterStrings } from '../../app/web/src/lib/strings/filters.ts';
import { CHROMIUM, dashboardSuite, settled } from '../helpers/browser.ts';
import { PLANTED_CHANGE, plantedChangeWorld } from '../helpers/dated-world.ts';
import { fixture } from '../helpers/fixtures.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { importAndRebuild } from '../../app/workspace.ts';

async function load(db: Parameters<typeof importAndRebuild>[0], bundle: Record<string, string>): Promise<void> {
  const { paths } = writeBundle(bundle);
  const report = await importAndRebuild(db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
  expect(report.files.filter((f) => f.error)).toEqual([]);
}

describe.skipIf(!CHROMIUM)('Before/After on a 2018–2019 world', () => {
  const suite = dashboardSuite((app) => load(app.db, plantedChangeWorld()));

  it('opens at the change point inside the data, says where it came from, and keeps a chosen date in the link', async () => {
    const { app, page, errors } = suite;
    const asked = page.waitForRequest((req) => req.url().includes('/api/compare/values?'));
    await page.goto(`${app.url}/before-after?lang=en`);
    const source = page.locator('[data-testid="cutover-source"]');
    await source.waitFor({ timeout: 30_000 });
    const input = page.locator('input[name="cutover"]');
    expect(await input.inputValue()).toBe(PLANTED_CHANGE);
    expect(await input.getAttribute('data-source')).toBe('change-point');
    expect(await source.getAttribute('data-source')).toBe('change-point');
    expect(await source.textContent()).toContain(`${PLANTED_CHANGE}, suggested by change-point`);
    expect(new URL((await asked).url()).searchParams.get('cutover')).toBe(PLANTED_CHANGE);
    expect(new URL(page.url()).searchParams.has('cutover')).toBe(false);
    await settled(page);

    await input.fill('2018-10-01');
    await input.dispatchEvent('change');
    await page.waitForURL(/cutover=2018-10-01/);
    expect(await input.getAttribute('data-source')).toBe('chosen');
    await settled(page);
    expect(await page.locator('[data-testid="cutover-source"]').count()).toBe(0);

    await page.goto(`${app.url}/before-after?lang=zh`);
    await source.waitFor({ timeout: 30_000 });
    expect(await source.textContent()).toContain('变点分析建议');
    await settled(page);
    expect(errors).toEqual([]);
  });
});

/** Maven's sales_pipeline.csv shape: 6 agents, 36 opportunities engaged over 2017. */
function mavenPipeline(): string {
  const agents = ['Moses Frase', 'Darcel Schlecht', 'Zane Levy', 'Anna Snelling', 'Vicki Laflamme', 'Kary Hendrixson'];
  const rows = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  for (let i = 0; i < 36; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const won = i % 3 !== 0;
    rows.push(`OP${String(i).padStart(4, '0')},${agents[i % 6]},GTX Basic,Acme ${i % 4},${won ? 'Won' : 'Lost'},2017-${month}-03,2017-${month}-25,${won ? 500 + i : 0}`);
  }
  return `${rows.join('\n')}\n`;
}

describe.skipIf(!CHROMIUM)('filters on an opportunity-only workspace', () => {
  const suite = dashboardSuite((app) => load(app.db, { 'sales_pipeline.csv': mavenPipeline() }));

  it('enable the Owner filter with the agents, and say why a field without values is greyed out', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/overview?lang=en`);
    const owner = page.locator('select[data-filter="owner"]');
    await page.waitForFunction(() => document.querySelectorAll('select[data-filter="owner"] option').length > 1, undefined, { timeout: 30_000 });
    expect(await owner.isDisabled()).toBe(false);
    const agents = (await owner.locator('option').allTextContents()).slice(1);
    expect(agents).toHaveLength(6);
    expect(agents).toContain('Moses Frase (6)');

    const source = page.locator('select[data-filter="source"]');
    expect(await source.isDisabled()).toBe(true);
    expect(await source.getAttribute('data-unavailable')).toBe('no-values');
    expect(await page.locator('label:has(select[data-filter="source"])').getAttribute('title')).toBe(filterStrings.en.noValues.source);

    await owner.selectOption('Zane Levy');
    await page.waitForURL(/owner=Zane\+Levy|owner=Zane%20Levy/);
    await settled(page);
    expect(errors).toEqual([]);
  });
});

const SALESFORCE = ['sf_account_data.csv', 'sf_lead_data.csv', 'sf_opportunity_data.csv', 'sf_opportunity_history_data.csv',
  'sf_opportunity_line_item_data.csv', 'sf_order_data.csv'];

describe.skipIf(!CHROMIUM)('filters on the Salesforce export', () => {
  const suite = dashboardSuite((app) => load(app.db,
    Object.fromEntries(SALESFORCE.map((name) => [name, readFileSync(fixture(`salesforce/${name}`), 'utf8')]))));

  it('offer the columns that segment first and find the others by search', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/funnel?lang=en`);
    await page.getByTestId('add-filter').click();
    const columns = page.locator('select[name="attr-column"]');
    await columns.waitFor();
    const offered = (await columns.locator('option').allTextContents()).slice(1);
    // the order file's recurring columns; no export-tool field, id or constant among them
    expect(offered).toEqual(expect.arrayContaining(['shipping_state', 'shipping_city', 'invoicing_type_c']));
    expect(offered.length).toBeLessThanOrEqual(20);
    expect(offered.some((o) => o.startsWith('_fivetran') || o.includes('·'))).toBe(false);

    await page.getByTestId('filter-column-search').fill('_fivetran');
    const found = (await columns.locator('option').allTextContents()).slice(1);
    // _fivetran_synced, and potential_fivetran_use_case_c (one value on the lead): none of them segments
    expect(found).toEqual(['_fivetran_synced · export-tool field', 'potential_fivetran_use_case_c · one value']);
    await page.keyboard.press('Escape');

    const split = page.locator('select[name="split"]');
    const groups = await split.locator('optgroup option').allTextContents();
    expect(groups).toEqual(expect.arrayContaining(['shipping_state']));
    expect(groups.some((o) => o.startsWith('_fivetran') || o === 'order_number')).toBe(false);
    expect(await split.getByTestId('split-other').count()).toBe(1);
    await settled(page);
    expect(errors).toEqual([]);
  });
});
