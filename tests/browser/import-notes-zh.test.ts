/**
 * The Import page says how a file was read in the page's language: an Odoo sale.order export with
 * order lines on continuation rows gets its notes in Chinese on the Chinese page (`notes_zh`),
 * column names as the file writes them.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, dashboardSuite, type RunningApp } from '../helpers/browser.ts';

const ODOO = join(process.cwd(), 'tests/fixtures/odoo/sale.order (1).csv');

describe.skipIf(!CHROMIUM)('Import page in Chromium, in Chinese: the notes on how a file was read', () => {
  const suite = dashboardSuite(undefined, { leaveAtEnd: true });
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  it('shows the notes in Chinese', async () => {
    await page.goto(`${app.url}/import?lang=zh`);
    await page.getByTestId('import-input').setInputFiles([ODOO]);
    await expect.poll(() => page.locator('[data-testid="pending-file"][aria-busy="false"]').count(), { timeout: 30_000 }).toBe(1);
    await page.getByTestId('import-confirm').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('[data-testid="import-file"]').count(), { timeout: 30_000 }).toBe(1);

    const notes = await report.locator('[data-testid="import-notes"] ul.notes li').allTextContents();
    expect(notes).toEqual([
      '报价单和已取消的订单(state)不是订单,不载入',
      '订单各列的值沿用到该订单的续行',
      '没有订单 Total 列:amount = order_line/price_subtotal 之和(不含税)',
    ]);
    expect(await report.getByTestId('import-notes').textContent()).toMatch(/^\s*说明:/);
    expect(errors).toEqual([]);
  });
});
