/**
 * Issue 8 "page update time in Chromium": the dashboard on a benchmark workspace, each page given
 * 20 date-range changes through its From / To inputs as a user makes them; the time from the
 * change to the page being settled again — no request in flight, no view dimmed as stale (the
 * pages mark a view being re-loaded with `.stale`) and nothing marked busy (a Before/After row whose
 * evidence is asked once its values have come). Each page gets a fresh server and browser context,
 * so no answer kept for an earlier page helps it. Beside it: when the last answer arrived (the rest
 * is the browser's: parsing, Svelte, Plot, layout), and for Before/After when its table was on
 * screen (its evidence may still be loading). Needs Debian's Chromium; skipped without it.
 */
import type { Database } from '../../models/db/database.ts';
import { startServer } from '../../app/server/server.ts';
import type { Page } from 'playwright-core';
import { buildWeb, CHROMIUM, launchBrowser } from '../helpers/browser.ts';
import { quantile } from './measure.ts';

const PAGES = ['/overview', '/funnel', '/bottlenecks', '/before-after?cutover=2025-01-01', '/cases', '/process-map', '/variants'];

export interface PageUpdates {
  /** page → update times in ms */
  readonly times: Record<string, number[]>;
  /** page → ms from each change to its last answer */
  readonly answered: Record<string, number[]>;
  /** page → ms from each change to its first view on screen (pages that show one before the rest) */
  readonly firstViews: Record<string, number[]>;
}

/** A view a page shows before the rest: the request it waits for and an element of it. */
const FIRST_VIEWS: Record<string, { request: string; selector: string }> = {
  '/before-after?cutover=2025-01-01': { request: '/api/compare/values?', selector: '[data-compare-row]' },
};

export async function pageUpdates(db: Database, ranges: readonly { from: string; to: string }[], pages: readonly string[] = PAGES): Promise<PageUpdates | null> {
  if (!CHROMIUM) return null;
  const webRoot = await buildWeb();
  const browser = await launchBrowser();
  const times: Record<string, number[]> = {};
  const answered: Record<string, number[]> = {};
  const firstViews: Record<string, number[]> = {};
  try {
    for (const path of pages) {
      // Each page on a server and in a browser context of its own: no answer kept by the server or
      // the browser for an earlier page (the Overview asks for the Bottlenecks page's answer too).
      const server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot });
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        const measured = await updates(page, base + path, ranges, FIRST_VIEWS[path]);
        times[path] = measured.settled;
        answered[path] = measured.answered;
        if (FIRST_VIEWS[path]) firstViews[path] = measured.firstView;
      } finally {
        await page.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.idle();
      }
      process.stderr.write(`  ${path}: p50 ${quantile(times[path], 0.5).toFixed(0)} ms (last answer ${quantile(answered[path], 0.5).toFixed(0)} ms)\n`);
    }
  } finally {
    await browser.close();
  }
  return { times, answered, firstViews };
}

/**
 * One page given every range through its From and To inputs: ms from each change to the page
 * settled, to its last answer, and to `first` on screen (its request answered, its view not stale).
 */
async function updates(page: Page, url: string, ranges: readonly { from: string; to: string }[], first?: { request: string; selector: string }) {
  let inFlight = 0;
  let lastAnswer = 0;
  let firstAnswer = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', (request) => {
    inFlight--;
    lastAnswer = performance.now();
    if (first && request.url().includes(first.request)) firstAnswer = performance.now();
  });
  page.on('requestfailed', () => inFlight--);
  const firstShown = (selector: string) => page.evaluate((s) => {
    const element = document.querySelector(s);
    return element !== null && element.closest('.stale') === null;
  }, selector);
  const settled = async (what: string, start: number): Promise<number | null> => {
    // A request starts within a frame of the change; then wait for none in flight and nothing stale or busy.
    await page.waitForTimeout(16);
    let firstView: number | null = null;
    for (;;) {
      if (first && firstView === null && firstAnswer > start && await firstShown(first.selector)) firstView = performance.now() - start;
      const stale = await page.locator('.stale, [aria-busy="true"]').count();
      // Settled before the first view was seen between two looks: it was on screen by now.
      if (inFlight <= 0 && stale === 0) return first ? firstView ?? performance.now() - start : null;
      if (performance.now() - start > 120_000) throw new Error(`${what}: not settled after 120 s (${inFlight} requests in flight, ${stale} stale or busy views)`);
      await page.waitForTimeout(5);
    }
  };
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  inFlight = 0;
  const measured = { settled: [] as number[], answered: [] as number[], firstView: [] as number[] };
  for (const range of ranges) {
    const start = performance.now();
    await page.locator('input[name="from"]').fill(range.from);
    await page.locator('input[name="to"]').fill(range.to);
    const firstView = await settled(`${url} ${range.from}..${range.to}`, start);
    measured.settled.push(performance.now() - start);
    measured.answered.push(Math.max(0, lastAnswer - start));
    if (firstView !== null) measured.firstView.push(firstView);
  }
  return measured;
}

/** Table rows: page, p50 / p95, and when its last answer arrived (the rest is the browser's). */
export function pageUpdateRows(result: PageUpdates | null): string[] {
  if (!result) return ['| page update in Chromium | skipped: no Chromium (apt-get install -y chromium) | p95 < 300 ms |'];
  const p = (xs: number[]) => `${quantile(xs, 0.5).toFixed(0)} / ${quantile(xs, 0.95).toFixed(0)} ms`;
  return Object.entries(result.times).flatMap(([path, xs]) => {
    const name = path.split('?')[0];
    const first = result.firstViews[path];
    return [
      `| page update in Chromium \`${name}\` (From and To changed) p50 / p95; its last answer | ${p(xs)}; ${p(result.answered[path])} | p95 < 300 ms |`,
      ...(first?.length ? [`| page update in Chromium \`${name}\`: its table on screen p50 / p95 | ${p(first)} | p95 < 300 ms (evidence < 1 s) |`] : []),
    ];
  });
}
