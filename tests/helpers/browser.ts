/**
 * Browser-test plumbing: Debian's Chromium through playwright-core, the dashboard built once into a
 * temp folder, and the real server on a temporary workspace. Without Chromium (chromium.ts) the browser
 * suites are left out and the summary reporter names them.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Database } from '../../models/db/database.ts';
import { materialize } from '../../models/materialize.ts';
import { startServer } from '../../app/server/server.ts';
import { CHROMIUM } from './chromium.ts';
import { openWorkspace } from '../../app/workspace.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export { CHROMIUM };

let built: Promise<string> | undefined;

/** Builds the dashboard once per test process into a temp folder; returns that folder. */
export function buildWeb(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('vite');
    const outDir = mkdtempSync(join(tmpdir(), 'ltc-web-'));
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'app/web'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return built;
}

export interface RunningApp {
  readonly url: string;
  readonly db: Database;
  readonly dbPath: string;
  stop(): Promise<void>;
}

/** The real server on a fresh, empty workspace file. */
export async function startApp(): Promise<RunningApp> {
  const webRoot = await buildWeb();
  const dbPath = join(mkdtempSync(join(tmpdir(), 'ltc-browser-')), 'ws.duckdb');
  const db = await openWorkspace(dbPath);
  await materialize(db);
  const server: Server = await startServer({ db, port: 0, host: '127.0.0.1', webRoot });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`, db, dbPath,
    stop: () => (stopped ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        // A request cut off by the close may still have a query running: the file's lock goes with the last one.
        void db.idle().then(() => {
          db.close();
          resolve();
        });
      });
    })),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A 1280×900 page that records console errors and uncaught exceptions in `errors`. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

/** Each hooked element's attributes (data-kpi, data-value …), in page order. */
export function hooks(page: Page, selector: string, attributes: string[]): Promise<Record<string, string | null>[]> {
  return page.locator(selector).evaluateAll(
    (els, names) => els.map((e) => Object.fromEntries(names.map((n) => [n, e.getAttribute(n)]))),
    attributes,
  );
}

/** Waits until no request is in flight and no view is being re-loaded (pages dim a stale view with `.stale`). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.stale'), undefined, { timeout: 30_000 });
}

/**
 * Lets the page finish what it asked for, leaves it, then stops the app: a server stopped under a
 * request in flight shows in Chromium as a console error (ERR_EMPTY_RESPONSE), and the CLI cannot
 * open the workspace file while a request still holds it.
 */
export async function leaveAndStop(page: Page, app: RunningApp): Promise<void> {
  await settled(page);
  await page.goto('about:blank');
  await app.stop();
}

export interface DashboardSuite {
  readonly app: RunningApp;
  readonly page: Page;
  /** console errors and uncaught exceptions of the page so far */
  readonly errors: string[];
}

/**
 * The set-up most browser suites share, registered as the describe block's beforeAll/afterAll:
 * the app on a fresh workspace (then `prepare`, e.g. an import), Chromium and one watched page.
 * Read the fields inside tests (they are set when the suite starts). `leaveAtEnd`: the page leaves
 * and the app stops (leaveAndStop) before Chromium closes.
 */
export function dashboardSuite(
  prepare?: (app: RunningApp) => Promise<void>,
  options: { leaveAtEnd?: boolean } = {},
): DashboardSuite {
  const suite = {} as { app: RunningApp; page: Page; errors: string[]; browser?: Browser };
  beforeAll(async () => {
    suite.app = await startApp();
    if (prepare) await prepare(suite.app);
    suite.browser = await launchBrowser();
    ({ page: suite.page, errors: suite.errors } = await watchedPage(suite.browser));
  });
  afterAll(async () => {
    if (options.leaveAtEnd && suite.page && suite.app) await leaveAndStop(suite.page, suite.app);
    await suite.browser?.close();
    await suite.app?.stop();
  });
  return suite;
}
