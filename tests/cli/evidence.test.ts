/**
 * `ltc survival`, `ltc mix` and `ltc change-point` run as commands, without a browser: their JSON
 * and their plain text, with every figure worked out by hand — the Kaplan–Meier steps and the
 * log-rank chi-square of a tiny world with censoring, the mix-adjusted change and the change date
 * of the hand-built world of tests/helpers/cutover-world.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { CUTOVER, cutoverWorld } from '../helpers/cutover-world.ts';
import { writeBundle } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'ltc-evidence-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Cut-over 2025-02-01; the data end is B3's payment, 2025-04-01 00:00.
//   before  A1: order day 10, cash day 30      after  B1: order day 5, cash day 20
//           A2: order day 20, cash day 60             B2: no order (open 58 days at the data end)
//           A3: no order (open 90 days)               B3: order day 15, cash day 30
//           A4: order day 40, invoice unpaid (cash open 81 days)
const TINY = {
  'leads.csv': `lead_id,created_at
A1,2025-01-01
A2,2025-01-01
A3,2025-01-01
A4,2025-01-10
B1,2025-02-01
B2,2025-02-02
B3,2025-03-02
`,
  'orders.csv': `order_id,created_at,lead_id,amount
SA1,2025-01-11,A1,100
SA2,2025-01-21,A2,100
SA4,2025-02-19,A4,100
SB1,2025-02-06,B1,100
SB3,2025-03-17,B3,100
`,
  'invoices.csv': `invoice_id,order_id,issued_at,amount
IA1,SA1,2025-01-15,100
IA2,SA2,2025-01-25,100
IA4,SA4,2025-02-20,100
IB1,SB1,2025-02-07,100
IB3,SB3,2025-03-17,100
`,
  'payments.csv': `payment_id,paid_at,amount,invoice_id
PA1,2025-01-31,100,IA1
PA2,2025-03-02,100,IA2
PB1,2025-02-21,100,IB1
PB3,2025-04-01,100,IB3
`,
};

interface Curve {
  n: number;
  events: number;
  censored: number;
  median_days: number | null;
  share_by: Record<'30' | '60' | '90', number>;
  points: { day: number; survival: number; at_risk: number }[];
}
interface Survival {
  cutover: string;
  as_of: string;
  curves: { id: string; before: Curve; after: Curve; log_rank: { chi2: number; p_value: number } | null }[];
}

/**
 * The log-rank statistic Σ(O − E)² / ΣV over the distinct event times, from the numbers at risk
 * (n1 before, n2 after) and the events (d1 before, d of both) written out by hand at each time.
 */
function logRankByHand(times: readonly { n1: number; n2: number; d1: number; d: number }[]): number {
  let observed = 0;
  let expected = 0;
  let variance = 0;
  for (const { n1, n2, d1, d } of times) {
    const n = n1 + n2;
    observed += d1;
    expected += (d * n1) / n;
    variance += n > 1 ? (d * (n1 / n) * (n2 / n) * (n - d)) / (n - 1) : 0;
  }
  return (observed - expected) ** 2 / variance;
}

