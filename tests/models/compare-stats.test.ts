import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { compare } from '../../models/compare.ts';
import { durationEvidence, rateEvidence, type Evidence } from '../../models/compare-evidence.ts';
import { comparePeriods } from '../../models/compare-periods.ts';
import {
  dataFacts, durationDays, measureValue, type DataFacts, type DurationMeasureId,
} from '../../models/measures.ts';
import type { Bounds } from '../../models/period.ts';
import { bootstrapMedianDifference, sortedMedian } from '../../models/stats/bootstrap.ts';
import { mannWhitneyU } from '../../models/stats/mann-whitney.ts';
import { newcombeInterval, twoProportionZTest } from '../../models/stats/proportions.ts';
import { workspace } from '../helpers/workspace.ts';
import { WORLD_CUTOVER, worldsBundle, type WorldProcess, type WorldSpec } from '../helpers/worlds.ts';

// Before 2025-01-01: 4 leads, 3 converted after 10, 20 and 3 days, delivered 10, 4 and 6 days after
// the order. After: 4 leads (created Jan 3, Jan 20, Feb 1, Mar 1), 3 converted after 2, 5 and 3
// days, delivered after 2, 1 and 3 days. L9 only sets data_end (2025-09-01).
const small = {
  'leads.csv': `lead_id,created_at
L1,2024-10-01
L2,2024-10-05
L3,2024-11-01
L4,2024-12-01
L5,2025-01-03
L6,2025-01-20
L7,2025-02-01
L8,2025-03-01
L9,2025-09-01
`,
  'orders.csv': `order_id,created_at,lead_id,amount
SO1,2024-10-11,L1,100
SO2,2024-10-25,L2,100
SO3,2024-11-04,L3,100
SO5,2025-01-05,L5,100
SO6,2025-01-25,L6,100
SO7,2025-02-04,L7,100
`,
  'deliveries.csv': `delivery_id,order_id,delivered_at
D1,SO1,2024-10-21
D2,SO2,2024-10-29
D3,SO3,2024-11-10
D5,SO5,2025-01-07
D6,SO6,2025-01-26
D7,SO7,2025-02-07
`,
};

