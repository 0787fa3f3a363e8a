/**
 * Issue 19: every table that downloads as CSV downloads as Excel too. On the sample data, the
 * Bottlenecks transitions table and the Before/After table save as .xlsx whose header is the
 * table's as shown (Chinese on the Chinese page) and whose numbers are number cells equal to the
 * JSON API's answer for the same view; a table too large for the zip's main-thread path (a part
 * above 160 kB, compressed in a worker) downloads too, under the page's Content-Security-Policy.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, dashboardSuite, leaveAndStop, settled } from '../helpers/browser.ts';
import { importAndRebuild } from '../../app/workspace.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const CUTOVER = '2025-01-01';
const HAN = /\p{Script=Han}/u;

interface BottlenecksJson { transitions: { id: string; n: number; total_days: number }[] }
interface ValuesJson { kpis: { id: string; before: { value: number | null; n: number }; after: { value: number | null; n: number } }[] }
interface EvidenceJson { kpis: { id: string; p_value: number | null; ci95: [number, number] | null }[] }

/** The table's rows as the page shows them: each cell's data-value, else its text. */
function shownRows(table: Locator): Promise<string[][]> {
  return table.evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.dataset.value ?? c.innerText.replace(/\s+/g, ' ').trim())));
}

/** Presses the Excel button of the table inside `wrapper` and reads the file saved. */
async function downloadXlsx(page: Page, wrapper: Locator): Promise<{ name: string; sheet: ExcelJS.Worksheet }> {
  await wrapper.hover();
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), wrapper.locator('[data-export="xlsx"]').click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path())!);
  return { name: file.suggestedFilename(), sheet: workbook.worksheets[0] };
}

const row = (sheet: ExcelJS.Worksheet, r: number, columns: number) => Array.from({ length: columns }, (_, c) => sheet.getRow(r).getCell(c + 1).value);

/** The JSON of the API request the page made whose path is `path`, asked again from here. */
async function apiAsked(page: Page, path: string, go: () => Promise<unknown>): Promise<unknown> {
  const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === path, { timeout: 60_000 }), go()]);
  return (await fetch(response.url())).json();
}

