import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, dashboardSuite, type RunningApp } from '../helpers/browser.ts';
import { fixture, needsShared } from '../helpers/fixtures.ts';
import { writeBigLeads } from '../helpers/kill-workspace.ts';

const LOGS = ['eventlogs/running-example.xes', 'ocel/ocel20_example.jsonocel'];

describe.skipIf(!CHROMIUM)('Import page in Chromium: preview, hand mapping remembered, history and undo, rejects download', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-import-page-'));

  const write = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const leadIds = async () =>
    (await app.db.query<{ lead_id: string }>('SELECT lead_id FROM leads ORDER BY lead_id')).map((r) => r.lead_id);
  const batchIds = async () =>
    (await app.db.query<{ batch_id: number }>('SELECT batch_id::INTEGER AS batch_id FROM import_batches ORDER BY batch_id')).map((r) => r.batch_id);

  const suite = dashboardSuite();
  let app: RunningApp, page: Page, errors: string[];
  beforeAll(() => void ({ app, page, errors } = suite));

  beforeAll(async () => {
    await page.goto(`${app.url}/import?lang=en`);
  });

  it('shows why a file with unknown headers cannot be read, lets the user map it by hand and loads it', async () => {
    await page.getByTestId('import-input').setInputFiles(write('kunden.csv', 'Kennung,Datum\nK1,2025-01-03\nK2,2025-02-04\n'));
    const card = page.getByTestId('pending-file');
    const editor = card.getByTestId('mapping-editor');
    await editor.waitFor();
    await expect.poll(() => card.textContent()).toContain('cannot tell which table this file holds');
    expect(await card.textContent()).toContain('K2');

    await editor.getByTestId('mapping-kind').selectOption('leads');
    await editor.locator('select[data-field="lead_id"]').selectOption('Kennung');
    await editor.locator('select[data-field="created_at"]').selectOption('Datum');
    await page.getByTestId('import-confirm').click();

    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.locator('[data-testid="import-file"]').getAttribute('data-rows-loaded')).toBe('2');
    expect(await report.textContent()).toContain('2 rows loaded');
    expect(await leadIds()).toEqual(['K1', 'K2']);
  });

  it('pre-applies the remembered mapping to the next file with the same headers', async () => {
    await page.getByTestId('import-input').setInputFiles(write('kunden-2.csv', 'Kennung,Datum\nK3,2025-03-05\nK4,2025-04-06\nK5,2025-05-07\n'));
    const editor = page.getByTestId('mapping-editor');
    await editor.waitFor();
    await expect(page.getByTestId('mapping-remembered').textContent()).resolves.toContain('Using the mapping you chose for a file with the same columns');
    expect(await editor.getByTestId('mapping-kind').inputValue()).toBe('leads');
    expect(await editor.locator('select[data-field="lead_id"]').inputValue()).toBe('Kennung');
    expect(await editor.locator('select[data-field="created_at"]').inputValue()).toBe('Datum');

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-report').waitFor();
    expect(await leadIds()).toEqual(['K1', 'K2', 'K3', 'K4', 'K5']);
  });

  it('lists both batches in the history and undoes the last one', async () => {
    const batches = await batchIds();
    expect(batches).toHaveLength(2);
    const history = page.getByTestId('import-history');
    for (const id of batches) await history.locator(`tr[data-batch="${id}"]`).waitFor();
    expect(await history.textContent()).toContain('kunden-2.csv');

    const last = batches[1];
    await page.getByTestId(`undo-${last}`).click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('undo-result').textContent().catch(() => '')).toContain(`Batch ${last} undone: 3 rows removed`);
    expect(await leadIds()).toEqual(['K1', 'K2']);
    await expect.poll(() => page.getByTestId(`undo-${last}`).count()).toBe(0);
    expect(await page.getByTestId(`undo-${batches[0]}`).count()).toBe(1);
    expect(await history.locator(`tr[data-batch="${last}"]`).textContent()).toContain('Undone');
  });

  it('offers the rejected rows of a file as a CSV download with their line numbers', async () => {
    await page.getByTestId('import-input').setInputFiles(
      write('leads-with-a-bad-row.csv', 'lead_id,created_at,source\nB1,2025-01-03,web\nB2,not-a-date,web\nB3,2025-01-05,ads\n'));
    await page.locator('[data-testid="pending-file"][aria-busy="false"]').waitFor();
    await page.getByTestId('import-confirm').click();
    const link = page.getByTestId('rejects-download');
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/rejects\.csv\?batch=\d+$/);
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href as string);
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('batch,file,line,column,reason,reason_zh'); // reason_zh last: the columns scripts read stay where they were
    expect(lines).toHaveLength(2);
    expect(lines[1].split(',').slice(1, 4)).toEqual(['leads-with-a-bad-row.csv', '3', 'created_at']);
    expect(await page.getByTestId('import-report').textContent()).toContain('not-a-date');
    expect(errors).toEqual([]);
  });

  it('loads XES and OCEL logs whole, without a column mapping', needsShared('import page with event logs', LOGS), async () => {
    await page.goto(`${app.url}/import?lang=en`);
    await page.getByTestId('import-input').setInputFiles(LOGS.map((log) => fixture(log)));
    const notes = page.getByTestId('event-log-note');
    await expect.poll(() => notes.count()).toBe(2);
    expect(await notes.first().textContent()).toContain('XES event log');
    expect(await page.getByTestId('mapping-editor').count()).toBe(0);
    await page.getByTestId('import-confirm').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const loaded = await report.locator('[data-testid="import-file"]').evaluateAll((files) => files.map((f) => f.getAttribute('data-rows-loaded')));
    // The running example has 42 events; the OCEL example 13 (SOURCES.md).
    expect(loaded).toEqual(['42', '13']);
    const [{ n }] = await app.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ocel_events');
    expect(n).toBe(13);
    expect(errors).toEqual([]);
  });

  it('shows the bytes sent of a long import and cancels it: nothing of the file is loaded', async () => {
    await page.goto(`${app.url}/import?lang=en`);
    const batches = await batchIds();
    const big = join(dir, 'leads-big.csv');
    await writeBigLeads(big, 150_000);
    await page.getByTestId('import-input').setInputFiles(big);
    await page.getByTestId('import-confirm').click();
    const progress = page.getByTestId('import-progress');
    await progress.waitFor();
    await expect.poll(() => progress.textContent()).toMatch(/\d B sent|KB sent|MB sent|loading the rows/);
    await page.getByTestId('import-cancel').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('Cancelled: not loaded');
    await app.db.idle();
    expect(await batchIds()).toEqual(batches);
    expect(errors.filter((e) => !/ERR_|net::/.test(e))).toEqual([]);
  });
});
