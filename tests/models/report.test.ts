/**
 * The evaluation report (`ltc report`): one self-contained file — no scripts, nothing fetched — whose
 * before/after table carries the same figures as `compare`, with the charts, methods and data
 * quality sections, in English and Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkspace } from '../helpers/workspace.ts';
import { compare } from '../../models/compare.ts';
import type { Database } from '../../models/db/database.ts';
import { evaluationReport, type EvaluationReport } from '../../models/report.ts';
import { reportHtml } from '../../app/render/report-html.ts';

let db: Database;
let report: EvaluationReport;
beforeAll(async () => {
  db = await sampleWorkspace();
  report = await evaluationReport(db, { cutover: '2025-01-01' });
});
afterAll(() => db?.close());

const row = (html: string, id: string) => html.match(new RegExp(`<tr data-kpi="${id}">([\\s\\S]*?)</tr>`))![1];
const cells = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);

describe('evaluation report', () => {
  it('stands alone: no script, no stylesheet or image from elsewhere', () => {
    const html = reportHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('@media print');
  });

  it('has the before/after table of compare, with its intervals and p-values', async () => {
    const expected = await compare(db, { cutover: '2025-01-01' });
    const html = reportHtml(report);
    expect(expected.kpis.map((k) => k.id)).toEqual([
      'lead_conversion_rate', 'sales_cycle_days', 'order_processing_days', 'collection_days', 'lead_to_cash_days',
      'win_rate', 'opportunity_cycle_days', 'deal_value']);
    for (const k of expected.kpis) {
      const [before, after, change, ci, p] = cells(row(html, k.id));
      const grouped = (v: number) => String(Math.round(v)).replace(/\B(?=(\d{3})+$)/g, ',');
      const shown = (v: number) => (k.unit === 'ratio' ? `${(v * 100).toFixed(1)}%` : k.unit === 'amount' ? grouped(v) : `${v.toFixed(1)} d`);
      expect([before, after]).toEqual([shown(k.before.value!), shown(k.after.value!)]);
      expect(change).toBe(`${k.change_pct! > 0 ? '+' : '−'}${Math.abs(k.change_pct! * 100).toFixed(1)}%`);
      expect(ci).toContain(' … ');
      // The designed change is significant on every lead-cohorted measure (tests/sample-data/designed-change.test.ts);
      // the opportunity measures follow the opportunity's creation, which lags the designed switch at the lead's.
      if (!['win_rate', 'opportunity_cycle_days', 'deal_value'].includes(k.id)) expect(p).toBe('p &lt; 0.001');
    }
  });

  it('draws the trends, distributions and time-to-event curves, and the mix and quality sections', () => {
    const html = reportHtml(report);
    const charts = html.match(/<svg\b/g)?.length ?? 0;
    // 5 monthly series + 4 duration distributions + 2 curves (legends may add swatches, never fewer).
    expect(charts).toBeGreaterThanOrEqual(11);
    expect(report.change.suggested_cutover).toBe('2025-01-01');
    expect(html).toContain('The monthly series change most at 2025-01-01');
    expect(html).toContain('Was it the process or the mix?');
    expect(html).toContain(`${report.imports.files} files imported`);
    expect(report.mix?.strata.length).toBeGreaterThan(1);
  });

  it('speaks Chinese with the classic headings', () => {
    const html = reportHtml(report, 'zh');
    expect(html).toContain('<th>指标</th><th>优化前</th><th>优化后</th><th>提升幅度</th>');
    expect(html).toContain('lang="zh-CN"');
  });
});