describe.skipIf(!CHROMIUM)('tables download as Excel in Chromium', () => {
  const suite = dashboardSuite(async (app) => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));
  });

  it('saves the Bottlenecks transitions as .xlsx: the header shown, numbers equal to /api/bottlenecks', async () => {
    const { app, page, errors } = suite;
    const headers: Record<string, string[]> = {};
    for (const lang of ['en', 'zh']) {
      const api = await apiAsked(page, '/api/bottlenecks', () => page.goto(`${app.url}/bottlenecks?lang=${lang}`)) as BottlenecksJson;
      await settled(page);
      const wrapper = page.locator('.table-export', { has: page.locator('table.transitions') });
      const button = wrapper.locator('[data-export="xlsx"]');
      expect(await button.textContent()).toBe('Excel');
      expect(await button.getAttribute('aria-label')).toMatch(lang === 'zh' ? /^下载此表格为 Excel/ : /^Download this table as Excel/);
      const table = wrapper.locator('table');
      const shown = await shownRows(table);
      const ids = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-transition')));
      const totalColumn = await table.locator('tbody tr').first().evaluate((r: HTMLTableRowElement) =>
        [...r.cells].findIndex((c) => c.dataset.metric === 'total_days'));
      expect(totalColumn).toBeGreaterThan(0);

      const { name, sheet } = await downloadXlsx(page, wrapper);
      expect(name).toBe('transitions.xlsx');
      expect(sheet.rowCount).toBe(shown.length);
      expect(row(sheet, 1, shown[0].length)).toEqual(shown[0]);
      headers[lang] = shown[0];
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);

      ids.forEach((id, i) => {
        const transition = api.transitions.find((t) => t.id === id)!;
        const total = sheet.getRow(i + 2).getCell(totalColumn + 1);
        expect(total.type, id!).toBe(ExcelJS.ValueType.Number);
        expect(total.value, id!).toBe(transition.total_days);
        expect(sheet.getRow(i + 2).getCell(2).value, id!).toBe(transition.n);
      });
    }
    // The Chinese page's file has the Chinese header (a label such as P90 is the same in both).
    expect(headers.zh[0]).toMatch(HAN);
    expect(headers.zh.filter((label, c) => label !== headers.en[c] && HAN.test(label)).length).toBeGreaterThan(headers.zh.length / 2);
    expect(errors).toEqual([]);
  });

  it('saves the Before/After table as .xlsx in Chinese: measures before and after and p-values as numbers, equal to /api/compare', async () => {
    const { app, page, errors } = suite;
    let evidence: Promise<EvidenceJson> | undefined;
    const values = await apiAsked(page, '/api/compare/values', () => {
      evidence = apiAsked(page, '/api/compare/evidence', async () => undefined) as Promise<EvidenceJson>;
      return page.goto(`${app.url}/before-after?cutover=${CUTOVER}&lang=zh`);
    }) as ValuesJson;
    const tested = await evidence!;
    await page.locator('tr[data-compare-row]').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('tr[data-evidence="testing"]').count(), { timeout: 60_000 }).toBe(0);
    await settled(page);

    const wrapper = page.locator('.table-export', { has: page.locator('table.compare') });
    const table = wrapper.locator('table');
    const shown = await shownRows(table);
    const ids = await table.locator('tbody tr[data-compare-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-compare-row')));
    expect(ids.length).toBeGreaterThan(3);

    const { name, sheet } = await downloadXlsx(page, wrapper);
    expect(name).toBe('before-after.xlsx');
    // The file says each figure in a column of its own: the values with their n and medians, the
    // change, the difference with its interval, the p-value and its test.
    const header = row(sheet, 1, 13);
    expect(header).toEqual(['指标', '优化前', '优化前样本数', '优化前中位数', '优化后', '优化后样本数', '优化后中位数', '提升幅度',
      '差值（优化后 − 优化前）', '95% 置信区间下限', '95% 置信区间上限', 'p 值', '检验方法']);
    expect([header[0], header[1], header[4], header[7], header[11]]).toEqual(shown[0].slice(0, 6).filter((_, c) => c !== 4));

    let numbers = 0;
    ids.forEach((id, i) => {
      const kpi = values.kpis.find((k) => k.id === id)!;
      const test = tested.kpis.find((k) => k.id === id);
      const cells = sheet.getRow(i + 2);
      const expected: [number, number | null | undefined][] = [[2, kpi.before.value], [3, kpi.before.n], [5, kpi.after.value], [6, kpi.after.n],
        [10, test?.ci95?.[0]], [11, test?.ci95?.[1]], [12, test?.p_value]];
      for (const [column, value] of expected) {
        if (value == null) continue;
        expect(cells.getCell(column).type, `${id} ${column}`).toBe(ExcelJS.ValueType.Number);
        expect(cells.getCell(column).value, `${id} ${column}`).toBe(value);
        numbers++;
      }
      expect(cells.getCell(1).value).toBe(shown[i + 1][0]);
    });
    expect(numbers).toBeGreaterThan(ids.length * 5);
    expect(errors).toEqual([]);
  });

  it('saves a table whose sheet is larger than 160 kB (zipped in a worker) under the page\'s security policy', async () => {
    const { app, page, errors } = suite;
    await page.goto(`${app.url}/bottlenecks`);
    await settled(page);
    const wrapper = page.locator('.table-export', { has: page.locator('table.transitions') });
    // The download reads the table on the page: 4,000 more rows of text make its sheet some 600 kB.
    const added = await wrapper.locator('table').evaluate((t: HTMLTableElement) => {
      const body = t.tBodies[0];
      for (let i = 0; i < 4000; i++) {
        const tr = body.insertRow();
        for (const text of [`添加的第 ${i} 行 row ${i}`, String(i), `2025-01-${String((i % 28) + 1).padStart(2, '0')}`, 'x'.repeat(40)]) tr.insertCell().textContent = text;
      }
      return t.rows.length;
    });
    const { sheet } = await downloadXlsx(page, wrapper);
    expect(sheet.rowCount).toBe(added);
    const last = sheet.getRow(added);
    expect([last.getCell(1).value, last.getCell(2).value, last.getCell(3).value])
      .toEqual(['添加的第 3999 行 row 3999', 3999, new Date(Date.UTC(2025, 0, (3999 % 28) + 1))]);
    await leaveAndStop(page, app);
    expect(errors).toEqual([]);
  });
});
