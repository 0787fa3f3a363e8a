/**
 * The Chinese Import page says why in Chinese: a file whose table cannot be told (in its preview and
 * in the report) and the rejected rows of a small CSV with a bad row of each kind. The server keeps
 * the English; the page shows `error_zh` and `reason_zh`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, dashboardSuite, type RunningApp } from '../helpers/browser.ts';

describe.skipIf(!CHROMIUM)('Import page in Chromium, in Chinese: rejects and a refused file', () => {
  const suite = dashboardSuite(undefined, { leaveAtEnd: true });
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  const dir = mkdtempSync(join(tmpdir(), 'ltc-import-zh-'));
  const leads = join(dir, 'leads.csv');
  const mystery = join(dir, 'mystery.csv');
  writeFileSync(leads, 'lead_id,created_at,source\nL1,2025-01-02,Web\nL2,,Web\nL3,2025-02-30,Web\nL1,2025-01-05,Fair\nL4,2025-01-06,Web,extra\n');
  writeFileSync(mystery, 'a,b\n1,2\n');

  it('shows the preview\'s problem, the failed file and the rejects\' reasons in Chinese', async () => {
    await page.goto(`${app.url}/import?lang=zh`);
    await page.getByTestId('import-input').setInputFiles([leads, mystery]);
    await expect.poll(() => page.locator('[data-testid="pending-file"][aria-busy="false"]').count(), { timeout: 30_000 }).toBe(2);
    const problem = page.locator('[data-testid="pending-file"][data-name="mystery.csv"] .problem');
    expect(await problem.textContent()).toContain('mystery.csv:1: 无法从表头(a, b)判断此文件属于哪张表');

    await page.getByTestId('import-confirm').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('[data-testid="import-file"]').count(), { timeout: 30_000 }).toBe(2);
    const failed = report.locator('[data-testid="import-file"][data-path="mystery.csv"] td.reason');
    expect(await failed.textContent()).toMatch(/^mystery\.csv:1: 无法从表头\(a, b\)判断此文件属于哪张表:/);

    const reasons = await report.locator('.rejects tbody tr').evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(reasons).toEqual([
      ['3', 'created_at', '缺少 created_at'],
      ['4', 'created_at', 'created_at:"2025-02-30" 不是形如 2025-03-07 或 2025-03-07 14:05 的 ISO 日期'],
      ['5', 'lead_id', '重复的 lead_id L1:本文件另有一行 id 相同但其他值不同'],
      ['6', '—', '列数过多:Expected Number of Columns: 3 Found: 4'],
    ]);

    // the English page keeps the English reasons
    await page.goto(`${app.url}/import?lang=en`);
    await page.getByTestId('import-input').setInputFiles([mystery]);
    const english = page.locator('[data-testid="pending-file"][data-name="mystery.csv"] .problem');
    await expect.poll(() => english.count(), { timeout: 30_000 }).toBe(1);
    expect(await english.textContent()).toContain('mystery.csv:1: cannot tell which table this file holds from its header (a, b)');
    // the refused upload's 422 is the browser's note of the answer, not an error of the page
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});
