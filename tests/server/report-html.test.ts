/**
 * GET /api/report.html over HTTP: the evaluation report as a download, its content the figures
 * worked out by hand for the world of tests/helpers/cutover-world.ts (as `ltc report` writes them,
 * tests/cli/report-content.test.ts), the query string's cut-over, ranges, transition, mix key,
 * language and filters all taken, and bad requests answered 400 in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { apiServer, type ApiServer } from '../helpers/api-server.ts';
import { CUTOVER, cutoverWorld } from '../helpers/cutover-world.ts';
import { classicRow, reportProse } from '../helpers/report-cells.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database;
let api: ApiServer;
beforeAll(async () => {
  ({ db } = await workspace(cutoverWorld()));
  api = await apiServer(db);
});
afterAll(async () => api?.stop(db));

const get = (query: string) => fetch(`${api.base}/api/report.html?${query}`);

describe('GET /api/report.html', () => {
  it('sends the report of a cut-over as an HTML download, mix by the key asked for', async () => {
    const res = await get(`cutover=${CUTOVER}&by=region`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ltc-evaluation-${CUTOVER}.html"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    const html = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(html));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    const text = reportProse(html);
    expect(text).toContain('<p class="facts">cut-over 2024-05-01 · data through 2024-12-01 · conversion window 90 days');
    // 56/70 against 48/80: Newcombe (1998) Table II publishes +0.0524 … +0.3339; z = 2.650, p = 0.00805.
    expect(classicRow(html, 'lead_conversion_rate')).toEqual(['Lead conversion rate', '60.0%', '80.0%', '+33.3%', '+5.2 … +33.4 pp', 'p = 0.008', 'improved (significant)']);
    expect(classicRow(html, 'lead_to_cash_days')).toEqual(['Lead-to-cash time', '65.0 d', '43.0 d', '−33.8%', '−22.0 … −22.0 d', 'p &lt; 0.001', 'improved (significant)']);
    expect(text).toContain('Time to first order · within 90 days 60.0% → 80.0% · log-rank p &lt; 0.001');
    expect(text).toContain('<h3>Before → after by region</h3>');
    expect(text).toContain('<th scope="row">South</th><td class="num">50.0% → 72.7%</td>');
    // 44/80 · 24/26 + 36/80 · 32/44 = 0.835 against 0.6 before.
    expect(text).toContain('<td class="num">+39.2%</td>');
  });

  it('takes two ranges, in Chinese, named as such', async () => {
    const res = await get('before=2024-01-01..2024-02-29&after=2024-05-01..2024-07-31&lang=zh');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ltc-evaluation-ranges-zh.html"');
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('<th>指标</th><th>优化前</th><th>优化后</th><th>提升幅度</th>');
    expect(html).toContain('优化前 2024-01-01 – 2024-02-29，优化后 2024-05-01 – 2024-07-31');
    expect(classicRow(html, 'sales_cycle_days')).toEqual(['销售周期', '30.0 天', '20.0 天', '−33.3%', '−10.0 … −10.0 天', 'p &lt; 0.001', '显著改善']);
    expect(reportProse(html)).not.toContain('是流程改进还是构成变化？');
  });

  it('applies the transition window and the filters of the query string', async () => {
    // Leaving out 31 days after the cut-over drops the May leads (20 of 25 converted): 36/45 after.
    const trimmed = await (await get(`cutover=${CUTOVER}&exclude_days=31`)).text();
    expect(trimmed).toContain('first 31 days after the cut-over left out');
    expect(classicRow(trimmed, 'lead_conversion_rate').slice(1, 3)).toEqual(['60.0%', '80.0%']);
    expect(trimmed).toMatch(/<th scope="row">Lead conversion rate<\/th>\s*<td class="num">80<\/td><td class="num">0<\/td>\s*<td class="num">45<\/td>/);
    // Fair only: 6/20 before, 24/35 after; no mix view by the key filtered on.
    const fair = await (await get(`cutover=${CUTOVER}&source=Fair`)).text();
    expect(classicRow(fair, 'lead_conversion_rate').slice(1, 4)).toEqual(['30.0%', '68.6%', '+128.6%']);
    expect(reportProse(fair)).not.toContain('Was it the process or the mix?');
  });

  it('answers a badly asked report with 400 in words', async () => {
    for (const [query, message] of [
      ['', /--cutover is required/],
      [`cutover=${CUTOVER}&by=colour`, /by must be one of source, owner, region, segment/],
      [`cutover=${CUTOVER}&lang=fr`, /lang must be en or zh/],
      ['cutover=2024-02-30', /must be a date like/],
      [`cutover=${CUTOVER}&before=2024-01-01..2024-02-29`, /either --cutover or --before and --after/],
    ] as const) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(await res.text(), query).toMatch(message);
    }
  });
});
