import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { replicate } from '../helpers/replicate.ts';
import { writeBundle } from '../helpers/workspace.ts';

/**
 * Three leads, ten times over (LA-1 … LA-10): 30 cases, so only a transition of one region
 * (10 cases) is thin.
 *        lead        order   delivered  invoiced  paid    (days between)
 * LA  2025-01-01  01-11   01-13      01-13     03-14   10, 2, 0, 60 → lead-to-cash 72
 * LB  2025-01-01  01-05   01-07      01-08     01-18    4, 2, 1, 10 → lead-to-cash 17
 * LC  2025-01-01  01-21   01-22      01-22     –       20, 1, 0, waits since 01-22: 51 days at data_end 03-14
 */
const bundle = writeBundle(replicate({
  'leads.csv': 'lead_id,created_at,region\nLA,2025-01-01,East\nLB,2025-01-01,East\nLC,2025-01-01,West\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSOA,2025-01-11,LA,100\nSOB,2025-01-05,LB,100\nSOC,2025-01-21,LC,100\n',
  'deliveries.csv': 'delivery_id,order_id,delivered_at\nDA,SOA,2025-01-13\nDB,SOB,2025-01-07\nDC,SOC,2025-01-22\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nIA,SOA,2025-01-13,100\nIB,SOB,2025-01-08,100\nIC,SOC,2025-01-22,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id\nPA,2025-03-14,100,IA\nPB,2025-01-18,100,IB\n',
}, 10, /^(L|SO|D|I|P)[A-C]$/));
const db = join(mkdtempSync(join(tmpdir(), 'ltc-cli-bottlenecks-')), 'ws.duckdb');

interface Bottlenecks {
  data_end: string;
  as_of: string;
  lead_to_cash: { cases: number; days: number };
  transitions: { id: string; n: number; total_days: number; share_of_lead_to_cash: number | null; thin: boolean; waiting: { count: number; over_30_days: number } }[];
  thin_only: boolean;
  bottleneck: { transition: string; n: number; sentence: string; sentence_zh: string } | null;
}

describe('ltc bottlenecks / ltc transitions', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('prints the transitions and the named bottleneck as one JSON document', () => {
    const result = ltcJson<Bottlenecks>(['bottlenecks', '--db', db]);
    expect(result.data_end).toBe('2025-03-14T00:00:00');
    expect(result.lead_to_cash).toEqual({ cases: 20, days: 890 });
    expect(result.transitions.map((t) => [t.id, t.n, t.total_days, t.thin])).toEqual([
      ['lead_created→order_created', 30, 340, false], ['order_created→delivered', 30, 50, false], ['delivered→invoiced', 30, 10, false],
      ['invoiced→paid', 20, 700, false]]);
    expect(result.transitions[3].waiting).toMatchObject({ count: 10, over_30_days: 10 });
    expect(result.bottleneck).toMatchObject({ transition: 'invoiced→paid', n: 20 });
    // 70 of the 89 lead-to-cash days: 79%; LA 60 and LB 10 days, median 35.
    expect(result.bottleneck!.sentence).toBe(
      'Invoiced → Paid takes 79% of lead-to-cash time (median 35.0 days over 20 cases); 10 invoiced orders wait more than 30 days.');
    expect(result.bottleneck!.sentence_zh).toBe('开票 → 回款 占线索到回款周期的 79%（20 个案例，中位 35.0 天）；10 个已开票订单等待超过 30 天。');
  });

  it('follows the period and filter options', () => {
    // region West: only LC's ten copies, never paid: no share, and ten cases are thin: none named.
    const west = ltcJson<Bottlenecks>(['bottlenecks', '--db', db, '--where', 'region=West']);
    expect(west.transitions.map((t) => [t.id, t.n, t.share_of_lead_to_cash, t.thin])).toEqual([
      ['lead_created→order_created', 10, null, true], ['order_created→delivered', 10, null, true], ['delivered→invoiced', 10, null, true],
      ['invoiced→paid', 0, null, true]]);
    expect(west).toMatchObject({ bottleneck: null, thin_only: true });
    expect(ltc(['bottlenecks', '--db', db, '--where', 'region=West']).stdout)
      .toContain('No bottleneck named: no transition has 20 or more completed cases.');
    // As of 01-20: LC waits for its order (01-21); LB was paid on 01-18; LA waits for cash (03-14).
    const early = ltcJson<Bottlenecks>(['bottlenecks', '--db', db, '--as-of', '2025-01-20']);
    expect(early.as_of).toBe('2025-01-20T23:59:59');
    expect(early.transitions.map((t) => [t.id, t.n, t.waiting.count])).toEqual([
      ['lead_created→order_created', 20, 10], ['order_created→delivered', 20, 0], ['delivered→invoiced', 20, 0], ['invoiced→paid', 10, 10]]);
  });

  it('lists the slow cases of a transition, and of the bottleneck with --cases', () => {
    // invoiced → paid: the LAs took 60 days, the LCs have waited 51, the LBs took 10.
    const slow = ltcJson<{ transition: { id: string }; total: number; waiting: number; cases: { case_id: string; days: number; waiting: boolean }[] }>(
      ['bottlenecks', '--db', db, '--transition', 'invoiced->paid', '--limit', '2']);
    expect(slow).toMatchObject({ transition: { id: 'invoiced→paid' }, total: 30, waiting: 10 });
    expect(slow.cases.map((c) => [c.case_id, c.days, c.waiting])).toEqual([['LA-1', 60, false], ['LA-10', 60, false]]);
    const named = ltcJson<{ transition: { id: string }; cases: unknown[] }>(['bottlenecks', '--db', db, '--cases']);
    expect(named.transition.id).toBe('invoiced→paid');
    expect(named.cases).toHaveLength(30);
  });

  it('prints readable tables without --json', () => {
    const table = ltc(['bottlenecks', '--db', db]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Bottleneck: Invoiced → Paid takes 79% of lead-to-cash time');
    expect(table.stdout).toMatch(/Invoiced → Paid +20 +/);
    const cases = ltc(['bottlenecks', '--db', db, '--transition', 'invoiced→paid']);
    expect(cases.stdout).toMatch(/LC-1 +2025-01-22T00:00:00 +waiting +51\.0 d/);
    const transitions = ltc(['transitions', '--db', db]);
    expect(transitions.stdout).toMatch(/Lead created → Order +30 +11\.3 d +10\.0 d/);
  });

  it('prints the cycle time of every transition with ltc transitions', () => {
    const result = ltcJson<{ transitions: { id: string; n: number; mean: number; censored: number; histogram: { bin_days: number } }[] }>(
      ['transitions', '--db', db]);
    expect(result.transitions.map((t) => [t.id, t.n, t.censored])).toEqual([
      ['lead_created→order_created', 30, 0], ['order_created→delivered', 30, 0], ['delivered→invoiced', 30, 0], ['invoiced→paid', 20, 10]]);
    expect(result.transitions[0].mean).toBeCloseTo(34 / 3, 12);
  });

  it('exits 2 on bad usage', () => {
    const backwards = ltc(['bottlenecks', '--db', db, '--transition', 'paid->invoiced']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/two milestones in order/);
    expect(ltc(['bottlenecks', '--db', db, '--transition', 'invoiced->paid', '--limit', 'ten']).code).toBe(2);
    expect(ltc(['bottlenecks', '--db', db, '--limit', '5']).code).toBe(2);
    expect(ltc(['bottlenecks', '--db', db, '--from', 'soon']).code).toBe(2);
  });
});
