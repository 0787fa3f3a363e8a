/**
 * An opportunity export alone (Maven's sales_pipeline.csv: 8,800 deals, 500 of them Prospecting with
 * no engage date) gives working pages in Chromium: the Overview's opportunity measures, pipeline card
 * and opportunity funnel, the Funnel page, Bottlenecks and Before/After — never "No data yet", never an
 * error note. Expected figures are counted from the CSV itself, not from the models.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, dashboardSuite, hooks, settled } from '../helpers/browser.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { importAndRebuild } from '../../app/workspace.ts';

const FILE = 'crm-sales-opportunities/sales_pipeline.csv';
const CUTOVER = '2017-06-01';

interface Deal { stage: string; engaged: string; value: number }

/** The deals as the CSV has them (no quoted commas in this file). */
function deals(): Deal[] {
  const [header, ...lines] = readFileSync(fixture(FILE), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => {
    const cells = line.split(',');
    return { stage: cells[at('deal_stage')], engaged: cells[at('engage_date')], value: Number(cells[at('close_value')] || 0) };
  });
}

function winRate(list: readonly Deal[]): number {
  const closed = list.filter((d) => d.stage === 'Won' || d.stage === 'Lost');
  return closed.filter((d) => d.stage === 'Won').length / closed.length;
}

describe.skipIf(!CHROMIUM)('an opportunity export alone in Chromium', needsShared('opportunity workspace pages', [FILE]), () => {
  const suite = dashboardSuite(async (app) => {
    await importAndRebuild(app.db, [{ path: fixture(FILE), name: 'sales_pipeline.csv' }]);
  });
  // Read when the suite runs, not when it is collected: a clone without ../shared collects it too.
  let all: Deal[] = [];
  beforeAll(() => { all = deals(); });

  async function open(path: string) {
    await suite.page.goto(`${suite.app.url}${path}`);
    await settled(suite.page);
    const body = await suite.page.locator('main').innerText();
    expect(body, path).not.toContain('No data yet');
    expect(await suite.page.locator('[role="alert"]').count(), `${path}: error notes`).toBe(0);
    return body;
  }

  it('Overview: the opportunity measures, the pipeline with its undated deals, the opportunity funnel', async () => {
    await open('/overview');
    const tiles = await hooks(suite.page, '[data-kpi]', ['data-kpi', 'data-value']);
    const value = (id: string) => Number(tiles.find((t) => t['data-kpi'] === id)?.['data-value']);
    expect(value('win_rate')).toBeCloseTo(winRate(all), 12);
    const won = all.filter((d) => d.stage === 'Won');
    expect(value('deal_value')).toBeCloseTo(won.reduce((s, d) => s + d.value, 0) / won.length, 6);
    expect(value('opportunity_cycle_days')).toBeGreaterThan(0);
    const openDeals = all.filter((d) => d.stage === 'Engaging' || d.stage === 'Prospecting');
    expect(await suite.page.locator('[data-pipeline-open]').getAttribute('data-pipeline-open')).toBe(String(openDeals.length));
    expect(await suite.page.locator('[data-undated]').getAttribute('data-undated')).toBe(String(all.filter((d) => d.engaged === '').length));
    expect(await suite.page.locator('[data-opportunity-funnel]').count()).toBe(1);
    expect(await suite.page.locator('tr[data-step="won"]').getAttribute('data-value')).toBe(String(won.length));
    // The lead measures say what they need instead of blanking the page.
    expect(await suite.page.locator('main').innerText()).toContain('needs leads');
  });

  it('Funnel: the opportunity funnel by stage, from the current stages', async () => {
    await open('/funnel');
    const steps = await hooks(suite.page, 'tr[data-step]', ['data-step', 'data-value']);
    // created (all 8,800) → at Prospecting or later (open or won) → at Engaging or later → won
    const n = (...stages: string[]) => String(all.filter((d) => stages.includes(d.stage)).length);
    expect(steps.map((s) => s['data-value'])).toEqual([
      String(all.length), n('Prospecting', 'Engaging', 'Won'), n('Engaging', 'Won'), n('Won')]);
  });

  it('Bottlenecks answers for the opportunities', async () => {
    await open('/bottlenecks');
  });

  it('Before/After: the opportunity measures with their tests and intervals', async () => {
    await open(`/before-after?cutover=${CUTOVER}`);
    const rows = await hooks(suite.page, 'tr[data-compare-row]', ['data-compare-row', 'data-p-value', 'data-ci-lo', 'data-ci-hi']);
    for (const id of ['win_rate', 'opportunity_cycle_days', 'deal_value']) {
      const row = rows.find((r) => r['data-compare-row'] === id);
      expect(row?.['data-p-value'], id).toMatch(/^[\d.e-]+$/);
      expect(Number(row!['data-ci-lo']), id).toBeLessThanOrEqual(Number(row!['data-ci-hi']));
    }
    const before = await suite.page.locator('[data-kpi="win_rate"][data-period="before"]').getAttribute('data-value');
    expect(Number(before)).toBeCloseTo(winRate(all.filter((d) => d.engaged !== '' && d.engaged < CUTOVER)), 12);
    expect(suite.errors).toEqual([]);
  });
});
