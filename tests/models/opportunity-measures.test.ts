/**
 * The opportunity measures (docs/measures.md): win rate, opportunity cycle and deal value on a
 * Maven-shaped export with an undated Prospecting deal and one deal closing before it was engaged;
 * thin and excluded flags; the pipeline and the opportunity funnel by stage (current stage, and from a
 * stage history); and order processing that is 0 days by construction (QuickBooks: invoice = order).
 * Every expected value is worked out by hand in the comments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { compare } from '../../models/compare.ts';
import { kpis, type MeasureValue } from '../../models/measures.ts';
import { pipeline } from '../../models/pipeline.ts';
import { trends } from '../../models/trends.ts';
import { workspace } from '../helpers/workspace.ts';

let db: Database | undefined;
afterEach(() => db?.close());

// data_end = 2025-02-10 (E1 engaged; the latest close is 2025-02-04).
//   W1 Ann  won   2025-01-01 → 01-11 (10 d), 1000
//   W2 Ann  won   2025-01-05 → 02-04 (30 d), 3000
//   L1 Bob  lost  2025-01-10 → 01-30 (20 d)
//   L2 Bob  lost  2025-02-01 → 01-20 (closes before it was engaged: −12 d, impossible)
//   E1 Bob  Engaging since 2025-02-10, open
//   P1 Ann, P2 Bob  Prospecting, no engage date: undated open records
const PIPELINE = `
opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
W1,Ann,GTX,Acme,Won,2025-01-01,2025-01-11,1000
W2,Ann,GTX,Acme,Won,2025-01-05,2025-02-04,3000
L1,Bob,GTX,Beta,Lost,2025-01-10,2025-01-30,0
L2,Bob,GTX,Beta,Lost,2025-02-01,2025-01-20,0
E1,Bob,GTX,Beta,Engaging,2025-02-10,,
P1,Ann,GTX,Acme,Prospecting,,,
P2,Bob,GTX,Beta,Prospecting,,,
`;

async function measures(bundle: Record<string, string>, options = {}) {
  const loaded = await workspace(bundle);
  db = loaded.db;
  const result = await kpis(db, options);
  return { files: loaded.files, m: Object.fromEntries(result.kpis.map((k) => [k.id, k])) as Record<string, MeasureValue> };
}

describe('opportunity measures on an opportunity export alone', () => {
  it('loads the undated Prospecting deals instead of rejecting them', async () => {
    const { files } = await measures({ 'sales_pipeline.csv': PIPELINE });
    expect(files.map((f) => [f.kind, f.rows_read, f.rows_loaded, f.rows_rejected])).toEqual([['opportunities', 7, 7, 0]]);
    const [row] = await db!.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM opportunities WHERE created_at IS NULL');
    expect(row.n).toBe(2);
  });

  it('win rate: won ÷ closed among the dated deals; the open one censored, the undated ones in no period', async () => {
    const { m } = await measures({ 'sales_pipeline.csv': PIPELINE });
    expect(m.win_rate).toMatchObject({ available: true, value: 0.5, count: 2, n: 4, censored: 1, thin: true, excluded: 0 });
    expect(m.win_rate.note).toContain('2 opportunities without a creation date');
    expect(m.win_rate.note_zh).toContain('2 个商机没有创建日期');
  });

  it('opportunity cycle: created → closed, won and lost; the impossible one left out and counted', async () => {
    const { m } = await measures({ 'sales_pipeline.csv': PIPELINE });
    // 10, 30 and 20 days; L2 (−12 d) excluded; E1 open.
    expect(m.opportunity_cycle_days).toMatchObject({ n: 3, mean: 20, median: 20, censored: 1, excluded: 1, thin: true });
    expect(m.opportunity_cycle_days.p90).toBeCloseTo(28, 10); // 20 + 0.8 × (30 − 20)
    expect(m.opportunity_cycle_days.note).toContain('1 items left out: they end before they start');
  });

  it('deal value: the mean amount of the won deals, in its own unit', async () => {
    const { m } = await measures({ 'sales_pipeline.csv': PIPELINE });
    expect(m.deal_value).toMatchObject({ unit: 'amount', better: 'higher', value: 2000, n: 2, median: 2000, censored: 1, excluded: 0 });
  });

  it('the lead measures still say what they need', async () => {
    const { m } = await measures({ 'sales_pipeline.csv': PIPELINE });
    expect(m.lead_conversion_rate).toMatchObject({ available: false, note: 'needs leads', thin: false });
    expect(m.sales_cycle_days).toMatchObject({ available: false, note: 'needs leads and orders' });
  });

  it('a period keeps only the deals engaged in it; a trend point equals kpis of its month', async () => {
    const { m } = await measures({ 'sales_pipeline.csv': PIPELINE }, { from: '2025-01-01', to: '2025-01-31' });
    // January: W1, W2 won, L1 lost → 2 of 3.
    expect(m.win_rate).toMatchObject({ n: 3, count: 2 });
    const t = await trends(db!);
    const january = (id: string) => t.measures.find((s) => s.id === id)!.points[t.periods.findIndex((p) => p.period === '2025-01')];
    expect(january('win_rate')).toMatchObject({ n: 3, count: 2, thin: true });
    expect(january('deal_value')).toMatchObject({ n: 2, value: 2000 });
    // February: L2's cycle is impossible, E1 open.
    const february = t.measures.find((s) => s.id === 'opportunity_cycle_days')!.points[t.periods.findIndex((p) => p.period === '2025-02')];
    expect(february).toMatchObject({ n: 0, value: null, censored: 1, excluded: 1 });
  });

  it('compares the opportunity measures before and after a cut-over, thin sides marked', async () => {
    ({ db } = await workspace({ 'sales_pipeline.csv': PIPELINE }));
    const result = await compare(db, { cutover: '2025-01-08' });
    const row = (id: string) => result.kpis.find((k) => k.id === id)!;
    // before: W1, W2 (2 won of 2); after: L1, L2 lost, E1 open.
    expect(row('win_rate').before).toMatchObject({ n: 2, count: 2, thin: true });
    expect(row('win_rate').after).toMatchObject({ n: 2, count: 0, censored: 1 });
    expect(row('win_rate').test).toBe('two-proportion z');
    expect(row('deal_value').before).toMatchObject({ n: 2, value: 2000 });
    expect(row('deal_value').after).toMatchObject({ n: 0, value: null });
    expect(row('deal_value').test).toBe('Mann–Whitney U');
  });
});

describe('pipeline and the opportunity funnel', () => {
  it('open deals by owner and by stage, undated ones counted', async () => {
    ({ db } = await workspace({ 'sales_pipeline.csv': PIPELINE }));
    const p = await pipeline(db);
    expect(p.open).toMatchObject({ count: 3, undated: 2, without_amount: 3, amount: 0 });
    expect(p.by_owner.map((g) => [g.key, g.count, g.undated])).toEqual([['Bob', 2, 1], ['Ann', 1, 1]]);
    expect(p.by_stage.map((g) => [g.key, g.count, g.undated])).toEqual([['Prospecting', 2, 2], ['Engaging', 1, 0]]);
  });

  it('from the current stages: each open stage or a later one, won ones through every stage, lost ones only created', async () => {
    ({ db } = await workspace({ 'sales_pipeline.csv': PIPELINE }));
    const { funnel } = await pipeline(db);
    expect(funnel.basis).toBe('current_stage');
    // Prospecting: P1, P2, E1, W1, W2; Engaging: E1, W1, W2; Won: W1, W2.
    expect(funnel.steps.map((s) => [s.label, s.count])).toEqual([['Opportunity created', 7], ['Prospecting', 5], ['Engaging', 3], ['Won', 2]]);
    expect(funnel.steps.map((s) => s.amount)).toEqual([4000, 4000, 4000, 4000]);
    expect(funnel.lost).toEqual({ count: 2, amount: 0 });
    expect(funnel.undated).toBe(2);
    // With a period, the undated deals are in none of it.
    const january = await pipeline(db, { from: '2025-01-01', to: '2025-01-31' });
    expect(january.funnel.steps.map((s) => s.count)).toEqual([3, 2, 2, 2]);
  });

  it('from a stage history: a lost deal counts at the stages it entered', async () => {
    ({ db } = await workspace({
      'sales_pipeline.csv': PIPELINE,
      'stage_history.csv': 'case_id,activity,timestamp\nL1,Stage: Prospecting,2025-01-10\nL1,Stage: Engaging,2025-01-15\nL1,Stage: Lost,2025-01-30\nL2,Stage: Prospecting,2025-01-19\n',
    }));
    const { funnel } = await pipeline(db);
    expect(funnel.basis).toBe('stage_history');
    // Prospecting: P1, P2, E1, W1, W2 and now L1, L2; Engaging: E1, W1, W2, L1. "Lost" is a closed stage, not a step.
    expect(funnel.steps.map((s) => [s.label, s.count])).toEqual([['Opportunity created', 7], ['Prospecting', 7], ['Engaging', 4], ['Won', 2]]);
  });

  it('says what it needs without opportunities', async () => {
    ({ db } = await workspace({ 'leads.csv': 'lead_id,created_at\nL1,2025-01-01\n' }));
    expect(await pipeline(db)).toMatchObject({ available: false, note: 'needs opportunities', open: { count: 0 } });
  });
});

describe('order processing that is constant by construction', () => {
  // QuickBooks invoices are loaded as orders too (same id and date, same file): 0 days by construction.
  const quickbooks = `
id,transaction_date,total_amount,balance,due_date,customer_id,doc_number,_fivetran_deleted
101,2025-01-02,500,0,2025-02-01,C1,1001,false
102,2025-01-03,700,700,2025-02-02,C2,1002,false
103,2025-01-04,900,0,2025-02-03,C1,1003,false
`;

  it('leaves the self-invoiced orders out, counts them and says why instead of a headline 0.0 days', async () => {
    const { files, m } = await measures({ 'invoice.csv': quickbooks });
    expect(files[0].preset).toMatch(/^quickbooks/);
    expect(m.order_processing_days).toMatchObject({ available: true, n: 0, value: null, by_construction: 3 });
    expect(m.order_processing_days.note).toContain('3 orders are their own invoice');
    expect(m.order_processing_days.note_zh).toContain('3 个订单即其发票本身');
  });

  it('still measures orders invoiced later from another file', async () => {
    const { m } = await measures({
      'invoice.csv': quickbooks,
      'orders.csv': 'order_id,created_at,amount\nSO9,2025-01-01,100\n',
      'invoices.csv': 'invoice_id,order_id,issued_at,amount\nINV9,SO9,2025-01-05,100\n',
    });
    // SO9: 2025-01-01 → INV9 2025-01-05 = 4 days; the three QuickBooks orders stay out.
    expect(m.order_processing_days).toMatchObject({ n: 1, value: 4, by_construction: 3, thin: true });
  });
});
