/**
 * Issue 7 "Done when": every page works on an empty workspace, on the sample data and on a real
 * fixture log, in both languages, without console errors. Each page is opened in English and
 * Chinese; its heading is the navigation's name for it in that language; an empty workspace
 * shows a note that links to Import (the Import and Notebooks pages excepted: they work empty);
 * no page is wider than the window at 1280 px or on a tablet (820 px); each page is screenshotted to
 * test-results/screenshots/ (the CI artifact). `npm run screenshots`
 * (LTC_README_SHOTS=1) also writes the README's pictures to tests/browser/screenshots/.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../app/web/src/lib/routes.ts';
import { textFor } from '../../app/web/src/lib/i18n.ts';
import { CHROMIUM, dashboardSuite, settled } from '../helpers/browser.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild } from '../../app/workspace.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(ROOT, 'sample-data/bundle');
const SHOTS = join(ROOT, 'test-results/screenshots');
const LOG = 'eventlogs/running-example.xes';
const needsLog = needsShared('every page on the pm4py log', [LOG]);
const LANGS = ['en', 'zh'] as const;
const WORKS_EMPTY = new Set(['import', 'notebooks']);
/** The README's pictures: sample data, page, language. */
const README_SHOTS = new Set(['sample-en-overview', 'sample-zh-beforeAfter', 'sample-en-bottlenecks', 'sample-en-processMap', 'sample-zh-funnel', 'sample-en-variants']);
const README_DIR = join(ROOT, 'tests/browser/screenshots');

describe.skipIf(!CHROMIUM)('every page, both languages, in Chromium', () => {
  const suite = dashboardSuite(async () => {
    mkdirSync(SHOTS, { recursive: true });
  });

  /** How many pixels the page is wider than the window (0: no sideways scrolling). */
  const pageOverflow = () => suite.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  async function visit(path: string, lang: string, shot: string): Promise<string> {
    const { app, page } = suite;
    await page.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    await settled(page);
    const heading = (await page.locator('main h1, h1').first().textContent())?.trim() ?? '';
    await page.screenshot({ path: join(SHOTS, `${shot}.png`) });
    if (process.env.LTC_README_SHOTS && README_SHOTS.has(shot)) {
      mkdirSync(README_DIR, { recursive: true });
      await page.screenshot({ path: join(README_DIR, `${shot}.jpg`), type: 'jpeg', quality: 82 });
    }
    return heading;
  }

  it('shows each page of an empty workspace with its name and, where data is needed, a way to Import', async () => {
    const { app, page, errors } = suite;
    for (const lang of LANGS) {
      const text = textFor(lang);
      for (const route of ROUTES) {
        const heading = await visit(route.path, lang, `empty-${lang}-${route.key}`);
        expect(heading, `${route.path} (${lang})`).toContain(text.nav[route.key]);
        if (!WORKS_EMPTY.has(route.key)) {
          const note = page.getByRole('status').filter({ has: page.locator('a[href^="/import"]') }).first();
          expect(await note.count(), `${route.path} (${lang}) points to Import`).toBe(1);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('shows each page of the sample data in both languages, named in that language', async () => {
    const { app, page, errors } = suite;
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    const report = await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));
    expect(report.files.every((f) => !f.error)).toBe(true);
    for (const lang of LANGS) {
      const text = textFor(lang);
      for (const route of ROUTES) {
        const query = route.key === 'beforeAfter' ? '?cutover=2025-01-01' : '';
        const heading = await visit(route.path + query, lang, `sample-${lang}-${route.key}`);
        expect(heading, `${route.path} (${lang})`).toContain(text.nav[route.key]);
        expect(await page.locator('.error, [role="alert"]').count(), `${route.path} (${lang}) shows no error`).toBe(0);
        expect(await pageOverflow(), `${route.path} (${lang}) fits 1280 px`).toBe(0);
      }
    }
    expect(errors).toEqual([]);
  });

  it('fits a tablet (820 px) on every page: wide tables scroll in their card, the page does not', async () => {
    const { app, page, errors } = suite;
    await page.setViewportSize({ width: 820, height: 1180 });
    try {
      for (const route of ROUTES) {
        await visit(route.path + (route.key === 'beforeAfter' ? '?cutover=2025-01-01' : ''), 'en', `tablet-en-${route.key}`);
        expect(await pageOverflow(), `${route.path} fits 820 px`).toBe(0);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(errors).toEqual([]);
  });

  it('shows the process pages of a real fixture log (pm4py running example) in both languages', needsLog, async () => {
    const { app, page, errors } = suite;
    const report = await importAndRebuild(app.db, [{ path: fixture(LOG), name: 'running-example.xes' }]);
    expect(report.files[0].error).toBeUndefined();
    for (const lang of LANGS) {
      for (const path of ['/process-map', '/variants']) {
        await visit(`${path}`, lang, `fixture-${lang}-${path.slice(1)}`);
        // The imported log is the default: 6 cases in the running example.
        await expect.poll(() => page.getByText(/^6$/).count()).toBeGreaterThan(0);
      }
    }
    expect(errors).toEqual([]);
  });
});
