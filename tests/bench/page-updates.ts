/**
 * Issue 8 "page update time in Chromium": the dashboard on a benchmark workspace, each page given
 * 20 date-range changes through its From / To inputs as a user makes them; the time from the
 * change to the page being settled again — no request in flight and no view dimmed as stale (the
 * pages mark a view being re-loaded with `.stale`). Each page gets a fresh server and browser context,
 * so no answer kept for an earlier page helps it. Needs Debian's Chromium; skipped without it.
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
}

export async function pageUpdates(db: Database, ranges: readonly { from: string; to: string }[]): Promise<PageUpdates | null> {
  if (!CHROMIUM) return null;
  const webRoot = await buildWeb();
  const browser = await launchBrowser();
  const times: Record<string, number[]> = {};
  try {
    for (const path of PAGES) {
      // Each page on a server and in a browser context of its own: no answer kept by the server or
      // the browser for an earlier page (the Overview asks for the Bottlenecks page's answer too).
      const server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot });
      const address = server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      try {
        times[path] = await updates(page, base + path, ranges);
      } finally {
        await page.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.idle();
      }
      process.stderr.write(`  ${path}: p50 ${quantile(times[path], 0.5).toFixed(0)} ms\n`);
    }
  } finally {
    await browser.close();
  }
  return { times };
}

/** One page given every range through its From and To inputs: ms from each change to the page settled. */
async function updates(page: Page, url: string, ranges: readonly { from: string; to: string }[]): Promise<number[]> {
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  const settled = async (what: string) => {
    // A request starts within a frame of the change; then wait for none in flight and nothing stale.
    await page.waitForTimeout(16);
    const start = performance.now();
    for (;;) {
      const stale = await page.locator('.stale').count();
      if (inFlight <= 0 && stale === 0) return;
      if (performance.now() - start > 120_000) throw new Error(`${what}: not settled after 120 s (${inFlight} requests in flight, ${stale} stale views)`);
      await page.waitForTimeout(5);
    }
  };
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  inFlight = 0;
  const list: number[] = [];
  for (const range of ranges) {
    const start = performance.now();
    await page.locator('input[name="from"]').fill(range.from);
    await page.locator('input[name="to"]').fill(range.to);
    await settled(`${url} ${range.from}..${range.to}`);
    list.push(performance.now() - start);
  }
  return list;
}

/** Table rows: page, p50 / p95. */
export function pageUpdateRows(result: PageUpdates | null): string[] {
  if (!result) return ['| page update in Chromium | skipped: no Chromium (apt-get install -y chromium) | p95 < 300 ms |'];
  return Object.entries(result.times).map(([path, xs]) =>
    `| page update in Chromium \`${path.split('?')[0]}\` (From and To changed) p50 / p95 | ${quantile(xs, 0.5).toFixed(0)} / ${quantile(xs, 0.95).toFixed(0)} ms | p95 < 300 ms |`);
}
