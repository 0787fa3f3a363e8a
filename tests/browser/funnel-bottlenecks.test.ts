/**
 * The Funnel and Bottlenecks pages and the global filter bar in Chromium: every hooked number equals
 * the CLI's JSON for the same filters (`ltc funnel-cohorts`, `ltc bottlenecks`, `ltc filters`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importAndRebuild } from '../../app/workspace.ts';
import { CHROMIUM, dashboardSuite, type RunningApp, hooks, settled, leaveAndStop } from '../helpers/browser.ts';
import { ltcJson } from '../helpers/cli.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const FILTER = { from: '2024-01-01', to: '2024-12-31', source: 'Website' };
const FILTER_QUERY = new URLSearchParams(FILTER).toString();
const CLI_FILTER = ['--from', FILTER.from, '--to', FILTER.to, '--where', `source=${FILTER.source}`];
const OWNER = 'Li Qiang';

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

interface StageJson { id: string; count: number }
interface WindowedJson { leads: number; observable: number; censored: number; complete: boolean; stages: StageJson[] }
interface FunnelCohortsJson extends WindowedJson {
  total: WindowedJson;
  cohorts: (WindowedJson & { cohort: string })[];
  segments: ({ value: string | null; total: WindowedJson; cohorts: (WindowedJson & { cohort: string })[] })[] | null;
}
interface TransitionJson {
  id: string; n: number; mean: number | null; median: number | null; p90: number | null; total_days: number;
  share_of_lead_to_cash: number | null; waiting: { count: number }; slower_segments: unknown[];
}
interface BottlenecksJson {
  transitions: TransitionJson[];
  bottleneck: { transition: string; total_days: number; sentence: string; sentence_zh: string } | null;
}
interface BottleneckCasesJson { total: number; cases: { case_id: string; days: number; waiting: boolean }[] }
interface FiltersJson { fields: { key: string; values: { value: string; cases: number }[] }[] }

/** Rows of a funnel table: the row key, its leads and observable, and each stage cell's count. */
function funnelRows(page: Page, rowSelector: string, key: string, stageAttribute: string) {
  return page.locator(rowSelector).evaluateAll(
    (rows, [keyAttribute, stage]) => rows.map((r) => ({
      key: r.getAttribute(keyAttribute),
      leads: r.querySelector('[data-metric="leads"]')?.getAttribute('data-value') ?? null,
      observable: r.querySelector('[data-metric="observable"]')?.getAttribute('data-value') ?? null,
      stages: [...r.querySelectorAll(`[${stage}]`)].map((c) => `${c.getAttribute(stage)}=${c.getAttribute('data-value')}`).join(' '),
    })),
    [key, stageAttribute] as const,
  );
}

function expectedRow(key: string | null, f: WindowedJson) {
  return {
    key, leads: String(f.leads), observable: String(f.observable),
    stages: f.stages.slice(1).map((s) => `${s.id}=${s.count}`).join(' '),
  };
}

function transitionRows(page: Page) {
  return page.locator('tr[data-transition]').evaluateAll((rows) => rows.map((r) => {
    const cell = (metric: string) => r.querySelector(`[data-metric="${metric}"]`)?.getAttribute('data-value') ?? null;
    return {
      id: r.getAttribute('data-transition'), total_days: r.getAttribute('data-value'),
      n: cell('n'), mean: cell('mean'), median: cell('median'), p90: cell('p90'),
      share: cell('share'), waiting: cell('waiting'), slower: cell('slower_segments'),
    };
  }));
}

function expectedTransition(t: TransitionJson) {
  return {
    id: t.id, total_days: String(t.total_days), n: String(t.n), mean: text(t.mean), median: text(t.median),
    p90: text(t.p90), share: text(t.share_of_lead_to_cash), waiting: String(t.waiting.count), slower: String(t.slower_segments.length),
  };
}

