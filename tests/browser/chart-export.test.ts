/**
 * Issue 7 "Export": every Plot chart of the dashboard offers its picture as SVG and PNG. On the
 * Overview of the sample data, each chart's buttons are reachable by keyboard and labelled in the
 * page's language; the SVG download is the chart drawn on the page (standalone, same marks and
 * texts), the PNG a real image twice its size.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, dashboardSuite, leaveAndStop, settled } from '../helpers/browser.ts';
import { importAndRebuild } from '../../app/workspace.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));

describe.skipIf(!CHROMIUM)('chart export in Chromium', () => {
  const suite = dashboardSuite(async (app) => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));
  });

  it('downloads the DSO chart of the Overview as the SVG on the page and as a PNG twice its size', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/overview`);
    await settled(page);
    const figure = page.locator('figure', { has: page.locator('[data-export="svg"]') }).filter({ hasText: /DSO|days/i }).first();
    await figure.waitFor();
    const charts = await page.locator('[data-export="svg"]').count();
    expect(charts).toBeGreaterThan(3);

    const label = await figure.getAttribute('aria-label');
    // For screen readers: a caption with a sentence and a table of every month the chart draws.
    const dso = await (await fetch(`${app.url}/api/dso`)).json() as { months: { month: string; dso: number | null }[] };
    const hidden = figure.locator('[data-chart-table]');
    expect(await hidden.locator('tbody tr').count()).toBe(dso.months.length);
    expect(await hidden.locator('tbody tr').first().locator('td').first().textContent()).toBe(dso.months[0].month);
    expect(await hidden.locator('caption').textContent()).toMatch(/^DSO by month\. \d+ values: lowest .+, highest .+, latest .+\.$/);
    const onPage = await figure.locator('svg').evaluateAll((svgs) => {
      const main = svgs.sort((a, b) => b.getBoundingClientRect().width * b.getBoundingClientRect().height
        - a.getBoundingClientRect().width * a.getBoundingClientRect().height)[0];
      return { marks: main.querySelectorAll('path, rect, circle, line').length, texts: [...main.querySelectorAll('text')].map((t) => t.textContent), width: Math.ceil(main.getBoundingClientRect().width) };
    });
    expect(onPage.marks).toBeGreaterThan(0);

    // By keyboard: the button takes the focus and Enter saves.
    await figure.locator('[data-export="svg"]').focus();
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
    const markup = readFileSync((await svgFile.path())!, 'utf8');
    expect(markup.startsWith('<svg')).toBe(true);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toContain(`width="${onPage.width}"`);
    for (const text of onPage.texts.filter(Boolean)) expect(markup).toContain(text!.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    expect((markup.match(/<(path|rect|circle|line)\b/g) ?? []).length).toBe(onPage.marks);
    expect(label).toBeTruthy();

    await figure.hover();
    const [pngFile] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-export="png"]').click()]);
    expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync((await pngFile.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width at byte 16, big-endian — twice the chart's width on the page.
    expect(png.readUInt32BE(16)).toBe(onPage.width * 2);
    expect(errors).toEqual([]);
  });

  it('switches to the dark theme, keeps it on reload, and exports charts in its colours with no variable left', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/overview`);
    await settled(page);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const switcher = page.getByTestId('theme-switch');
    expect(await switcher.getAttribute('aria-pressed')).toBe('false');
    await switcher.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(dark);

    const figure = page.locator('figure', { has: page.locator('[data-export="svg"]') }).first();
    await figure.hover();
    const [file] = await Promise.all([page.waitForEvent('download'), figure.locator('[data-export="svg"]').click()]);
    const markup = readFileSync((await file.path())!, 'utf8');
    expect(markup).not.toContain('var(');
    // Text in the page's dark-theme ink, written into the file.
    const ink = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--chart-ink').trim());
    expect(ink).toBe('#c5cad4');
    expect(markup).toMatch(/color: rgb\(197, 202, 212\)|fill="rgb\(197, 202, 212\)"/);

    await switcher.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(errors).toEqual([]);
  });

  it('downloads the transitions table of Bottlenecks as CSV: its header, every row, exact numbers', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/bottlenecks`);
    await settled(page);
    const wrapper = page.locator('.table-export', { has: page.locator('table.transitions') });
    const table = wrapper.locator('table');
    const shown = await table.evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.dataset.value ?? c.innerText.replace(/\s+/g, ' ').trim())));
    expect(shown.length).toBeGreaterThan(3);
    await wrapper.hover();
    const [file] = await Promise.all([page.waitForEvent('download'), wrapper.locator('[data-export="csv"]').click()]);
    expect(file.suggestedFilename()).toBe('transitions.csv');
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(shown.length);
    expect(lines[0].split(',')).toEqual(shown[0]);
    // The first transition's name, as the page shows it.
    expect(lines[1].startsWith(shown[1][0])).toBe(true);
    expect(errors).toEqual([]);
  });

  it('labels the buttons in Chinese on the Chinese page', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/overview?lang=zh`);
    await settled(page);
    const button = page.locator('[data-export="png"]').first();
    await button.waitFor();
    expect(await button.getAttribute('aria-label')).toMatch(/^下载此图表为 PNG/);
    await leaveAndStop(page, app);
    expect(errors).toEqual([]);
  });
});
