import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgingResult } from '../../models/aging.ts';
import type { DsoResult } from '../../models/dso.ts';
import type { TrendsResult } from '../../models/trends.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';

/**
 * Timestamps with offsets near month ends: L1 is 2025-02-01 04:00 UTC (still January in Los Angeles),
 * L2 is 2025-01-31 23:00 UTC (already February in Shanghai), I1 is issued 2025-03-01 04:00 UTC
 * (February in Los Angeles). data_end = 2025-03-20 (P1).
 */
const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source\nL1,2025-01-31T20:00:00-08:00,Web\nL2,2025-02-01T07:00:00+08:00,Fair\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-02-11,L1,100\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,due_at,amount\nI1,SO1,2025-02-28T20:00:00-08:00,2025-03-31,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id\nP1,2025-03-20,50,I1\n',
});
const db = join(mkdtempSync(join(tmpdir(), 'ltc-finance-')), 'ws.duckdb');
const LA = { TZ: 'America/Los_Angeles' };

describe('ltc trends, dso, aging', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('put each timestamp in its UTC month whatever the machine timezone', () => {
    const t = ltcJson<TrendsResult>(['trends', '--db', db, '--window-days', '30'], LA);
    expect(t.periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03']);
    // W = 30, as_of 03-20: both leads observable. January: L2 (no order). February: L1 (ordered 02-11).
    const conversion = t.measures.find((m) => m.id === 'lead_conversion_rate')!;
    expect(conversion.points.map((p) => [p.period, p.count, p.n])).toEqual([['2025-01', 0, 1], ['2025-02', 1, 1], ['2025-03', 0, 0]]);

    const d = ltcJson<DsoResult>(['dso', '--db', db], LA);
    // The first invoice month is March (UTC): 100 invoiced, 50 open at 03-20 00:00 → 50 / 100 × 20 days.
    expect(d.months.map((m) => [m.month, m.partial, m.days, m.invoiced, m.open_receivables, m.dso])).toEqual([['2025-03', true, 20, 100, 50, 10]]);

    const a = ltcJson<AgingResult>(['aging', '--db', db, '--as-of', '2025-04-02'], LA);
    // Due 03-31; as of 04-02 → 2 days past due.
    expect(a.buckets.find((b) => b.id === '1-30')).toMatchObject({ count: 1, open_amount: 50 });
  });

  it('print the same JSON east and west of UTC', () => {
    for (const args of [['trends', '--by', 'quarter'], ['dso'], ['aging']]) {
      const command = [args[0], '--db', db, '--json', ...args.slice(1)];
      const west = ltc(command, LA);
      const east = ltc(command, { TZ: 'Asia/Shanghai' });
      expect(west.code).toBe(0);
      expect(west.stdout).toBe(east.stdout);
    }
  });

  it('follow --where and print one JSON document', () => {
    const fair = ltcJson<AgingResult>(['aging', '--db', db, '--where', 'source=Fair']);
    expect(fair.total).toEqual({ count: 0, open_amount: 0 });
    const web = ltcJson<DsoResult>(['dso', '--db', db, '--where', 'source=Web']);
    expect(web.months).toHaveLength(1);
    const quarters = ltcJson<TrendsResult>(['trends', '--db', db, '--by', 'quarter']);
    expect(quarters.periods).toEqual([{ period: '2025-Q1', first_day: '2025-01-01', last_day: '2025-03-31', partial: true }]);
  });

  it('print readable tables', () => {
    const trends = ltc(['trends', '--db', db]);
    expect(trends.code).toBe(0);
    expect(trends.stdout).toMatch(/period\s+Lead conversion rate\s+Sales cycle/);
    expect(trends.stdout).toMatch(/^2025-03\*/m);
    const dso = ltc(['dso', '--db', db]);
    // One invoice: a thin month, so no headline.
    expect(dso.stdout).toMatch(/2025-03\*\s+20\s+1\s+100\.00\s+50\.00\s+1\s+10\.0 d \(thin\)$/m);
    expect(dso.stdout).toMatch(/^DSO: every month listed is thin \(little invoiced\): no headline figure$/m);
    const aging = ltc(['aging', '--db', db]);
    expect(aging.stdout).toMatch(/Not yet due\s+1\s+50\.00\s+100\.0%/);
  });

  it('exit 2 on bad usage', () => {
    expect(ltc(['trends', '--db', db, '--by', 'week']).code).toBe(2);
    expect(ltc(['aging', '--db', db, '--from', '2025-01-01']).code).toBe(2);
    expect(ltc(['dso', '--db', db, '--as-of', 'soon']).code).toBe(2);
  });
});
