/**
 * Issue 17: a Chinese page shows the server's errors in Chinese (`error_zh`), an English page in
 * English; a case the workspace does not hold is told by its 404, whatever the language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importAndRebuild } from '../../app/workspace.ts';
import { CHROMIUM, dashboardSuite, settled, type RunningApp } from '../helpers/browser.ts';
import { writeBundle } from '../helpers/workspace.ts';

const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\nL2,2025-01-02,Fair\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-10,L1,100\n',
});

describe.skipIf(!CHROMIUM)('errors in the page language, in Chromium', () => {
  const suite = dashboardSuite(async (app) => {
    await importAndRebuild(app.db, bundle.paths.map((path) => ({ path, name: path.split('/').pop()! })));
  });
  let app: RunningApp, page: Page;
  beforeAll(() => void ({ app, page } = suite));

  it('a log the server refuses: its reason in Chinese on the Chinese page, in English on the English one', async () => {
    await page.goto(`${app.url}/variants?log=ocel:nothing&lang=zh`);
    await settled(page);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('未加载带事件的 OCEL 对象类型 "nothing"（未加载任何 OCEL 日志）');
    await page.goto(`${app.url}/variants?log=ocel:nothing&lang=en`);
    await settled(page);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('no OCEL object type "nothing" with events is loaded (no OCEL log is loaded)');
  });

  it('a case the workspace does not hold: the not-found note, in Chinese', async () => {
    await page.goto(`${app.url}/cases?case=L404&lang=zh`);
    await settled(page);
    await expect.poll(() => page.getByTestId('case-timeline').textContent(), { timeout: 30_000 })
      .toContain('此工作区中没有案例“L404”。');
    expect(await page.getByTestId('case-timeline').getByRole('alert').count()).toBe(0);
  });
});
