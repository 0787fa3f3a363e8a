import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { filterOptions } from '../../models/filters.ts';
import { funnelCohorts, type FunnelCohorts } from '../../models/funnel-cohorts.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';
import { writeBundle } from '../helpers/workspace.ts';
import { openWorkspace } from '../../app/workspace.ts';

// As of 2025-07-01 with W = 30 days, leads created up to 2025-06-01 are observable.
//   L1 2025-03-31 Web  Partner  SO1 04-10 (10 days), invoiced 04-12, paid 05-20 (50 days: too late)
//   L2 2025-04-01 Fair Direct   SO2 06-15 (75 days: too late)
//   L3 2025-06-20 Web  Partner  censored; SO3 06-25
//   SO9 an order without a lead: its own case, not in the lead funnel
const bundle = writeBundle({
  'leads.csv': 'lead_id,created_at,source,Channel\nL1,2025-03-31,Web,Partner\nL2,2025-04-01,Fair,Direct\nL3,2025-06-20,Web,Partner\n',
  'orders.csv': 'order_id,created_at,lead_id,amount\nSO1,2025-04-10,L1,100\nSO2,2025-06-15,L2,100\nSO3,2025-06-25,L3,100\nSO9,2025-05-01,,100\n',
  'invoices.csv': 'invoice_id,order_id,issued_at,amount\nI1,SO1,2025-04-12,100\nI9,SO9,2025-05-02,100\n',
  'payments.csv': 'payment_id,paid_at,amount,invoice_id\nP1,2025-05-20,100,I1\nP9,2025-05-03,100,I9\n',
});
const db = join(mkdtempSync(join(tmpdir(), 'ltc-cli-cohorts-')), 'ws.duckdb');
const VIEW = ['--as-of', '2025-07-01', '--window-days', '30'];

describe('ltc funnel-cohorts and ltc filters', () => {
  beforeAll(() => {
    ltcJson(['ingest', '--db', db, ...bundle.paths]);
  });

  it('prints the windowed funnel per quarter as JSON, as the model computes it', async () => {
    const result = ltcJson<FunnelCohorts>(['funnel-cohorts', '--db', db, '--by', 'quarter', ...VIEW]);
    expect(result.stages.map((s) => s.id)).toEqual(['lead_created', 'order_created', 'invoiced', 'paid']);
    // Q1: L1 ordered and was invoiced within 30 days, paid only after. Q2: L2 ordered too late,
    // L3 is censored (its order shows only in the running count).
    expect(result.cohorts.map((c) => [c.cohort, c.leads, c.observable, c.censored, c.stages.map((s) => s.count)])).toEqual([
      ['2025-Q1', 1, 1, 0, [1, 1, 1, 0]], ['2025-Q2', 2, 1, 1, [1, 0, 0, 0]]]);
    expect(result.cohorts[1].stages.map((s) => s.reached_to_date)).toEqual([2, 1, 0, 0]);
    expect(result.total.stages.map((s) => s.cumulative_conversion)).toEqual([1, 0.5, 0.5, 0]);
    const model = await openWorkspace(db);
    try {
      expect(result).toEqual(JSON.parse(JSON.stringify(
        await funnelCohorts(model, { by: 'quarter', asOf: '2025-07-01', windowDays: 30, segments: { attributes: {} } }))));
    } finally {
      model.close();
    }
  });

  it('splits by a segment and honours --where', () => {
    const bySource = ltcJson<FunnelCohorts>(['funnel-cohorts', '--db', db, '--by-segment', 'source', ...VIEW]);
    expect(bySource.by_segment).toBe('source');
    expect(bySource.segments!.map((s) => [s.value, s.total.leads, s.total.observable, s.total.stages.map((x) => x.count)])).toEqual([
      ['Web', 2, 1, [1, 1, 1, 0]], ['Fair', 1, 1, [1, 0, 0, 0]]]);
    const partner = ltcJson<FunnelCohorts>(['funnel-cohorts', '--db', db, '--where', 'Channel=Partner', ...VIEW]);
    expect(partner.cohorts.map((c) => c.cohort)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
    expect([partner.total.leads, partner.total.observable, partner.total.stages.map((s) => s.count)]).toEqual([2, 1, [1, 1, 1, 0]]);
  });

  it('prints a cohort table for people and refuses bad options with exit 2', () => {
    const { code, stdout } = ltc(['funnel-cohorts', '--db', db, '--by', 'quarter', ...VIEW]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^cohort +leads +censored +Order +Invoiced +Paid$/m);
    expect(stdout).toMatch(/^2025-Q2 +2 +1 +0 0\.0% +0 0\.0% +0 0\.0%$/m);
    expect(stdout).toMatch(/^all +3 +1 +1 50\.0% +1 50\.0% +0 0\.0%$/m);
    const badGrain = ltc(['funnel-cohorts', '--db', db, '--by', 'week']);
    expect([badGrain.code, badGrain.stderr.trim()]).toEqual([2, 'ltc funnel-cohorts: --by must be month or quarter, not "week"']);
    const badSegment = ltc(['funnel-cohorts', '--db', db, '--by-segment', 'Colour']);
    expect(badSegment.code).toBe(2);
    expect(badSegment.stderr).toMatch(/--by-segment must be one of "source", "owner", "region", "segment", "Channel"/);
  });

  it('lists the filter options', async () => {
    const options = ltcJson<Awaited<ReturnType<typeof filterOptions>>>(['filters', '--db', db]);
    // Cases L1, L2, L3 and SO9 (no source, no Channel); nobody has an owner.
    expect(options.cases).toBe(4);
    expect(options.fields.map((f) => [f.key, f.missing, f.values])).toEqual([
      ['source', 1, [{ value: 'Web', cases: 2 }, { value: 'Fair', cases: 1 }]],
      ['owner', 4, []], ['region', 4, []], ['segment', 4, []]]);
    expect(options.attributes).toEqual([{
      key: 'Channel', distinct_values: 2, missing: 1, role: 'segment',
      reason: '2 values that recur over 3 cases', reason_zh: '3 个案例中反复出现的 2 个取值',
      values: [{ value: 'Partner', cases: 2 }, { value: 'Direct', cases: 1 }],
    }]);
    const text = ltc(['filters', '--db', db]);
    expect(text.stdout).toContain('  Web (2), Fair (1)');
  });
});