describe('ltc survival on a tiny world with censoring', () => {
  const db = join(dir, 'tiny.duckdb');
  let result: Survival;
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...writeBundle(TINY).paths]);
    result = ltcJson<Survival>(['survival', '--db', db, '--cutover', '2025-02-01']);
  });

  it('steps the time-to-cash curves down at each payment, open leads censored at the data end', () => {
    expect([result.cutover, result.as_of]).toEqual(['2025-02-01', '2025-04-01T00:00:00']);
    const cash = result.curves.find((c) => c.id === 'time_to_cash')!;
    // Before: 4 at risk; A1 pays on day 30 → S = 3/4; A2 on day 60 (3 at risk) → 3/4 · 2/3 = 1/2;
    // A4 (day 81) and A3 (day 90) are censored: S stays 1/2, which is also the median's day, 60.
    expect(cash.before).toMatchObject({ n: 4, events: 2, censored: 2, median_days: 60 });
    expect(cash.before.points.map((p) => [p.day, p.at_risk])).toEqual([[30, 4], [60, 3], [81, 2], [90, 1]]);
    expect(cash.before.points.map((p) => p.survival)).toEqual([3 / 4, 1 / 2, 1 / 2, 1 / 2].map((v) => expect.closeTo(v, 12)));
    expect(Object.values(cash.before.share_by)).toEqual([1 / 4, 1 / 2, 1 / 2].map((v) => expect.closeTo(v, 12)));
    // After: B1 pays on day 20 (3 at risk) → 2/3; B3 on day 30 (2 at risk) → 1/3; B2 censored on day 58.
    expect(cash.after).toMatchObject({ n: 3, events: 2, censored: 1, median_days: 30 });
    expect(cash.after.points.map((p) => [p.day, p.at_risk])).toEqual([[20, 3], [30, 2], [58, 1]]);
    expect(cash.after.points.map((p) => p.survival)).toEqual([2 / 3, 1 / 3, 1 / 3].map((v) => expect.closeTo(v, 12)));
  });

  it('gives the log-rank chi-square worked out by hand, and its p-value', () => {
    const cash = result.curves.find((c) => c.id === 'time_to_cash')!;
    // Day 20: 4 before and 3 after at risk, B1 pays. Day 30: 4 and 2 at risk, A1 and B3 pay. Day 60:
    // 3 before at risk, none after (B2 was censored on day 58), A2 pays. χ² = 1805/1324.
    const chi2 = logRankByHand([{ n1: 4, n2: 3, d1: 0, d: 1 }, { n1: 4, n2: 2, d1: 1, d: 2 }, { n1: 3, n2: 0, d1: 1, d: 1 }]);
    expect(chi2).toBeCloseTo(1805 / 1324, 14);
    expect(cash.log_rank!.chi2).toBeCloseTo(chi2, 12);
    // erfc(√(χ²/2)), the chi-square tail with 1 df, from Python's math.erfc.
    expect(cash.log_rank!.p_value).toBeCloseTo(0.24296758141105423, 12);

    const order = result.curves.find((c) => c.id === 'time_to_order')!;
    // Orders on days 5 (B1), 10 (A1), 15 (B3), 20 (A2), 40 (A4); A3 open to day 90, B2 to day 58.
    const orderChi2 = logRankByHand([
      { n1: 4, n2: 3, d1: 0, d: 1 }, { n1: 4, n2: 2, d1: 1, d: 1 }, { n1: 3, n2: 2, d1: 0, d: 1 },
      { n1: 3, n2: 1, d1: 1, d: 1 }, { n1: 2, n2: 1, d1: 1, d: 1 },
    ]);
    expect(orderChi2).toBeCloseTo(11449 / 197011, 14);
    expect(order.log_rank!.chi2).toBeCloseTo(orderChi2, 12);
    expect(order.log_rank!.p_value).toBeCloseTo(0.8095028546651214, 12);
    expect(order.before).toMatchObject({ n: 4, events: 3, censored: 1, median_days: 20 });
    expect(order.after).toMatchObject({ n: 3, events: 2, censored: 1, median_days: 15 });
  });

  it('prints the curves as a table: share within 90 days, medians, n (open), log-rank p', () => {
    const { code, stdout, stderr } = ltc(['survival', '--db', db, '--cutover', '2025-02-01']);
    expect([code, stderr]).toEqual([0, '']);
    const rows = stdout.split('\n');
    expect(rows[0]).toMatch(/^measure\s+within 90 d before\s+within 90 d after\s+median before\s+median after\s+n before \(open\)\s+n after \(open\)\s+log-rank p$/);
    expect(rows.find((r) => r.startsWith('Time to first order'))!.split(/\s{2,}/)).toEqual(
      ['Time to first order', '75.0%', '66.7%', '20.0 d', '15.0 d', '4 (1)', '3 (1)', '0.810']);
    expect(rows.find((r) => r.startsWith('Time to cash'))!.split(/\s{2,}/)).toEqual(
      ['Time to cash', '50.0%', '66.7%', '60.0 d', '30.0 d', '4 (2)', '3 (1)', '0.243']);
    expect(stdout).toMatch(/censored at the data end, not dropped/);

    const zh = ltc(['survival', '--db', db, '--cutover', '2025-02-01', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^指标\s+90天内 优化前\s+90天内 优化后/);
    expect(zh.stdout).toMatch(/回款时间\s+50\.0%\s+66\.7%\s+60\.0 天\s+30\.0 天/);
  });

  it('needs a valid cut-over (exit 2)', () => {
    // 2025-02-30 is not a day: it once passed the check (Date.parse rolls it over to March 2) and
    // ended in DuckDB's conversion error, exit 1.
    for (const args of [[], ['--cutover', '2025-02-30'], ['--cutover', '2025-02-01', '--exclude-days=-3']]) {
      const result = ltc(['survival', '--db', db, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^ltc survival: .*\n$/);
      expect(result.stdout).toBe('');
    }
  });
});

