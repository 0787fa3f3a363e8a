import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01T09:00:00+08:00,Web\nL2,2025-01-02,Fair\nL3,2025-04-20,Web\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-01-11,L1,100\nSO2,2025-02-01,L2,200\n',
  'deliveries.csv': 'delivery_id,order_id,delivered_at\nD1,SO1,2025-01-21\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-01-21,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id\nP1,2025-02-10,100,I1\n',
  'bad-orders.csv': 'order_id,total\nSO9,10\n',
});
const db = join(mkdtempSync(join(tmpdir(), 'ltc-cli-')), 'ws.duckdb');
const good = bundle.paths.filter((p) => !p.endsWith('bad-orders.csv'));

describe('ltc command line (docs/api.md)', () => {
  beforeAll(() => {
    const report = ltcJson<{ files: { path: string; kind: string; rows_loaded: number }[] }>(['ingest', '--db', db, ...good]);
    expect(report.files.map((f) => [f.kind, f.rows_loaded])).toEqual([
      ['leads', 3], ['orders', 2], ['deliveries', 1], ['invoices', 1], ['payments', 1],
    ]);
  });

  it('prints the ingest report in the docs/api.md shape', () => {
    const again = ltcJson<{ files: Record<string, unknown>[] }>(['ingest', '--db', db, good[0]]);
    for (const key of ['path', 'kind', 'preset', 'encoding', 'rows_read', 'rows_loaded', 'rows_rejected', 'rejects']) {
      expect(again.files[0]).toHaveProperty(key);
    }
  });

  it('prints kpis, funnel and compare as JSON with the docs/api.md fields', () => {
    const kpis = ltcJson<{ data_end: string; window_days: number; kpis: Record<string, unknown>[] }>(['kpis', '--db', db]);
    expect(kpis.data_end).toBe('2025-04-20T00:00:00');
    expect(kpis.window_days).toBe(90);
    expect(kpis.kpis.map((k) => k.id)).toEqual([
      'lead_conversion_rate', 'sales_cycle_days', 'order_processing_days', 'collection_days', 'lead_to_cash_days',
      'win_rate', 'opportunity_cycle_days', 'deal_value']);
    for (const key of ['id', 'unit', 'better', 'value', 'n', 'count', 'mean', 'median', 'p90', 'censored', 'excluded', 'thin']) {
      expect(kpis.kpis[0]).toHaveProperty(key);
    }
    // L1 was created 2025-01-01 01:00 UTC; its order came 2025-01-11 00:00 → 9 days 23 hours.
    expect(kpis.kpis[1]).toMatchObject({ id: 'sales_cycle_days', n: 2 });
    expect(kpis.kpis[1].mean).toBeCloseTo((9 + 23 / 24 + 30) / 2, 10);

    const funnel = ltcJson<{ stages: { id: string; count: number }[] }>(['funnel', '--db', db]);
    expect(funnel.stages.map((s) => [s.id, s.count])).toEqual([
      ['lead_created', 3], ['order_created', 2], ['delivered', 1], ['invoiced', 1], ['paid', 1]]);

    const compared = ltcJson<{ cutover: string; kpis: { id: string; change_pct: number | null }[] }>(
      ['compare', '--db', db, '--cutover', '2025-01-02', '--window-days', '29']);
    expect(compared.cutover).toBe('2025-01-02');
    expect(compared.kpis).toHaveLength(8);
    const conversion = compared.kpis[0] as unknown as { before: { count: number; n: number }; after: { count: number; n: number } };
    expect([conversion.before.count, conversion.before.n, conversion.after.count, conversion.after.n]).toEqual([1, 1, 0, 1]);
  });

  it('prints the classic before/after table in Chinese', () => {
    const { code, stdout } = ltc(['compare', '--db', db, '--cutover', '2025-01-02', '--lang', 'zh']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/指标\s+优化前\s+优化后\s+提升幅度/);
    expect(stdout).toMatch(/客户转化率/);
  });

  it('adds p-values, intervals and tests to compare, and says why they are missing', () => {
    type Row = { id: string; test: string; p_value: number | null; ci95: [number, number] | null; median_diff: number | null; note?: string; note_zh?: string };
    type Result = { cutover: string | null; exclude_days: number; periods: Record<string, { from: string | null; to: string | null }>; kpis: Row[] };
    const cut = ltcJson<Result>(['compare', '--db', db, '--cutover', '2025-01-02', '--window-days', '29']);
    for (const k of cut.kpis) {
      for (const key of ['p_value', 'ci95', 'test', 'median_diff']) expect(k, k.id).toHaveProperty(key);
    }
    expect(cut.kpis.map((k) => k.test)).toEqual(['two-proportion z', 'Mann–Whitney U', 'Mann–Whitney U', 'Mann–Whitney U', 'Mann–Whitney U',
      'two-proportion z', 'Mann–Whitney U', 'Mann–Whitney U']);
    // one lead a side: 1/1 converted before, 0/1 after → the z-test and Newcombe interval still apply
    expect(cut.kpis[0].p_value).toBeGreaterThan(0.05);
    expect(cut.kpis[0].ci95![0]).toBeLessThan(0);
    // one sales cycle a side: too few to test
    expect(cut.kpis[1]).toMatchObject({ p_value: null, ci95: null });
    expect(cut.kpis[1].note).toMatch(/too few completed items/);
    expect(cut.exclude_days).toBe(0);

    const ranges = ltcJson<Result>(['compare', '--db', db, '--before', '2025-01-01..2025-01-01', '--after', '2025-01-02..2025-04-30', '--window-days', '29']);
    expect(ranges.cutover).toBeNull();
    expect(ranges.periods.after).toEqual({ from: '2025-01-02', to: '2025-04-30' });
    expect(ranges.kpis).toEqual(cut.kpis);

    // leaving out the day after the cut-over drops L2: no observable lead remains after
    const excluded = ltcJson<Result>(['compare', '--db', db, '--cutover', '2025-01-02', '--exclude-days', '1', '--window-days', '29']);
    expect(excluded.periods.after.from).toBe('2025-01-03');
    expect(excluded.kpis[0]).toMatchObject({ p_value: null, ci95: null });
    expect(excluded.kpis[0].note).toMatch(/no observable leads after/);
  });

  it('prints p-value and 95% CI columns with a line explaining the tests', () => {
    const { code, stdout } = ltc(['compare', '--db', db, '--cutover', '2025-01-02', '--window-days', '29']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Measure\s+Before\s+After\s+Change\s+p-value\s+95% CI/);
    expect(stdout).toMatch(/two-proportion z-test .* Mann–Whitney U/);
    expect(stdout).toMatch(/Sales cycle: too few completed items/);
    const zh = ltc(['compare', '--db', db, '--before', '2025-01-01..2025-01-01', '--after', '2025-01-02..2025-04-30', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/指标\s+优化前\s+优化后\s+提升幅度\s+p 值\s+95% 置信区间/);
    expect(zh.stdout).toMatch(/优化前 2025-01-01 至 2025-01-01/);
  });

  it('exits 2 on bad compare periods', () => {
    for (const args of [
      ['--cutover', '2025-01-02', '--exclude-days', 'seven'],
      ['--cutover', '2025-01-02', '--before', '2024-01-01..2024-12-31', '--after', '2025-01-02..2025-04-30'],
      ['--before', '2024-01-01..2024-12-31'],
      ['--before', '2024-01-01/2024-12-31', '--after', '2025-01-02..2025-04-30'],
      ['--before', '2025-02-01..2025-03-01', '--after', '2025-01-02..2025-04-30'],
    ]) {
      const result = ltc(['compare', '--db', db, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^ltc compare: /);
    }
  });

  it('gives the same numbers whatever the machine timezone', () => {
    const east = ltc(['kpis', '--db', db, '--json'], { TZ: 'Asia/Shanghai' });
    const west = ltc(['kpis', '--db', db, '--json'], { TZ: 'America/Los_Angeles' });
    expect(east.code).toBe(0);
    expect(east.stdout).toBe(west.stdout);
  });

  it('exits 2 on bad usage', () => {
    expect(ltc(['kpis', '--db', db, '--from', '2025-31-01']).code).toBe(2);
    expect(ltc(['kpis', '--db', db, '--bogus']).code).toBe(2);
    expect(ltc(['compare', '--db', db]).code).toBe(2);
    expect(ltc(['nonsense']).code).toBe(2);
    // Not a command, though every object has it.
    expect(ltc(['toString']).code).toBe(2);
    // Node's parser says this in three lines; ltc in one.
    const dash = ltc(['compare', '--db', db, '--cutover', '2025-01-01', '--exclude-days', '-3']);
    expect(dash.code).toBe(2);
    expect(dash.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 on a bad file with one line naming file and line, leaving the database unchanged', () => {
    const before = ltc(['kpis', '--db', db, '--json']).stdout;
    const batches = ltc(['ingest', '--db', db, '--json', bundle.paths.find((p) => p.endsWith('bad-orders.csv'))!]);
    expect(batches.code).toBe(1);
    const lines = batches.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/bad-orders\.csv:\d+: /);
    expect(ltc(['kpis', '--db', db, '--json']).stdout).toBe(before);
  });
});
