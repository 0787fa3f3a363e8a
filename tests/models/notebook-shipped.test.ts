/**
 * The notebooks that ship in notebooks/ render on the sample bundle without a problem, and the
 * numbers they cite equal what the models (and so the CLI and the dashboard) compute.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notebookHtml } from '../../app/render/notebook-html.ts';
import { bottlenecks } from '../../models/bottlenecks.ts';
import { compare } from '../../models/compare.ts';
import type { Database } from '../../models/db/database.ts';
import { linkQuality } from '../../models/links.ts';
import { dataFacts, kpis, type MeasureId } from '../../models/measures.ts';
import { listNotebooks, loadNotebook } from '../../models/notebook/library.ts';
import { runNotebook, type NotebookRun, type ResultRow, type SqlResult } from '../../models/notebook/run.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle/', import.meta.url));

let db: Database;
const runs = new Map<string, NotebookRun>();

beforeAll(async () => {
  db = await openWorkspace(':memory:');
  const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.csv')).sort();
  const report = await importAndRebuild(db, files.map((f) => ({ path: join(BUNDLE, f), name: f })));
  expect(report.files.filter((f) => f.error)).toEqual([]);
  for (const { file } of listNotebooks()) runs.set(file, await runNotebook(db, loadNotebook(file)));
});
afterAll(() => db.close());

const rows = (file: string, block: string): readonly ResultRow[] => {
  const cell = runs.get(file)!.cells.find((c): c is SqlResult => c.kind === 'sql' && c.name === block);
  if (!cell) throw new Error(`${file} has no block ${block}`);
  return cell.rows;
};
const num = (value: unknown) => Number(value);

describe('shipped notebooks', () => {
  it('are at least transformation-review, bottleneck-review and data-quality, each with an English and a Chinese title', () => {
    const list = listNotebooks();
    expect(list.map((n) => n.file)).toEqual(expect.arrayContaining(['transformation-review.md', 'bottleneck-review.md', 'data-quality.md']));
    for (const entry of list) {
      expect(entry.title, entry.file).toBeTruthy();
      expect(entry.title_zh, entry.file).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.description, entry.file).toBeTruthy();
    }
  });

  it('each have a Chinese description for the Chinese list', () => {
    for (const entry of listNotebooks()) expect(entry.description_zh, entry.file).toMatch(/[\u4e00-\u9fff]/);
  });

  it('render on the sample data without a failing block, chart or reference', () => {
    for (const [file, run] of runs) expect(run.errors, file).toEqual([]);
  });

  it('write HTML files without scripts or anything fetched from elsewhere', () => {
    for (const [file, run] of runs) {
      const html = notebookHtml(run, { source: `notebooks/${file}` });
      expect(html, file).not.toMatch(/<script/i);
      expect(html, file).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
      expect(html, file).not.toMatch(/url\(\s*["']?(?!#)|@import/i);
      expect(html, file).toMatch(/<svg/);
    }
  });
});

describe('transformation-review', () => {
  it('has the before/after values of `ltc compare --cutover 2025-01-01`', async () => {
    const result = await compare(db, { cutover: '2025-01-01' });
    const measure = (id: MeasureId) => result.kpis.find((k) => k.id === id)!;

    const conversion = measure('lead_conversion_rate');
    const byPeriod = Object.fromEntries(rows('transformation-review.md', 'conversion').map((r) => [r.period, r]));
    for (const period of ['before', 'after'] as const) {
      expect(num(byPeriod[period].rate)).toBeCloseTo(conversion[period].value!, 12);
      expect(num(byPeriod[period].leads)).toBe(conversion[period].n);
      expect(num(byPeriod[period].converted)).toBe(conversion[period].count);
      expect(num(byPeriod[period].censored)).toBe(conversion[period].censored);
    }
    const [conv] = rows('transformation-review.md', 'conv');
    expect(num(conv.change)).toBeCloseTo(conversion.change_pct!, 12);

    const durations = rows('transformation-review.md', 'durations');
    for (const id of ['sales_cycle_days', 'order_processing_days', 'collection_days', 'lead_to_cash_days'] as const) {
      for (const period of ['before', 'after'] as const) {
        const row = durations.find((r) => r.measure === id && r.period === period)!;
        const expected = measure(id)[period];
        expect(num(row.mean), `${id} ${period}`).toBeCloseTo(expected.mean!, 9);
        expect(num(row.median), `${id} ${period}`).toBeCloseTo(expected.median!, 9);
        expect(num(row.n), `${id} ${period}`).toBe(expected.n);
        expect(num(row.censored), `${id} ${period}`).toBe(expected.censored);
      }
    }

    const table = rows('transformation-review.md', 'before_after');
    // The shipped notebook reviews the five lead-to-cash measures; the opportunity measures follow them in compare.
    expect(table.map((r) => r.measure)).toEqual(result.kpis.slice(0, 5).map((k) => k.label));
    const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
    expect(table[0]['优化前 before']).toBe(percent(conversion.before.value!));
    expect(table[2]['优化后 after']).toBe(`${measure('order_processing_days').after.value!.toFixed(1)} d`);
  });
});

describe('bottleneck-review', () => {
  it('names the bottleneck of `ltc bottlenecks` and has its transitions and waiting cases', async () => {
    const result = await bottlenecks(db);
    const [top] = rows('bottleneck-review.md', 'top');
    expect(top.transition).toBe(result.bottleneck!.label);
    expect(num(top.total_days)).toBeCloseTo(result.bottleneck!.total_days, 6);

    const transitions = rows('bottleneck-review.md', 'transitions');
    expect(transitions.map((r) => r.transition)).toEqual(result.transitions.map((t) => t.label));
    for (const t of result.transitions) {
      const row = transitions.find((r) => r.transition === t.label)!;
      expect(num(row.completed), t.id).toBe(t.n);
      expect(num(row.mean), t.id).toBeCloseTo(t.mean!, 9);
      expect(num(row.median), t.id).toBeCloseTo(t.median!, 9);
      expect(num(row.p90), t.id).toBeCloseTo(t.p90!, 9);
      expect(num(row.total_days), t.id).toBeCloseTo(t.total_days, 6);
    }

    // Cases wait after a milestone for the transition that starts there.
    const waiting = rows('bottleneck-review.md', 'waiting');
    const expectedWaiting = new Map<string, { cases: number; over30: number }>();
    for (const t of result.transitions) {
      const from = t.label.split(' → ')[0];
      const seen = expectedWaiting.get(from) ?? { cases: 0, over30: 0 };
      expectedWaiting.set(from, { cases: seen.cases + t.waiting.count, over30: seen.over30 + t.waiting.over_30_days });
    }
    const notebookWaiting = new Map(waiting.map((r) => [String(r.waiting_after), { cases: num(r.cases), over30: num(r.over_30_days) }]));
    for (const [from, expected] of expectedWaiting) {
      if (expected.cases > 0) expect(notebookWaiting.get(from), from).toEqual(expected);
    }
    expect([...notebookWaiting.keys()].every((from) => expectedWaiting.has(from))).toBe(true);
  });
});

describe('data-quality', () => {
  it('counts the rows, links and open items that the models count', async () => {
    const facts = await dataFacts(db);
    const counts = Object.fromEntries(rows('data-quality.md', 'row_counts').map((r) => [r.table, num(r.rows)]));
    for (const table of ['leads', 'opportunities', 'quotes', 'orders', 'deliveries', 'invoices', 'payments', 'accounts'] as const) {
      expect(counts[table], table).toBe(facts[table]);
    }

    const links = await linkQuality(db);
    const [traced] = rows('data-quality.md', 'orders_traced');
    expect(num(traced.orders)).toBe(links.orders.total);
    expect(num(traced.traced)).toBe(links.orders.traced_to_lead);
    expect(num(traced.traced_share)).toBeCloseTo(links.orders.traced_to_lead_share!, 12);
    expect(num(traced.untraced)).toBe(links.orders.untraced);

    const { kpis: measures } = await kpis(db);
    const open = rows('data-quality.md', 'censored').map((r) => num(r.open));
    expect(open).toEqual(['lead_conversion_rate', 'order_processing_days', 'collection_days', 'lead_to_cash_days']
      .map((id) => measures.find((m) => m.id === id)!.censored));
    // The sales cycle is measured on the conversion cohort: its young leads are the conversion's.
    expect(measures.find((m) => m.id === 'sales_cycle_days')!.censored).toBe(0);

    const [totals] = rows('data-quality.md', 'reject_totals');
    expect(num(totals.batches)).toBe(8);
    expect(num(totals.rows_rejected)).toBe(0);
  });
});
