/**
 * The Notebooks page in Chromium: the shipped notebooks listed, one rendered with its prose, tables
 * and charts, its cited numbers equal to `ltc compare`, and the HTML download offered.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importAndRebuild } from '../../app/workspace.ts';
import { compare } from '../../models/compare.ts';
import { CHROMIUM, dashboardSuite, type RunningApp } from '../helpers/browser.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));

describe.skipIf(!CHROMIUM)('Notebooks page in Chromium', () => {
  const suite = dashboardSuite(async (app) => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));
  });
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  it('renders transformation-review with the numbers of `ltc compare`', async () => {
    await page.goto(`${app.url}/notebooks?nb=transformation-review&lang=en`);
    const notebook = page.locator('[data-notebook="transformation-review.md"]');
    await notebook.waitFor({ timeout: 30_000 });
    expect(await notebook.getAttribute('data-problems')).toBe('0');

    const nav = page.getByRole('navigation', { name: 'Notebooks' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      expect.stringContaining('Bottleneck review'), expect.stringContaining('Data quality'), expect.stringContaining('Transformation review'),
    ]);

    const conversion = (await compare(app.db, { cutover: '2025-01-01' })).kpis.find((k) => k.id === 'lead_conversion_rate')!;
    const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
    expect(await page.locator('[data-ref="conv.before"]').first().textContent()).toBe(percent(conversion.before.value!));
    expect(await page.locator('[data-ref="conv.after"]').first().textContent()).toBe(percent(conversion.after.value!));
    expect(await page.locator('[data-block="conversion"]').getAttribute('data-rows')).toBe('2');
    expect(await page.locator('[data-block="conversion"] tbody tr').count()).toBe(2);
    // Hidden blocks are run, not shown.
    expect(await page.locator('[data-block="conv"]').count()).toBe(0);
    await page.locator('[data-chart="monthly_conversion"] svg').first().waitFor();
    expect(await page.locator('[data-chart] svg path[aria-label], [data-chart] svg g[aria-label="line"]').count()).toBeGreaterThan(0);

    const download = page.getByRole('link', { name: 'Download HTML' });
    expect(await download.getAttribute('href')).toBe('/api/notebook.html?name=transformation-review.md');
    const res = await page.request.get(`${app.url}/api/notebook.html?name=transformation-review.md`);
    expect(res.status()).toBe(200);
    expect(await res.text()).not.toMatch(/<script/i);
  });

  it('switches notebooks from the list, keeping the choice in the query string, in Chinese too', async () => {
    await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: /数据质量检查|Data quality/ }).click();
    await page.locator('[data-notebook="data-quality.md"]').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('nb')).toBe('data-quality');
    expect(await page.locator('[data-block="row_counts"]').getAttribute('data-rows')).toBe('8');

    await page.goto(`${app.url}/notebooks?nb=bottleneck-review&lang=zh`);
    await page.locator('[data-notebook="bottleneck-review.md"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-notebook] h2').first().textContent()).toBe('流程瓶颈分析');
    expect(await page.getByRole('link', { name: '下载 HTML' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
