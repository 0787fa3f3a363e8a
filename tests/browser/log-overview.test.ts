/**
 * Workspaces with no leads or orders in Chromium: an event log alone gets its own Overview (pm4py's
 * running example: its figures as pm4py computes them), and a Maven-shaped opportunity export alone
 * gets a Bottlenecks page that answers (opportunity → won / lost), with a thin transition marked and
 * never named.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, dashboardSuite, hooks, settled } from '../helpers/browser.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild } from '../../app/workspace.ts';

const metric = (rows: Record<string, string | null>[]) => Object.fromEntries(rows.map((r) => [r['data-metric'], r['data-value']]));

describe.skipIf(!CHROMIUM)('the Overview of an event-log workspace', needsShared('log overview in Chromium', ['eventlogs/running-example.xes']), () => {
  const suite = dashboardSuite(async (app) => {
    const path = fixture('eventlogs/running-example.xes');
    await importAndRebuild(app.db, [{ path, name: 'running-example.xes' }]);
  });

  it('shows the log’s cases, events, throughput, variants, rework and slowest transition — pm4py’s numbers', async () => {
    const { page, app, errors } = suite;
    const pm = JSON.parse(readFileSync(fixture('eventlogs/running-example.pm4py.json'), 'utf8')) as {
      n_cases: number; n_events: number; n_variants: number; case_durations: { median: number };
      performance_dfg: [string, string, { median: number }][]; dfg: [string, string, number][];
    };
    await page.goto(`${app.url}/overview`);
    await page.locator('[data-testid="log-overview"]').waitFor({ timeout: 30_000 });
    await settled(page);
    const shown = metric(await hooks(page, '[data-testid="log-overview"] [data-metric]', ['data-metric', 'data-value']));
    const [from, to, { median }] = [...pm.performance_dfg].sort((a, b) => b[2].median - a[2].median)[0];
    expect(shown).toMatchObject({
      log_cases: String(pm.n_cases), log_events: String(pm.n_events), throughput_median: String(pm.case_durations.median),
      variants: String(pm.n_variants), slowest_transition: `${from}→${to}`, slowest_median: String(median),
      slowest_n: String(pm.dfg.find(([a, b]) => a === from && b === to)![2]),
    });
    // Every edge of six cases is thin: marked, with its reason.
    await expect(page.locator('[data-metric="slowest_transition"] .thin').textContent()).resolves.toBe('thin');
    await expect(page.locator('[data-testid="log-overview"]').textContent()).resolves.toContain('too few to call it the bottleneck');
    // No "needs leads" cards of the LTC Overview.
    expect(await page.locator('[data-kpi]').count()).toBe(0);

    await page.goto(`${app.url}/overview?lang=zh`);
    await page.locator('[data-testid="log-overview"]').waitFor({ timeout: 30_000 });
    await settled(page);
    const zh = await page.locator('[data-testid="log-overview"]').textContent();
    expect(zh).toContain('流程时长');
    expect(zh).toContain('样本少');
    expect(errors).toEqual([]);
  });
});

/** A Maven-shaped sales_pipeline.csv: 24 deals won after 10 days (agent Ann), 3 lost after 4 days, 2 engaging, 1 prospecting. */
function mavenPipeline(): string {
  const rows = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  for (let i = 1; i <= 24; i++) rows.push(`WON${i},Ann Agent,GTX Basic,Acme,Won,2017-01-0${1 + (i % 5)},2017-01-${11 + (i % 5)},550`);
  for (let i = 1; i <= 3; i++) rows.push(`LOST${i},Bob Agent,GTXPro,Betatech,Lost,2017-02-01,2017-02-05,0`);
  rows.push('ENG1,Bob Agent,GTXPro,Betatech,Engaging,2017-02-10,,', 'ENG2,Ann Agent,MG Special,Acme,Engaging,2017-02-12,,');
  rows.push('PRO1,Ann Agent,GTX Basic,Acme,Prospecting,,,');
  return `${rows.join('\n')}\n`;
}

describe.skipIf(!CHROMIUM)('the Bottlenecks page of an opportunity export alone', () => {
  const suite = dashboardSuite(async (app) => {
    const path = join(mkdtempSync(join(tmpdir(), 'ltc-maven-')), 'sales_pipeline.csv');
    writeFileSync(path, mavenPipeline());
    await importAndRebuild(app.db, [{ path, name: 'sales_pipeline.csv' }]);
  });

  it('names opportunity → won, marks the thin lost transition, and says when all are thin', async () => {
    const { page, app, errors } = suite;
    await page.goto(`${app.url}/bottlenecks`);
    const hero = page.locator('[data-testid="bottleneck-sentence"]');
    await hero.waitFor({ timeout: 30_000 });
    await settled(page);
    // 24 wins of 10 days each: 240 days; 3 losses of 4 days: thin.
    expect(await hero.getAttribute('data-value')).toBe('opportunity_created→won');
    expect(await hero.textContent()).toContain('Opportunity → Won takes the most time: 240 days over 24 cases');
    const rows = await hooks(page, 'tr[data-transition]', ['data-transition', 'data-value']);
    expect(rows).toEqual([
      { 'data-transition': 'opportunity_created→won', 'data-value': '240' },
      { 'data-transition': 'opportunity_created→lost', 'data-value': '12' },
    ]);
    const lostN = page.locator('tr[data-transition="opportunity_created→lost"] [data-metric="n"]');
    expect(await lostN.getAttribute('data-thin')).toBe('true');
    expect(await lostN.locator('.thin').getAttribute('title')).toContain('Fewer than 20 completed cases');
    expect(await page.locator('tr[data-transition="opportunity_created→won"] [data-metric="n"]').getAttribute('data-thin')).toBeNull();

    // Bob's deals alone: three losses, no transition with 20 cases — none named, and the page says why.
    await page.goto(`${app.url}/bottlenecks?owner=${encodeURIComponent('Bob Agent')}&lang=zh`);
    await page.locator('[data-testid="bottleneck-sentence"][data-thin-only="true"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="bottleneck-sentence"]').textContent()).toContain('已完成案例达到 20 个');
    expect(errors).toEqual([]);
  });
});
