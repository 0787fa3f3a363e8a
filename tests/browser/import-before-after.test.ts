import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, dashboardSuite, type RunningApp, leaveAndStop } from '../helpers/browser.ts';
import { ltcJson } from '../helpers/cli.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const CUTOVER = '2025-01-01';

interface CompareJson {
  kpis: { id: string; before: { value: number | null }; after: { value: number | null } }[];
}

describe.skipIf(!CHROMIUM)('dashboard in Chromium: import the sample bundle, then Before/After equals ltc compare', () => {

  const suite = dashboardSuite();
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  it('uploads every CSV of the bundle on the Import page and shows the import report', async () => {
    await page.goto(`${app.url}/import`);
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv')).map((f) => join(BUNDLE, f));
    expect(files.length).toBeGreaterThanOrEqual(7);
    await page.getByTestId('import-input').setInputFiles(files);
    await page.getByTestId('import-confirm').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    for (const f of ['leads.csv', 'orders.csv', 'payments.csv']) await expect.poll(() => report.textContent()).toContain(f);
    const [{ n }] = await app.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM leads');
    expect(n).toBeGreaterThan(1000);
  });

  it('shows on Before/After exactly the numbers of `ltc compare --json`', async () => {
    await page.goto(`${app.url}/before-after?cutover=${CUTOVER}`);
    const cells = page.locator('[data-kpi][data-period]');
    await cells.first().waitFor({ timeout: 30_000 });
    const shown = await cells.evaluateAll((els) => els.map((e) => ({
      id: e.getAttribute('data-kpi'), period: e.getAttribute('data-period'), value: e.getAttribute('data-value'),
    })));
    await leaveAndStop(page, app);
    const cli = ltcJson<CompareJson>(['compare', '--db', app.dbPath, '--cutover', CUTOVER]);
    const expected = cli.kpis.flatMap((k) => [
      { id: k.id, period: 'before', value: k.before.value === null ? '' : String(k.before.value) },
      { id: k.id, period: 'after', value: k.after.value === null ? '' : String(k.after.value) },
    ]);
    expect(shown).toEqual(expected);
    expect(cli.kpis.every((k) => k.before.value !== null && k.after.value !== null)).toBe(true);
    expect(errors).toEqual([]);
  });
});
