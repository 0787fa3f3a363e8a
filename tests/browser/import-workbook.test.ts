/**
 * Issue 19, "Done when" 1, through the Import page: a Jiandaoyun-style workbook (客户, 线索, 商机, 合同,
 * 发货单, 发票, 回款 with merged title rows, date cells, ¥-formatted numbers, 回款 by contract) is
 * uploaded unedited into an empty workspace; the page reads it as seven sheets, the report names
 * the bad 回款 by its sheet row, and the workspace then gives the same kpis, funnel and before/after
 * comparison as the GB18030 CSV twin of the same world imported from the command line's code path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, dashboardSuite, type RunningApp } from '../helpers/browser.ts';
import { writeChineseCrmBundle } from '../helpers/twins/chinese-crm-style.ts';
import { WORKBOOK_NAME, writeChineseWorkbook } from '../helpers/twins/chinese-workbook-style.ts';
import { removeBundle, twinWorld, type Bundle } from '../helpers/twins/world.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';
import type { Database } from '../../models/db/database.ts';
import { compare } from '../../models/compare.ts';
import { funnel } from '../../models/funnel.ts';
import { kpis } from '../../models/measures.ts';

const SHEETS = ['客户', '线索', '商机', '合同', '发货单', '发票', '回款'];

describe.skipIf(!CHROMIUM)('Import page in Chromium: a Chinese multi-sheet workbook', () => {
  const suite = dashboardSuite(undefined, { leaveAtEnd: true });
  let app: RunningApp, page: Page, errors: string[];
  const { world } = twinWorld();
  let book: Bundle, csv: Bundle, twin: Database;

  beforeAll(async () => {
    ({ app, page, errors } = suite);
    book = await writeChineseWorkbook(world);
    csv = writeChineseCrmBundle(world);
    twin = await openWorkspace(':memory:');
    await importAndRebuild(twin, csv.files.map(({ path, name }) => ({ path, name })));
  });

  afterAll(() => {
    twin?.close();
    removeBundle(book);
    removeBundle(csv);
  });

  it('reads its seven sheets, imports them and names the bad 回款 by sheet and row', async () => {
    await page.goto(`${app.url}/import?lang=zh`);
    await page.getByTestId('import-input').setInputFiles([book.files[0].path]);
    const pending = page.locator(`[data-testid="pending-file"][data-name="${WORKBOOK_NAME}"]`);
    await expect.poll(() => pending.getAttribute('aria-busy'), { timeout: 30_000 }).toBe('false');
    const previewText = await pending.textContent();
    for (const sheet of SHEETS) expect(previewText, sheet).toContain(`${WORKBOOK_NAME} › ${sheet}`);

    await page.getByTestId('import-confirm').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.locator('[data-testid="import-file"]').count(), { timeout: 60_000 }).toBe(SHEETS.length);
    const paths = await report.locator('[data-testid="import-file"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-path')));
    expect(paths).toEqual(SHEETS.map((s) => `${WORKBOOK_NAME} › ${s}`));
    const rejects = await report.locator('.rejects tbody tr').evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(rejects).toEqual([['102', '回款金额', expect.stringContaining('"待定"')]]);
    expect(errors).toEqual([]);
  });

  it('gives the same kpis, funnel and comparison as its CSV twin', async () => {
    const periods = [{}, { from: '2025-01-01', to: '2025-06-30' }, { segments: { region: 'East' } }];
    for (const options of periods) {
      const expected = await kpis(twin, options);
      expect(expected.kpis.every((k) => k.available && k.n > 0)).toBe(true);
      expect(await kpis(app.db, options)).toEqual(expected);
      expect(await funnel(app.db, options)).toEqual(await funnel(twin, options));
    }
    expect(await compare(app.db, { cutover: '2025-01-01' })).toEqual(await compare(twin, { cutover: '2025-01-01' }));
  });
});