describe.skipIf(!CHROMIUM)('Funnel, Bottlenecks and the filter bar in Chromium equal the CLI', () => {
  const shown: Record<string, unknown> = {};

  const suite = dashboardSuite();
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  it('shows an empty state that points to Import on both pages of an empty workspace', async () => {
    for (const path of ['/funnel', '/bottlenecks', `/bottlenecks?${FILTER_QUERY}&lang=zh`]) {
      await page.goto(`${app.url}${path}`);
      const empty = page.getByRole('status').filter({ has: page.locator('a[href^="/import"]') }).first();
      await empty.waitFor({ timeout: 30_000 });
      expect(await empty.locator('a[href^="/import"]').count()).toBe(1);
      // The filter bar is there, with nothing to choose yet.
      expect(await page.locator('select[data-filter="source"]').isDisabled()).toBe(true);
    }
    expect(errors).toEqual([]);
  });

  it('shows the windowed funnel, its quarterly cohorts and the split by owner', async () => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv'));
    await importAndRebuild(app.db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));

    await page.goto(`${app.url}/funnel?${FILTER_QUERY}&by=quarter&split=owner`);
    await page.locator('tr[data-segment]').first().waitFor({ timeout: 30_000 });
    await page.locator('figure svg').first().waitFor();
    shown.stages = await hooks(page, '[data-stage]', ['data-stage', 'data-value']);
    shown.funnelFacts = await hooks(page, '[data-metric^="funnel_"]', ['data-metric', 'data-value']);
    shown.cohorts = await funnelRows(page, 'tr[data-cohort]', 'data-cohort', 'data-cohort-stage');
    shown.segments = await funnelRows(page, 'tr[data-segment]', 'data-segment', 'data-segment-stage');
    shown.incomplete = await hooks(page, 'tr[data-cohort][data-complete="false"]', ['data-cohort']);

    // Picking a group shows its cohorts; the month switch writes by= to the URL.
    const group = await page.locator('tr[data-segment]').first().getAttribute('data-segment');
    await page.locator('tr[data-segment] button').first().click();
    await expect.poll(() => page.locator('select[name="group"]').inputValue()).toBe(`=${group}`);
    shown.group = group;
    shown.groupCohorts = await funnelRows(page, 'tr[data-cohort]', 'data-cohort', 'data-cohort-stage');

    // The rate switch writes rate= and keeps the group.
    await page.locator('[data-choice="rate:step"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('rate')).toBe('step');
    expect(await page.locator('select[name="group"]').inputValue()).toBe(`=${group}`);

    await page.locator('[data-choice="by:month"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBeNull();
    await page.locator('tr[data-cohort="2024-01"]').waitFor({ timeout: 30_000 });

    await page.goto(`${app.url}/funnel?${FILTER_QUERY}&by=quarter&split=owner&lang=zh`);
    await page.locator('tr[data-segment]').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('h1').textContent()).toBe('转化漏斗');
  });

  it('names the bottleneck, lists every transition and drills into its slowest cases', async () => {
    await page.goto(`${app.url}/bottlenecks?${FILTER_QUERY}`);
    await page.locator('tr[data-transition]').first().waitFor({ timeout: 30_000 });
    shown.transitions = await transitionRows(page);
    const sentence = page.getByTestId('bottleneck-sentence');
    shown.bottleneck = { transition: await sentence.getAttribute('data-value'), sentence: (await sentence.textContent())?.trim() };

    await page.getByTestId('see-slow-cases').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('transition')).toBe(shown.bottleneck && (shown.bottleneck as { transition: string }).transition);
    const rows = page.locator('[data-testid="slow-cases"] tr[data-case]');
    await rows.first().waitFor({ timeout: 30_000 });
    await page.locator('#transition-detail figure svg').first().waitFor();
    shown.slowCases = await hooks(page, '[data-testid="slow-cases"] tr[data-case]', ['data-case', 'data-value']);
    shown.slowCasesTotal = await page.locator('#slow-cases [data-metric="cases_total"]').getAttribute('data-value');
    const first = (shown.slowCases as { 'data-case': string }[])[0]['data-case'];
    const href = await rows.first().locator('a').getAttribute('href');
    expect(href?.startsWith('/cases?')).toBe(true);
    expect(new URLSearchParams(href!.slice('/cases'.length)).get('case')).toBe(first);

    // Clicking another row switches the detail to it.
    const other = (shown.transitions as { id: string }[]).find((t) => t.id !== (shown.bottleneck as { transition: string }).transition)!.id;
    await page.locator(`tr[data-transition="${other}"] button`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('transition')).toBe(other);
    await page.locator(`[data-detail="${other}"]`).waitFor();

    await page.goto(`${app.url}/bottlenecks?${FILTER_QUERY}&lang=zh`);
    await page.locator('tr[data-transition]').first().waitFor({ timeout: 30_000 });
    shown.sentenceZh = (await page.getByTestId('bottleneck-sentence').textContent())?.trim();
  });

  it('filters every page from the filter bar, shows the filter as a chip and clears it', async () => {
    await page.goto(`${app.url}/bottlenecks?from=${FILTER.from}&to=${FILTER.to}`);
    await page.locator('tr[data-transition]').first().waitFor({ timeout: 30_000 });
    // The filter bar asks for its choices on its own: wait until they are there.
    await page.locator('select[data-filter="source"] option:not([value=""])').first().waitFor({ state: 'attached', timeout: 30_000 });
    shown.sourceChoices = await page.locator('select[data-filter="source"] option').evaluateAll(
      (options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));

    await page.locator('select[data-filter="owner"]').selectOption(OWNER);
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBe(OWNER);
    await page.locator('[data-chip="owner"]').waitFor();
    await settled(page);
    shown.ownerTransitions = await transitionRows(page);

    // The filter stays when moving to another page, and the Funnel follows it.
    await page.locator('nav a[href^="/funnel"]').click();
    await page.locator('[data-stage]').first().waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('owner')).toBe(OWNER);
    shown.ownerStages = await hooks(page, '[data-stage]', ['data-stage', 'data-value']);

    await page.locator('[data-chip="owner"] button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBeNull();
    expect(await page.locator('[data-chip]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('from')).toBe(FILTER.from);

    // A filter on an extra column comes as attr.<column> and shows as a chip too; Clear all removes every filter.
    await page.goto(`${app.url}/funnel?${FILTER_QUERY}&attr.Tier=Gold`);
    await page.locator('[data-chip="attr.Tier"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => [...new URL(page.url()).searchParams.keys()].filter((k) => k !== 'lang')).toEqual([]);
    await page.getByTestId('add-filter').click();
    await page.getByRole('dialog').waitFor();
  });

  it('shows exactly the numbers of the CLI for the same filters, without console errors', async () => {
    await leaveAndStop(page, app);
    const db = ['--db', app.dbPath];

    const funnel = ltcJson<FunnelCohortsJson>(['funnel-cohorts', ...db, ...CLI_FILTER, '--by', 'quarter', '--by-segment', 'owner']);
    expect(shown.stages).toEqual(funnel.total.stages.map((s) => ({ 'data-stage': s.id, 'data-value': String(s.count) })));
    expect(shown.funnelFacts).toEqual([
      { 'data-metric': 'funnel_leads', 'data-value': String(funnel.total.leads) },
      { 'data-metric': 'funnel_observable', 'data-value': String(funnel.total.observable) },
      { 'data-metric': 'funnel_censored', 'data-value': String(funnel.total.censored) },
    ]);
    expect(shown.cohorts).toEqual([...funnel.cohorts.map((c) => expectedRow(c.cohort, c)), expectedRow('all', funnel.total)]);
    expect(shown.segments).toEqual(funnel.segments!.map((s) => expectedRow(s.value ?? '', s.total)));
    expect(shown.incomplete).toEqual(funnel.cohorts.filter((c) => !c.complete).map((c) => ({ 'data-cohort': c.cohort })));
    const group = funnel.segments!.find((s) => s.value === shown.group)!;
    expect(shown.groupCohorts).toEqual([...group.cohorts.map((c) => expectedRow(c.cohort, c)), expectedRow('all', group.total)]);

    const bottlenecks = ltcJson<BottlenecksJson>(['bottlenecks', ...db, ...CLI_FILTER]);
    expect(bottlenecks.bottleneck).not.toBeNull();
    expect(shown.transitions).toEqual(bottlenecks.transitions.map(expectedTransition));
    expect(shown.bottleneck).toEqual({ transition: bottlenecks.bottleneck!.transition, sentence: bottlenecks.bottleneck!.sentence });
    expect(shown.sentenceZh).toBe(bottlenecks.bottleneck!.sentence_zh);

    const slow = ltcJson<BottleneckCasesJson>(['bottlenecks', ...db, ...CLI_FILTER, '--transition', bottlenecks.bottleneck!.transition, '--limit', '20']);
    expect(shown.slowCasesTotal).toBe(String(slow.total));
    expect(shown.slowCases).toEqual(slow.cases.map((c) => ({ 'data-case': c.case_id, 'data-value': String(c.days) })));
    expect(slow.cases.length).toBe(20);

    const byOwner = ['--from', FILTER.from, '--to', FILTER.to, '--where', `owner=${OWNER}`];
    const ownerBottlenecks = ltcJson<BottlenecksJson>(['bottlenecks', ...db, ...byOwner]);
    expect(shown.ownerTransitions).toEqual(ownerBottlenecks.transitions.map(expectedTransition));
    const ownerFunnel = ltcJson<FunnelCohortsJson>(['funnel-cohorts', ...db, ...byOwner]);
    expect(shown.ownerStages).toEqual(ownerFunnel.total.stages.map((s) => ({ 'data-stage': s.id, 'data-value': String(s.count) })));

    const filters = ltcJson<FiltersJson>(['filters', ...db]);
    expect(shown.sourceChoices).toEqual(filters.fields.find((f) => f.key === 'source')!.values.map((v) => v.value));

    expect(errors).toEqual([]);
  });
});
