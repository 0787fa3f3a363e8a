/**
 * Mix-adjusted before/after on a world built to show Simpson's paradox: conversion improves within
 * both sources, but the after period has far more leads from the weaker source, so the pooled rate
 * falls. Figures worked out by hand below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../models/compare.ts';
import type { Database } from '../../models/db/database.ts';
import { mixComparison } from '../../models/mix.ts';
import { sampleWorkspace, workspace } from '../helpers/workspace.ts';

/** `leads` leads of `source` created from `start` (one a day), the first `converted` ordering 10 days later. */
function cohort(prefix: string, source: string, start: string, leads: number, converted: number) {
  const day = (offset: number) => new Date(Date.parse(`${start}T09:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
  const rows = Array.from({ length: leads }, (_, i) => ({ id: `${prefix}${i}`, offset: i % 60, converted: i < converted }));
  return {
    leads: rows.map((r) => `${r.id},${day(r.offset)},${source}`),
    orders: rows.filter((r) => r.converted).map((r) => `O-${r.id},${day(r.offset + 10)},${r.id},100`),
  };
}

let db: Database;
beforeAll(async () => {
  // Before (Jan–Feb 2024): A 40/80 = 50%, B 2/20 = 10% → pooled 42/100. After (Jul–Aug 2024): A 12/20
  // = 60%, B 16/80 = 20% → pooled 28/100. Re-weighted to the before mix (A 0.8, B 0.2): before 0.42,
  // after 0.8 × 0.6 + 0.2 × 0.2 = 0.52.
  const parts = [cohort('AB', 'A', '2024-01-01', 80, 40), cohort('BB', 'B', '2024-01-01', 20, 2),
    cohort('AA', 'A', '2024-07-01', 20, 12), cohort('BA', 'B', '2024-07-01', 80, 16)];
  ({ db } = await workspace({
    'leads.csv': `lead_id,created_at,source\n${parts.flatMap((p) => p.leads).join('\n')}\n`,
    'orders.csv': `order_id,created_at,lead_id,amount\n${parts.flatMap((p) => p.orders).join('\n')}\n`,
  }));
});
afterAll(() => db?.close());

describe('mix-adjusted comparison', () => {
  it('shows the within-source improvement the pooled rate hides, and flags the paradox', async () => {
    const result = await mixComparison(db, { cutover: '2024-05-01', by: 'source', asOf: '2025-06-30' });
    const conversion = result.kpis.find((k) => k.id === 'lead_conversion_rate')!;
    expect(conversion.before).toBeCloseTo(0.42, 12);
    expect(conversion.after).toBeCloseTo(0.28, 12);
    expect(conversion.pooled_change_pct).toBeCloseTo(-1 / 3, 12);
    expect(conversion.adjusted_after).toBeCloseTo(0.52, 12);
    expect(conversion.adjusted_change_pct).toBeCloseTo(0.1 / 0.42, 12);
    expect(conversion.coverage).toBe(1);
    expect(conversion.simpson).toBe(true);
    expect(conversion.note).toMatch(/Simpson/);
    const strata = Object.fromEntries(result.strata.map((s) => [s.value, s.kpis.find((k) => k.id === 'lead_conversion_rate')!]));
    expect([strata.A.before, strata.A.after, strata.A.n_before, strata.A.n_after]).toEqual([0.5, 0.6, 80, 20]);
    expect([strata.B.before, strata.B.after, strata.B.n_before, strata.B.n_after]).toEqual([0.1, 0.2, 20, 80]);
    // The sales cycle is 10 days everywhere: no change, no paradox.
    const cycle = result.kpis.find((k) => k.id === 'sales_cycle_days')!;
    expect(cycle.adjusted_change_pct).toBeCloseTo(0, 12);
    expect(cycle.simpson).toBe(false);
  });

  it('refuses an unknown key and a stratifying key that is also filtered', async () => {
    await expect(mixComparison(db, { cutover: '2024-05-01', by: 'colour' })).rejects.toThrow(/--by must be one of/);
    await expect(mixComparison(db, { cutover: '2024-05-01', by: 'source', segments: { source: 'A' } })).rejects.toThrow(/cannot be combined/);
  });
});

describe('strata on the sample data', () => {
  let sample: Database;
  beforeAll(async () => {
    sample = await sampleWorkspace();
  });
  afterAll(() => sample?.close());

  // The strata come from one grouped query per measure; by definition each must be the comparison
  // of that stratum alone (compare with the stratum as a filter).
  it.each([
    { by: 'source', options: {} },
    { by: 'region', options: { segments: { segment: 'Enterprise' }, excludeDays: 30 } },
    { by: 'owner', options: { windowDays: 60, asOf: '2025-10-31' } },
  ])('each $by stratum equals compare() filtered to it', async ({ by, options }) => {
    const result = await mixComparison(sample, { cutover: '2025-01-01', by, ...options });
    expect(result.strata.length).toBeGreaterThan(1);
    for (const stratum of result.strata) {
      const alone = await compare(sample, {
        cutover: '2025-01-01', ...options, segments: { ...('segments' in options ? options.segments : {}), [by]: stratum.value },
      });
      expect(stratum.kpis.map((k) => [k.id, k.before, k.after, k.n_before, k.n_after, k.change_pct, k.improved]), stratum.value)
        .toEqual(alone.kpis.map((k) => [k.id, k.before.value, k.after.value, k.before.n, k.after.n, k.change_pct, k.improved]));
    }
  });
});
