import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compare } from '../../models/compare.ts';
import { CUTOVER, generate } from '../../sample-data/generator/index.ts';
import { importAndRebuild, openWorkspace } from '../../app/workspace.ts';

const BUNDLE = fileURLToPath(new URL('../../sample-data/bundle', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'ltc-designed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Imports a folder of canonical CSVs through the product and compares around the designed cut-over. */
async function compareFolder(dir: string) {
  const db = await openWorkspace(':memory:');
  try {
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    const report = await importAndRebuild(db, files.map((f) => ({ path: join(dir, f), name: f })));
    for (const f of report.files) {
      expect(f.error, f.path).toBeUndefined();
      expect(f.rows_rejected, f.path).toBe(0);
    }
    const result = await compare(db, { cutover: new Date(CUTOVER * 1000).toISOString().slice(0, 10) });
    // The design switches at each lead's creation, so it is the lead, order and invoice measures that
    // carry it; the opportunity measures (by opportunity creation) are not part of the design.
    const designed = result.kpis.filter((k) => !['win_rate', 'opportunity_cycle_days', 'deal_value'].includes(k.id));
    expect(designed).toHaveLength(5);
    return Object.fromEntries(designed.map((k) => [k.id, {
      before: k.before.value, after: k.after.value, improved: k.improved, better: k.better, p_value: k.p_value, ci95: k.ci95,
    }]));
  } finally {
    db.close();
  }
}

describe('the sample data reproduce the designed redesign through the product (the field result and its evidence, docs/statistics.md)', () => {
  it('on 20,000 generated leads: conversion ~20% → ~30%, processing ~10 → ~5 days, collection ~15 → ~9 days', async () => {
    const dir = join(scratch, 'g20k');
    generate({ leads: 20_000, outDir: dir, seed: 7 });
    const k = await compareFolder(dir);
    expect(k.lead_conversion_rate.before).toBeGreaterThan(0.18);
    expect(k.lead_conversion_rate.before).toBeLessThan(0.22);
    expect(k.lead_conversion_rate.after).toBeGreaterThan(0.27);
    expect(k.lead_conversion_rate.after).toBeLessThan(0.33);
    expect(k.order_processing_days.before).toBeGreaterThan(9);
    expect(k.order_processing_days.before).toBeLessThan(11);
    expect(k.order_processing_days.after).toBeGreaterThan(4.5);
    expect(k.order_processing_days.after).toBeLessThan(5.5);
    expect(k.collection_days.before).toBeGreaterThan(13.5);
    expect(k.collection_days.before).toBeLessThan(16.5);
    expect(k.collection_days.after).toBeGreaterThan(8);
    expect(k.collection_days.after).toBeLessThan(10);
    for (const id of Object.keys(k)) expect(k[id].improved, id).toBe(true);
    expectDetected(k);
  });

  it('on the committed 2,000-lead bundle: every measure improves, within wider sampling bands', async () => {
    const k = await compareFolder(BUNDLE);
    expect(k.lead_conversion_rate.before).toBeGreaterThan(0.16);
    expect(k.lead_conversion_rate.before).toBeLessThan(0.25);
    expect(k.lead_conversion_rate.after).toBeGreaterThan(0.25);
    expect(k.lead_conversion_rate.after).toBeLessThan(0.35);
    expect(k.order_processing_days.before).toBeGreaterThan(8.5);
    expect(k.order_processing_days.after).toBeLessThan(6);
    expect(k.collection_days.before).toBeGreaterThan(13);
    expect(k.collection_days.after).toBeLessThan(10.5);
    for (const id of Object.keys(k)) expect(k[id].improved, id).toBe(true);
    expectDetected(k);
  });
});

/** docs/statistics.md: the designed change is not noise — p < 0.01 and the 95% CI excludes 0 on the better side. */
function expectDetected(k: Awaited<ReturnType<typeof compareFolder>>) {
  for (const [id, m] of Object.entries(k)) {
    expect(m.p_value, id).not.toBeNull();
    expect(m.p_value!, id).toBeLessThan(0.01);
    const [lo, hi] = m.ci95!;
    if (m.better === 'higher') expect(lo, id).toBeGreaterThan(0);
    else expect(hi, id).toBeLessThan(0);
  }
}
