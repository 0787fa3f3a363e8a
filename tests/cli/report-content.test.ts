/**
 * What `ltc report` writes, cell by cell, on the hand-built world of tests/helpers/cutover-world.ts:
 * the before/after table of two date ranges (--before/--after) with its intervals and p-values
 * worked out by hand and against Newcombe's published example, and with a cut-over, the
 * time-to-event and mix sections — stratified by the key --by names.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { CUTOVER, cutoverWorld } from '../helpers/cutover-world.ts';
import { classicRow, reportProse as prose } from '../helpers/report-cells.ts';
import { writeBundle } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-report-content-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'ws.duckdb');

// Two proportions by the formulas of Newcombe (1998), written out here rather than taken from
// models/stats: Wilson's score limits of each, then the hybrid score interval of after − before.
const Z = 1.959963984540054;
function wilson(x: number, n: number): [number, number] {
  const p = x / n;
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z / (1 + (Z * Z) / n)) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [centre - half, centre + half];
}
function newcombe(x1: number, n1: number, x2: number, n2: number): [number, number] {
  const [p1, p2] = [x1 / n1, x2 / n2];
  const [l1, u1] = wilson(x1, n1);
  const [l2, u2] = wilson(x2, n2);
  return [p1 - p2 - Math.hypot(p1 - l1, u2 - p2), p1 - p2 + Math.hypot(u1 - p1, p2 - l2)];
}

const ranges = join(dir, 'ranges.html');
let rangesSummary: unknown;

describe('ltc report: the content of the HTML file', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...writeBundle(cutoverWorld()).paths]);
    rangesSummary = ltcJson(['report', '--db', db, '--before', '2024-01-01..2024-02-29', '--after', '2024-05-01..2024-07-31', '--out', ranges]);
  });

  it('--before/--after: the before/after table with the Newcombe interval and the z-test of the rate', () => {
    // Five lead and order measures, and the three opportunity measures (this world has no opportunities: unavailable rows).
    expect(rangesSummary).toEqual({ out: ranges, cutover: null, data_end: '2024-12-01T00:00:00', kpis: 8 });
    const html = readFileSync(ranges, 'utf8');
    expect(html).toContain('<p class="facts">before 2024-01-01 – 2024-02-29, after 2024-05-01 – 2024-07-31 · data through 2024-12-01 · conversion window 90 days');

    // 56/70 after against 48/80 before: Newcombe (1998) Table II, example (a), method 10 publishes
    // the interval +0.0524 … +0.3339; the hand computation agrees to its four digits.
    const [lo, hi] = newcombe(56, 70, 48, 80);
    expect([Number(lo.toFixed(4)), Number(hi.toFixed(4))]).toEqual([0.0524, 0.3339]);
    // The pooled z-test: p̄ = 104/150, SE = √(p̄(1 − p̄)(1/70 + 1/80)), z = (0.8 − 0.6)/SE = 2.6502;
    // two-sided p = erfc(z/√2) = 0.00805 (Python's math.erfc), shown as 0.008.
    const pooled = 104 / 150;
    const z = (0.8 - 0.6) / Math.sqrt(pooled * (1 - pooled) * (1 / 70 + 1 / 80));
    expect(z).toBeCloseTo(2.6501719512585336, 12);
    expect(classicRow(html, 'lead_conversion_rate')).toEqual([
      'Lead conversion rate', '60.0%', '80.0%', '+33.3%', `+${(lo * 100).toFixed(1)} … +${(hi * 100).toFixed(1)} pp`, 'p = 0.008', 'improved (significant)',
    ]);
    expect(classicRow(html, 'lead_conversion_rate')[4]).toBe('+5.2 … +33.4 pp');

    // Every duration of a side is the same number of days, so every bootstrap resample has the same
    // median difference: the interval is that one value. Mann–Whitney puts every after item below
    // every before item (U = 0): z ≈ −10 with the tie correction, p far below 0.001.
    expect(classicRow(html, 'sales_cycle_days')).toEqual(['Sales cycle', '30.0 d', '20.0 d', '−33.3%', '−10.0 … −10.0 d', 'p &lt; 0.001', 'improved (significant)']);
    expect(classicRow(html, 'order_processing_days')).toEqual(['Order processing time', '5.0 d', '3.0 d', '−40.0%', '−2.0 … −2.0 d', 'p &lt; 0.001', 'improved (significant)']);
    expect(classicRow(html, 'collection_days')).toEqual(['Collection period', '30.0 d', '20.0 d', '−33.3%', '−10.0 … −10.0 d', 'p &lt; 0.001', 'improved (significant)']);
    expect(classicRow(html, 'lead_to_cash_days')).toEqual(['Lead-to-cash time', '65.0 d', '43.0 d', '−33.8%', '−22.0 … −22.0 d', 'p &lt; 0.001', 'improved (significant)']);

    // Two ranges have no cut-over: no time-to-event curves, no mix view.
    const text = prose(html);
    expect(text).not.toContain('Time to order and to cash');
    expect(text).not.toContain('Was it the process or the mix?');
    expect(text).toContain('The monthly series change most at 2024-05-01.');
    expect(text).toContain('5 files imported: 566 rows read, 566 loaded, 0 rejected');
    expect(text).toContain('104 of 104 orders traced back to a lead (100.0%).');
  });

  it('--before/--after: the items of each range, by the start event of each measure', () => {
    const html = readFileSync(ranges, 'utf8');
    const items = (label: string) => {
      const row = new RegExp(`<th scope="row">${label}</th>\\s*<td class="num">(\\d+)</td><td class="num">(\\d+)</td>\\s*<td class="num">(\\d+)</td><td class="num">(\\d+)</td>`).exec(html);
      return row ? row.slice(1).map(Number) : null;
    };
    // Leads: 80 created in the before range, 70 in the after range, none too young to judge.
    expect(items('Lead conversion rate')).toEqual([80, 0, 70, 0]);
    expect(items('Sales cycle')).toEqual([48, 0, 56, 0]);
    // Orders created in the ranges: the January converts' (Jan 31 – Feb 27; February's come in March);
    // after, the orders of May and June (40) and of the July leads of days 1–11 (ordered by Jul 31).
    expect(items('Order processing time')).toEqual([24, 0, 51, 0]);
    // Invoices issued in the ranges: January's converts' (Feb 5 – Feb 28); after, May's and June's
    // (40) and July's leads of days 1–8 (invoiced 23 days later, by Jul 31).
    expect(items('Collection period')).toEqual([24, 0, 48, 0]);
  });

  it('--cutover with --by region: the curves and the mix view by region', () => {
    const out = join(dir, 'by-region.html');
    expect(ltcJson(['report', '--db', db, '--cutover', CUTOVER, '--by', 'region', '--out', out])).toMatchObject({ cutover: CUTOVER });
    const text = prose(readFileSync(out, 'utf8'));
    expect(text).toContain('<p class="facts">cut-over 2024-05-01 · data through 2024-12-01 · conversion window 90 days');
    expect(text).toContain('The monthly series change most at 2024-05-01, the cut-over of this report.');
    // Every lead is older than 90 days at the data end: within 90 days is the share that ordered.
    expect(text).toContain('Time to first order · within 90 days 60.0% → 80.0% · log-rank p &lt; 0.001');
    expect(text).toContain('Time to cash · within 90 days 60.0% → 80.0% · log-rank p &lt; 0.001');
    expect(text).toContain('Each measure compared within region values and re-weighted to the before mix');
    // Before mix: 44 North, 36 South of 80; adjusted after = 44/80 · 24/26 + 36/80 · 32/44 = 0.835.
    const adjusted = ((44 / 80) * (24 / 26) + (36 / 80) * (32 / 44) - 0.6) / 0.6;
    expect(text).toMatch(new RegExp(`<th scope="row">Lead conversion rate</th><td class="num">\\+33\\.3%</td>\\s*<td class="num">\\+${(adjusted * 100).toFixed(1).replace('.', '\\.')}%</td><td class="num">100%</td>`));
    expect(text).toContain('<td class="num">+39.2%</td>');
    expect(text).toContain('<h3>Before → after by region</h3>');
    expect(text).toContain('<th scope="row">South</th><td class="num">50.0% → 72.7%</td><td class="num">30.0 d → 20.0 d</td><td class="num">5.0 d → 3.0 d</td><td class="num">30.0 d → 20.0 d</td><td class="num">65.0 d → 43.0 d</td>');
    expect(text).toContain('<th scope="row">North</th><td class="num">68.2% → 92.3%</td>');
    expect(text).not.toContain('<th scope="row">Web</th>');
  });

  it('--cutover without --by stratifies by source; a filter on that key leaves the mix view out', () => {
    const out = join(dir, 'by-source.html');
    ltcJson(['report', '--db', db, '--cutover', CUTOVER, '--out', out]);
    const text = prose(readFileSync(out, 'utf8'));
    expect(text).toContain('<h3>Before → after by source</h3>');
    // 3/4 Web, 1/4 Fair before: adjusted after = 3/4 · 32/35 + 1/4 · 24/35 = 30/35, +42.9% on 60%.
    expect(text).toContain('<th scope="row">Web</th><td class="num">70.0% → 91.4%</td>');
    expect(text).toContain('<th scope="row">Fair</th><td class="num">30.0% → 68.6%</td>');
    expect(text).toContain('<td class="num">+42.9%</td>');

    const filtered = join(dir, 'web-only.html');
    ltcJson(['report', '--db', db, '--cutover', CUTOVER, '--where', 'source=Web', '--out', filtered]);
    const web = prose(readFileSync(filtered, 'utf8'));
    expect(web).not.toContain('Was it the process or the mix?');
    // Web only: 42/60 before, 32/35 after.
    expect(classicRow(web, 'lead_conversion_rate').slice(0, 4)).toEqual(['Lead conversion rate', '70.0%', '91.4%', '+30.6%']);
  });

  it('--by in Chinese, and a key that does not exist is bad usage (exit 2, no file)', () => {
    const zh = join(dir, 'zh.html');
    ltcJson(['report', '--db', db, '--cutover', CUTOVER, '--by', 'region', '--lang', 'zh', '--out', zh]);
    const text = prose(readFileSync(zh, 'utf8'));
    expect(text).toContain('<h3>按 region 分层：优化前 → 优化后</h3>');
    expect(classicRow(text, 'lead_conversion_rate')).toEqual(['客户转化率', '60.0%', '80.0%', '+33.3%', '+5.2 … +33.4 pp', 'p = 0.008', '显著改善']);

    const bad = join(dir, 'bad.html');
    const result = ltc(['report', '--db', db, '--cutover', CUTOVER, '--by', 'colour', '--out', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ltc report: --by must be one of source, owner, region, segment, not "colour"\n$/);
    expect(existsSync(bad) || existsSync(`${bad}.partial`)).toBe(false);
  });
});
