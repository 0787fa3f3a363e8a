/**
 * The Links page in Chromium: suggestions by confidence with their evidence, accepted one by one;
 * link quality on the Overview then counts the order as traced by match; the last one rejected
 * leaves the empty state.
 */
import { describe, expect, it } from 'vitest';
import { CHROMIUM, dashboardSuite, leaveAndStop, settled } from '../helpers/browser.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { importAndRebuild } from '../../app/workspace.ts';

const BUNDLE = {
  'leads.csv': `lead_id,created_at,source,owner,account_id,opportunity_id
L1,2025-02-01 09:00:00,Web,ana,A1,O1
`,
  'accounts.csv': `account_id,name,segment
A1,Acme Labs Inc.,Enterprise
A2,上海华信科技有限公司,SMB
`,
  'opportunities.csv': `opportunity_id,created_at,lead_id,account_id,stage,is_closed,is_won,closed_at,amount
O1,2025-02-10 09:00:00,L1,A1,Closed Won,true,true,2025-03-01 10:00:00,1000
O2,2025-03-20 09:00:00,,A2,Closed Won,true,true,2025-04-10 10:00:00,5000
`,
  'orders.csv': `order_id,created_at,amount,Customer Name
SO-1,2025-03-04 12:00:00,1130,ACME LABS Incorporated
SO-2,2025-04-12 12:00:00,5000,上海华信科技
`,
};

describe.skipIf(!CHROMIUM)('Links page', () => {
  const suite = dashboardSuite(async (app) => {
    const { paths } = writeBundle(BUNDLE);
    await importAndRebuild(app.db, paths.map((path) => ({ path, name: path.split('/').pop()! })));
  });

  const tracedByMatch = async () => {
    const { page, app } = suite;
    await page.goto(`${app.url}/overview`);
    const metric = page.locator('[data-metric="orders_traced_by_match"]');
    await metric.waitFor({ timeout: 60_000 });
    await settled(page);
    return metric.getAttribute('data-value');
  };

  it('lists the suggestions with their evidence and accepts one; link quality counts it as traced by match', async () => {
    const { page, app, errors } = suite;
    expect(await tracedByMatch()).toBe('0');

    await page.goto(`${app.url}/links`);
    const rows = page.locator('[data-suggestion]');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(2);
    const acme = page.locator('tr', { hasText: 'SO-1' });
    await expect.poll(() => acme.textContent()).toMatch(/same name.*Acme Labs Inc\..*ACME LABS Incorporated/s);
    expect(await acme.textContent()).toMatch(/\+13% tax/);
    const confidences = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-confidence'))));
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));

    await acme.getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('links-note').waitFor();
    expect(await page.getByTestId('links-note').textContent()).toMatch(/Accepted 1 link as import \d+/);
    await expect.poll(() => rows.count()).toBe(1);
    await settled(page);

    expect(await tracedByMatch()).toBe('1');
    expect(await page.locator('[data-metric="orders_traced_by_id"]').getAttribute('data-value')).toBe('0');
    expect(errors).toEqual([]);
  });

  it('rejects the last one and explains that there is nothing to link', async () => {
    const { page, app, errors } = suite;
    await page.goto(`${app.url}/links?lang=zh`);
    const row = page.locator('[data-suggestion]');
    await row.first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Reject' }).or(page.getByRole('button', { name: '拒绝' })).first().click();
    const empty = page.getByRole('status').filter({ hasText: /Nothing to link|没有可关联的记录/ });
    await empty.waitFor({ timeout: 60_000 });
    await page.screenshot({ path: 'test-results/screenshots/links-empty.png' }).catch(() => undefined);
    expect(errors).toEqual([]);
    await leaveAndStop(page, app);
  });
});
