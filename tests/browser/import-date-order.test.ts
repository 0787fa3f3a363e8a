/**
 * A file that writes slash dates in both orders is refused on the Import page with both readings,
 * and the user settles it there: the mapping's "Dates like 03/04/2025" choice sends the order, and
 * the file loads, values that do not fit that order becoming rejects with their line.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, dashboardSuite, leaveAndStop, type RunningApp } from '../helpers/browser.ts';

const MIXED = join(process.cwd(), 'tests/fixtures/mixed-dates/leads.csv');

describe.skipIf(!CHROMIUM)('Import page in Chromium: mixed day/month dates', () => {

  const suite = dashboardSuite(undefined, { leaveAtEnd: true });
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  const leads = async () => (await app.db.query<{ lead_id: string; created_at: string }>(
    "SELECT lead_id, strftime(created_at, '%Y-%m-%d') AS created_at FROM leads ORDER BY lead_id"));

  it('refuses the file with both readings, then loads it month first when the user says so', async () => {
    await page.goto(`${app.url}/import?lang=en`);
    await page.getByTestId('import-input').setInputFiles(MIXED);
    await page.getByTestId('pending-file').getByTestId('mapping-editor').waitFor({ state: 'attached' });
    await page.getByTestId('import-confirm').click();
    const failed = page.locator('[data-testid="import-report"] tr.failed[data-path="leads.csv"]');
    await failed.waitFor({ timeout: 30_000 });
    const reason = await failed.textContent();
    expect(reason).toContain('created_at');
    expect(reason).toContain('03/15/2024');
    expect(reason).toContain('15/03/2024');
    expect(await leads()).toEqual([]);

    await page.getByTestId('import-input').setInputFiles(MIXED);
    const card = page.getByTestId('pending-file');
    await card.locator('summary').click();
    await card.getByTestId('mapping-date-order').selectOption('MDY');
    await page.getByTestId('import-confirm').click();
    const loaded = page.locator('[data-testid="import-report"] tr[data-path="leads.csv"]:not(.failed)');
    await loaded.waitFor({ timeout: 30_000 });
    // 15/03/2024 and 22/04/2024 are no month-first dates: rejected, the others read month first.
    expect(await loaded.getAttribute('data-rows-loaded')).toBe('2');
    expect(await loaded.getAttribute('data-rows-rejected')).toBe('2');
    expect(await leads()).toEqual([
      { lead_id: 'L-1001', created_at: '2024-03-15' },
      { lead_id: 'L-1003', created_at: '2024-04-05' },
    ]);
    // The refusal is the server's 422, which the browser logs; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });
});
