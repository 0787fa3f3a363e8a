/**
 * Notebooks take their dates from the workspace: on a 2018–2019 world the shipped notebooks name its
 * change point and its range, never the sample data's 2025-01-01; a chosen cut-over wins; the
 * built-in `workspace` block is a table for the SQL and a source for the prose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notebookHtml } from '../../app/render/notebook-html.ts';
import type { Database } from '../../models/db/database.ts';
import { listNotebooks, loadNotebook } from '../../models/notebook/library.ts';
import { parseNotebook } from '../../models/notebook/parse.ts';
import { runNotebook, type SqlResult } from '../../models/notebook/run.ts';
import { PLANTED_CHANGE, plantedChangeWorld } from '../helpers/dated-world.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database;
beforeAll(async () => {
  ({ db } = await workspace(plantedChangeWorld()));
});
afterAll(() => db.close());

const block = (cells: readonly unknown[], name: string) =>
  (cells as SqlResult[]).find((c) => c.kind === 'sql' && c.name === name)!;

describe('notebooks on a 2018–2019 workspace', () => {
  it('render every shipped notebook without a problem and without 2025-01-01', async () => {
    for (const { file } of listNotebooks()) {
      const run = await runNotebook(db, loadNotebook(file));
      expect(run.errors, file).toEqual([]);
      const html = notebookHtml(run);
      expect(html, file).not.toContain('2025-01-01');
      expect(html, file).not.toContain('2025');
    }
  });

  it('split transformation-review at the workspace’s change point and name where it came from', async () => {
    const run = await runNotebook(db, loadNotebook('transformation-review.md'));
    expect(run.workspace).toEqual({
      cutover: PLANTED_CHANGE, cutover_source: 'change-point', data_start: '2018-01-05T09:00:00', data_end: '2019-12-15T09:00:00',
    });
    const html = notebookHtml(run);
    expect(html).toContain(`went live on <strong><span class="nb-ref" data-ref="workspace.cutover">${PLANTED_CHANGE}</span></strong>`);
    expect(html).toContain('<span class="nb-ref" data-ref="workspace.cutover_basis">suggested by change-point</span>');
    expect(html).toContain('<span class="nb-ref" data-ref="workspace.data_start">2018-01-05 09:00:00</span>');
    expect(html).toContain(`cut-over ${PLANTED_CHANGE} (suggested by change-point)`);
    // 15 months before (2018-01 … 2019-03) at 6 of 20, the months after at 14 of 20; the last
    // months' leads are younger than the 90-day window at the data end and are not judged yet.
    const conversion = Object.fromEntries(block(run.cells, 'conversion').rows.map((r) => [r.period, r]));
    expect([conversion.before.leads, conversion.before.converted]).toEqual([300, 90]);
    expect(conversion.after.rate).toBeCloseTo(0.7, 12);
  });

  it('take a chosen cut-over instead', async () => {
    const run = await runNotebook(db, loadNotebook('transformation-review.md'), { cutover: '2018-07-01' });
    expect(run.workspace.cutover_source).toBe('chosen');
    const conversion = Object.fromEntries(block(run.cells, 'conversion').rows.map((r) => [r.period, r]));
    // January–June 2018: 6 months of 20 leads, 6 converted each.
    expect([conversion.before.leads, conversion.before.converted]).toEqual([120, 36]);
    expect(notebookHtml(run)).toContain('cut-over 2018-07-01 (chosen)');
  });

  it('let a block read the workspace as a table and hide the built-in block from view', async () => {
    const notebook = parseNotebook(`# Range

From {{workspace.data_start}} to {{workspace.data_end}}; {{span.days:int}} days.

\`\`\`sql name=span
SELECT date_diff('day', data_start, data_end) AS days, cutover < DATE '2019-05-01' AS early FROM workspace
\`\`\`
`, 'range.md');
    const run = await runNotebook(db, notebook);
    expect(run.errors).toEqual([]);
    // 2018-01-05 to 2019-01-05: 365 days; to 2019-12-15: 334 + 10 more.
    expect(block(run.cells, 'span').rows).toEqual([{ days: 709, early: true }]);
    const html = notebookHtml(run);
    expect(html).toContain('<span class="nb-ref" data-ref="span.days">709</span> days');
    expect(html).not.toContain('SQL · workspace');
  });

  it('refuse a cut-over that is not a date', async () => {
    await expect(runNotebook(db, loadNotebook('transformation-review.md'), { cutover: "2019-01-01' OR 1=1" }))
      .rejects.toThrow(/--cutover must be a date like/);
  });
});