describe('evidence in the before/after comparison (docs/statistics.md)', () => {
  let db: Database;
  beforeAll(async () => ({ db } = await workspace(small)));
  afterAll(() => db.close());

  it('tests the rate with the two-proportion z-test and a Newcombe interval of after − before', async () => {
    const result = await compare(db, { cutover: '2025-01-01' });
    const rate = result.kpis.find((k) => k.id === 'lead_conversion_rate')!;
    expect([rate.before.count, rate.before.n, rate.after.count, rate.after.n]).toEqual([3, 4, 3, 4]);
    expect(rate).toMatchObject({ test: 'two-proportion z', p_value: 1, median_diff: null });
    expect(rate.ci95).toEqual(newcombeInterval(3, 4, 3, 4));
    expect(rate.note).toBeUndefined();
  });

  it('tests durations with Mann–Whitney U on the measure’s own items and bootstraps the median difference', async () => {
    const result = await compare(db, { cutover: '2025-01-01' });
    const cycle = result.kpis.find((k) => k.id === 'sales_cycle_days')!;
    expect(cycle.test).toBe('Mann–Whitney U');
    expect(cycle.p_value).toBe(mannWhitneyU([2, 3, 5], [3, 10, 20]).p_value);
    expect(cycle.median_diff).toBe(3 - 10);
    expect(cycle.ci95).toEqual(bootstrapMedianDifference([3, 10, 20], [2, 3, 5]));
    const processing = result.kpis.find((k) => k.id === 'order_processing_days')!;
    expect(processing.p_value).toBe(mannWhitneyU([1, 2, 3], [4, 6, 10]).p_value);
    expect(processing.median_diff).toBe(2 - 6);
    expect(processing.ci95![0]).toBeLessThanOrEqual(processing.ci95![1]);
    expect(processing.note).toBe('few completed items (before 3, after 3): the interval is rough');
    // no invoices or payments: the measures are unavailable, and so are their tests
    const collection = result.kpis.find((k) => k.id === 'collection_days')!;
    expect(collection).toMatchObject({ p_value: null, ci95: null, note: 'the measure is not available on these data' });
    expect(collection.note_zh).toBeTruthy();
    expect(result).toMatchObject({
      cutover: '2025-01-01', exclude_days: 0,
      periods: { before: { from: null, to: '2024-12-31' }, after: { from: '2025-01-01', to: null } },
    });
  });

  it('leaves a transition window after the cut-over out of "after" (--exclude-days)', async () => {
    const week = await compare(db, { cutover: '2025-01-01', excludeDays: 7 });
    expect(week.periods.after.from).toBe('2025-01-08');
    const byId = Object.fromEntries(week.kpis.map((k) => [k.id, k]));
    expect([byId.lead_conversion_rate.after.count, byId.lead_conversion_rate.after.n]).toEqual([2, 3]);
    expect(byId.lead_conversion_rate.before.n).toBe(4);
    expect(byId.sales_cycle_days.p_value).toBe(mannWhitneyU([3, 5], [3, 10, 20]).p_value);
    expect(byId.order_processing_days.p_value).toBe(mannWhitneyU([1, 3], [4, 6, 10]).p_value);

    // 30 days: one converted lead and one order remain after → too few to test, and said so
    const month = Object.fromEntries((await compare(db, { cutover: '2025-01-01', excludeDays: '30' })).kpis.map((k) => [k.id, k]));
    expect(month.sales_cycle_days).toMatchObject({ p_value: null, ci95: null, median_diff: 3 - 10 });
    expect(month.sales_cycle_days.note).toMatch(/too few completed items .*before 3, after 1/);
    expect(month.sales_cycle_days.note_zh).toMatch(/优化后 1/);
  });

  it('compares two explicit date ranges, both ends included', async () => {
    const result = await compare(db, { before: '2024-10-01..2024-10-31', after: '2025-01-01..2025-01-31' });
    expect(result.cutover).toBeNull();
    expect(result.periods).toEqual({ before: { from: '2024-10-01', to: '2024-10-31' }, after: { from: '2025-01-01', to: '2025-01-31' } });
    const byId = Object.fromEntries(result.kpis.map((k) => [k.id, k]));
    expect([byId.lead_conversion_rate.before.count, byId.lead_conversion_rate.before.n]).toEqual([2, 2]);
    expect([byId.lead_conversion_rate.after.count, byId.lead_conversion_rate.after.n]).toEqual([2, 2]);
    expect(byId.lead_conversion_rate.p_value).toBe(1); // every lead converted on both sides: nothing to test
    expect(byId.sales_cycle_days.p_value).toBe(mannWhitneyU([2, 5], [10, 20]).p_value);
    expect(byId.sales_cycle_days.median_diff).toBe(3.5 - 15);
  });

  it('refuses periods it cannot compare (a usage error: CLI exit 2, HTTP 400)', () => {
    const bad = [
      {}, { cutover: '2025-13-01' }, { cutover: '2025-01-01', before: '2024-01-01..2024-06-30', after: '2025-01-01..2025-06-30' },
      { before: '2024-01-01..2024-06-30' }, { before: '2024-01-01', after: '2025-01-01..2025-06-30' },
      { before: '2024-06-30..2024-01-01', after: '2025-01-01..2025-06-30' },
      { before: '2024-01-01..2025-01-31', after: '2025-01-01..2025-06-30' },
      { cutover: '2025-01-01', excludeDays: '-1' }, { cutover: '2025-01-01', excludeDays: 'week' },
      { cutover: '2025-01-01', excludeDays: 1.5 },
      { before: '2024-01-01..2024-06-30', after: '2025-01-01..2025-06-30', excludeDays: 7 },
    ];
    for (const options of bad) expect(() => comparePeriods(options), JSON.stringify(options)).toThrow(expect.objectContaining({ name: 'UsageError' }));
  });
});

describe('rate evidence without a denominator', () => {
  it('gives no p-value or interval and says which side is empty', () => {
    const rate = { id: 'lead_conversion_rate', available: true, count: 0, n: 0 } as Parameters<typeof rateEvidence>[0];
    const evidence = rateEvidence(rate, { ...rate, count: 3, n: 10 });
    expect(evidence).toMatchObject({ p_value: null, ci95: null, test: 'two-proportion z' });
    expect(evidence.note).toMatch(/no observable leads before/);
  });
});