interface MixRow { id: string; before: number | null; after: number | null; pooled_change_pct: number | null; adjusted_after: number | null; adjusted_change_pct: number | null; coverage: number | null; simpson: boolean }
interface Mix {
  cutover: string;
  by: string;
  kpis: MixRow[];
  strata: { value: string; kpis: { id: string; before: number | null; after: number | null; n_before: number; n_after: number }[] }[];
}

describe('ltc mix and ltc change-point on the hand-built cut-over world', () => {
  const db = join(dir, 'world.duckdb');
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...writeBundle(cutoverWorld()).paths]);
  });

  it('re-weights the after values of each source to the before mix', () => {
    const mix = ltcJson<Mix>(['mix', '--db', db, '--cutover', CUTOVER]);
    expect([mix.cutover, mix.by]).toEqual([CUTOVER, 'source']);
    // Web: 42/60 before, 32/35 after; Fair: 6/20 before, 24/35 after. The before mix is 3/4 Web, 1/4
    // Fair: adjusted after = 3/4 · 32/35 + 1/4 · 24/35 = 30/35 against 48/80 before.
    const conversion = (s: Mix['strata'][number]) => s.kpis.find((k) => k.id === 'lead_conversion_rate')!;
    expect(mix.strata.map((s) => [s.value, conversion(s).n_before, conversion(s).n_after])).toEqual([['Web', 60, 35], ['Fair', 20, 35]]);
    expect(conversion(mix.strata[0]).before).toBeCloseTo(42 / 60, 12);
    expect(conversion(mix.strata[0]).after).toBeCloseTo(32 / 35, 12);
    expect(conversion(mix.strata[1]).before).toBeCloseTo(6 / 20, 12);
    expect(conversion(mix.strata[1]).after).toBeCloseTo(24 / 35, 12);
    const rate = mix.kpis[0];
    expect(rate).toMatchObject({ id: 'lead_conversion_rate', coverage: 1, simpson: false });
    expect(rate.before).toBeCloseTo(0.6, 12);
    expect(rate.after).toBeCloseTo(0.8, 12);
    expect(rate.pooled_change_pct).toBeCloseTo(1 / 3, 12);
    expect(rate.adjusted_after).toBeCloseTo(30 / 35, 12);
    expect(rate.adjusted_change_pct).toBeCloseTo((30 / 35 - 0.6) / 0.6, 12);
    // Every duration is the same in every stratum: 30 → 20, 5 → 3, 30 → 20, 65 → 43 days.
    expect(mix.kpis.slice(1, 5).map((k) => [k.id, k.before, k.after, k.adjusted_after, k.simpson])).toEqual([
      ['sales_cycle_days', 30, 20, 20, false], ['order_processing_days', 5, 3, 3, false],
      ['collection_days', 30, 20, 20, false], ['lead_to_cash_days', 65, 43, 43, false],
    ]);
  });

  it('--by region stratifies by region instead', () => {
    const mix = ltcJson<Mix>(['mix', '--db', db, '--cutover', CUTOVER, '--by', 'region']);
    expect(mix.by).toBe('region');
    // South: 18/36 → 32/44; North: 30/44 → 24/26 (South has more cases, so it comes first).
    expect(mix.strata.map((s) => s.value)).toEqual(['South', 'North']);
    expect(mix.kpis[0].adjusted_after).toBeCloseTo((36 / 80) * (32 / 44) + (44 / 80) * (24 / 26), 12);
    const { code, stdout } = ltc(['mix', '--db', db, '--cutover', CUTOVER, '--by', 'region']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Lead conversion rate\s+60\.0%\s+80\.0%\s+\+33\.3%\s+\+39\.2%\s+100%$/m);
    expect(stdout).toMatch(/^strata by region:$/m);
    expect(stdout).toMatch(/^South\s+50\.0% → 72\.7%\s+30\.0 d → 20\.0 d\s+5\.0 d → 3\.0 d\s+30\.0 d → 20\.0 d\s+65\.0 d → 43\.0 d$/m);
    expect(stdout).toMatch(/^North\s+68\.2% → 92\.3%\s/m);
  });

  it('prints the pooled and the mix-adjusted change side by side, in English and Chinese', () => {
    const { code, stdout, stderr } = ltc(['mix', '--db', db, '--cutover', CUTOVER]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^measure\s+before\s+after\s+pooled change\s+mix-adjusted change\s+coverage$/m);
    expect(stdout).toMatch(/^Lead conversion rate\s+60\.0%\s+80\.0%\s+\+33\.3%\s+\+42\.9%\s+100%$/m);
    expect(stdout).toMatch(/^Order processing time\s+5\.0 d\s+3\.0 d\s+−40\.0%\s+−40\.0%\s+100%$/m);
    expect(stdout).toMatch(/^Web\s+70\.0% → 91\.4%\s/m);
    expect(stdout).toMatch(/^Fair\s+30\.0% → 68\.6%\s/m);
    expect(stdout).not.toMatch(/⚠/);
    const zh = ltc(['mix', '--db', db, '--cutover', CUTOVER, '--lang', 'zh']);
    expect(zh.stdout).toMatch(/^指标\s+优化前\s+优化后\s+总体变化\s+按构成调整后\s+覆盖$/m);
    expect(zh.stdout).toMatch(/^按 source 分层:$/m);
  });

  it('mix refuses an unknown key, a key also filtered on, and a missing cut-over (exit 2)', () => {
    for (const args of [['--cutover', CUTOVER, '--by', 'colour'], ['--cutover', CUTOVER, '--where', 'source=Web'], []]) {
      const result = ltc(['mix', '--db', db, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^ltc mix: /);
    }
  });

  it('change-point finds the month every series changed, and scores the chosen cut-over', () => {
    type Score = { cutover: string; explained: number; before: number; after: number };
    const result = ltcJson<{ months: number; suggested_cutover: string; chosen_cutover: string | null; measures: { id: string; suggested: Score; chosen: Score | null }[] }>(
      ['change-point', '--db', db, '--cutover', CUTOVER]);
    // Each series is constant before May 2024 and constant (another value) from May on: the split
    // there explains all of its variance, every other split less.
    expect([result.suggested_cutover, result.chosen_cutover]).toEqual([CUTOVER, CUTOVER]);
    const expected: Record<string, [number, number]> = {
      lead_conversion_rate: [0.6, 0.8], sales_cycle_days: [30, 20], order_processing_days: [5, 3],
      collection_days: [30, 20], lead_to_cash_days: [65, 43],
    };
    // The world has no opportunities: the opportunity measures have no series to split.
    expect(result.measures.filter((m) => m.suggested !== null).map((m) => m.id)).toEqual(Object.keys(expected));
    for (const m of result.measures.filter((x) => x.suggested !== null)) {
      expect(m.suggested.cutover, m.id).toBe(CUTOVER);
      expect(m.suggested.explained, m.id).toBeCloseTo(1, 12);
      expect([m.suggested.before, m.suggested.after].map((v) => Number(v.toFixed(12))), m.id).toEqual(expected[m.id]);
      expect(m.chosen, m.id).toEqual(m.suggested);
    }
    // Without a cut-over of one's own there is nothing to score.
    const unchosen = ltcJson<{ chosen_cutover: string | null; measures: { chosen: unknown }[] }>(['change-point', '--db', db]);
    expect(unchosen.chosen_cutover).toBeNull();
    expect(unchosen.measures.every((m) => m.chosen === null)).toBe(true);

    // A cut-over at June splits the conversion series Jan, Feb, May | Jun, Jul (60%, 60%, 80% | 80%, 80%
    // of 40, 40, 25 | 25, 20 leads): the left mean is 68/105, its squares 8400/11025 against 33600/22500
    // in all, so the split explains 1 − 5625/11025 = 24/49 of the variance.
    const june = ltcJson<{ measures: { id: string; chosen: Score | null }[] }>(['change-point', '--db', db, '--cutover', '2024-06-01']);
    expect(june.measures[0].chosen!.explained).toBeCloseTo(24 / 49, 12);
    expect(june.measures[0].chosen!.before).toBeCloseTo(68 / 105, 12);
    const { code, stdout } = ltc(['change-point', '--db', db, '--cutover', '2024-06-01']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('suggested cut-over: 2024-05-01 (chosen: 2024-06-01)');
    expect(stdout).toMatch(/^measure\s+suggested\s+explained\s+chosen explains$/m);
    expect(stdout).toMatch(/^Lead conversion rate\s+2024-05-01\s+100%\s+49%$/m);
  });

  it('change-point says so when there are too few months, and refuses a bad date (exit 2)', () => {
    // The tiny world above: leads of January to March 2025, none old enough for the 90-day window.
    const tiny = join(dir, 'tiny.duckdb');
    const { code, stdout } = ltc(['change-point', '--db', tiny]);
    expect(code).toBe(0);
    expect(stdout).toBe('not enough months with data to look for a change (at least four are needed)\n');
    expect(ltc(['change-point', '--db', db, '--cutover', '2024-5-1']).code).toBe(2);
  });
});
