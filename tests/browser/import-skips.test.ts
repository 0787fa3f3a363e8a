/**
 * The Import page says what was skipped and why: QuickBooks invoices deleted in QuickBooks, and a
 * Salesforce report's totals row and footer — which are not rejects. In English and in Chinese, in
 * the report and in the history; the preview already names the footer.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, dashboardSuite, leaveAndStop, type RunningApp } from '../helpers/browser.ts';
import { fixture } from '../helpers/fixtures.ts';

const SF_REPORT = join(process.cwd(), 'tests/fixtures/report-footers/salesforce-opportunities-report.csv');
const SHOTS = join(process.cwd(), 'test-results/screenshots');

describe.skipIf(!CHROMIUM)('Import page in Chromium: skipped rows with their reasons', () => {

  const suite = dashboardSuite(undefined, { leaveAtEnd: true });
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  const rowOf = (name: string) => page.locator(`[data-testid="import-file"][data-path="${name}"]`);

  it('uploads QuickBooks invoices and a Salesforce report: skipped counts with reasons, the footer not a reject', async () => {
    await page.goto(`${app.url}/import?lang=en`);
    await page.getByTestId('import-input').setInputFiles([fixture('quickbooks/invoice_data.csv'), SF_REPORT]);
    await expect.poll(() => page.locator('[data-testid="pending-file"][aria-busy="false"]').count(), { timeout: 30_000 }).toBe(2);
    // the preview names the footer before anything is loaded
    const facts = page.getByTestId('preview-skipped');
    await expect.poll(() => facts.count(), { timeout: 30_000 }).toBe(1);
    expect(await facts.textContent()).toContain('totals row: 1 (from line 8); report footer: 4 (from line 11)');

    await page.getByTestId('import-confirm').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('[data-testid="import-file"]').count(), { timeout: 30_000 }).toBe(2);

    const invoices = rowOf('invoice_data.csv');
    expect(await invoices.getAttribute('data-rows-skipped')).toBe('11');
    expect(await invoices.getAttribute('data-rows-rejected')).toBe('0');
    const sf = rowOf('salesforce-opportunities-report.csv');
    expect(await sf.getAttribute('data-rows-loaded')).toBe('6');
    expect(await sf.getAttribute('data-rows-skipped')).toBe('5');
    expect(await sf.getAttribute('data-rows-rejected')).toBe('0');

    const reasons = await report.locator('[data-testid="import-skipped"] li').evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-reason'), li.getAttribute('data-rows'), li.textContent?.trim()]));
    expect(reasons).toEqual([
      ['deleted_in_source', '11', 'deleted in the source system: 11 (from line 3)'],
      ['totals_row', '1', 'totals row: 1 (from line 8)'],
      ['report_footer', '4', 'report footer: 4 (from line 11)'],
    ]);
    expect(await report.textContent()).toContain('16 rows loaded, 0 rejected, 16 skipped on purpose.');
    // nothing of the footer is listed as a rejected row
    expect(await page.getByText('Confidential Information').count()).toBe(0);
    mkdirSync(SHOTS, { recursive: true });
    await report.screenshot({ path: join(SHOTS, 'import-skips-en.png') });
  });

  it('the history lists the skipped rows per batch, in Chinese too', async () => {
    await page.goto(`${app.url}/import?lang=zh`);
    const history = page.getByTestId('import-history');
    const cells = history.getByTestId('history-skipped');
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(2);
    const [first, second] = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-rows-skipped')));
    // newest batch first: the Salesforce report, then the QuickBooks invoices
    expect([first, second]).toEqual(['5', '11']);
    expect(await cells.nth(1).textContent()).toContain('源系统中已删除:11 行');
    expect(await cells.nth(0).textContent()).toContain('报表页脚:4 行');
    await history.screenshot({ path: join(SHOTS, 'import-skips-history-zh.png') });
    expect(errors).toEqual([]);
  });
});