// Calibration: many small seeded worlds in ONE workspace, told apart by lead source. Each world's
// evidence comes from the same functions compare() uses (measureValue, durationDays,
// rateEvidence, durationEvidence), filtered to the world as the segment filter does.
describe('calibration on seeded worlds', () => {
  const same: WorldProcess = { conversion: 0.25, salesCycleDays: 20, processingDays: 6, collectionDays: 12 };
  const improved: WorldProcess = { conversion: 0.35, salesCycleDays: 20, processingDays: 3, collectionDays: 12 };
  const nullWorlds: WorldSpec[] = Array.from({ length: 200 }, (_, i) => ({ name: `null-${i}`, leads: 240, before: same, after: same }));
  const changed: WorldSpec[] = Array.from({ length: 50 }, (_, i) => ({
    name: `change-${i}`, leads: 300, before: { ...same, conversion: 0.2 }, after: improved,
  }));
  let db: Database;
  let facts: DataFacts;
  const { bounds } = comparePeriods({ cutover: WORLD_CUTOVER });

  beforeAll(async () => {
    ({ db } = await workspace(worldsBundle([...nullWorlds, ...changed], 17)));
    facts = await dataFacts(db);
  });
  afterAll(() => db.close());

  async function worldEvidence(world: string, id: 'lead_conversion_rate' | DurationMeasureId): Promise<Evidence> {
    const segments = { source: world };
    const value = (b: Bounds) => measureValue(db, facts, id, b, facts.data_end, 90, segments);
    const [before, after] = [await value(bounds.before), await value(bounds.after)];
    if (id === 'lead_conversion_rate') return rateEvidence(before, after);
    const days = (b: Bounds) => durationDays(db, facts, id, b, facts.data_end!, 90, segments);
    return durationEvidence(before, after, await days(bounds.before), await days(bounds.after), { resamples: 500 });
  }

  const share = (evidence: readonly Evidence[], test: (e: Evidence) => boolean) => evidence.filter(test).length / evidence.length;
  const significant = (e: Evidence) => e.p_value !== null && e.p_value < 0.05;

  it('gives the same evidence as compare() for a world, and the measure’s own items', async () => {
    const full = await compare(db, { cutover: WORLD_CUTOVER, segments: { source: 'null-3' } });
    for (const k of full.kpis) {
      if (k.id === 'win_rate' || k.id === 'opportunity_cycle_days' || k.id === 'deal_value') continue; // the worlds' evidence is about leads and orders
      const { p_value, median_diff } = await worldEvidence('null-3', k.id);
      expect({ p_value, median_diff }, k.id).toEqual({ p_value: k.p_value, median_diff: k.median_diff });
      if (k.id === 'lead_conversion_rate') continue;
      for (const side of ['before', 'after'] as const) {
        const days = await durationDays(db, facts, k.id, bounds[side], facts.data_end!, 90, { source: 'null-3' });
        expect(days.length, `${k.id} ${side}`).toBe(k[side].n);
        expect(sortedMedian(days)!, `${k.id} ${side}`).toBeCloseTo(k[side].median!, 9);
      }
    }
  });

  it('flags 2–9% of worlds without a change at p < 0.05 (conversion rate and order processing)', async () => {
    const rates: Evidence[] = [];
    const processing: Evidence[] = [];
    for (const world of nullWorlds) {
      rates.push(await worldEvidence(world.name, 'lead_conversion_rate'));
      processing.push(await worldEvidence(world.name, 'order_processing_days'));
    }
    expect(rates.every((e) => e.p_value !== null)).toBe(true);
    expect(processing.every((e) => e.p_value !== null)).toBe(true);
    const rateShare = share(rates, significant);
    const processingShare = share(processing, significant);
    expect(rateShare).toBeGreaterThanOrEqual(0.02);
    expect(rateShare).toBeLessThanOrEqual(0.09);
    expect(processingShare).toBeGreaterThanOrEqual(0.02);
    expect(processingShare).toBeLessThanOrEqual(0.09);
    // the intervals agree with the tests: few exclude 0 when nothing changed
    const excludesZero = (e: Evidence) => e.ci95 !== null && (e.ci95[0] > 0 || e.ci95[1] < 0);
    expect(share(rates, excludesZero)).toBeLessThanOrEqual(0.09);
    expect(share(processing, excludesZero)).toBeLessThanOrEqual(0.09);
  });

  it('flags most worlds with a real change (conversion 20% → 35%, order processing halved)', async () => {
    const rates: Evidence[] = [];
    const processing: Evidence[] = [];
    for (const world of changed) {
      rates.push(await worldEvidence(world.name, 'lead_conversion_rate'));
      processing.push(await worldEvidence(world.name, 'order_processing_days'));
    }
    expect(share(rates, significant)).toBeGreaterThanOrEqual(0.7);
    expect(share(rates, (e) => e.ci95![0] > 0)).toBeGreaterThanOrEqual(0.7);
    expect(share(processing, significant)).toBeGreaterThanOrEqual(0.95);
    expect(share(processing, (e) => e.ci95![1] < 0)).toBeGreaterThanOrEqual(0.95);
  });
});
