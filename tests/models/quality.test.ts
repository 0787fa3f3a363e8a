import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { quality, QUALITY_CHECKS, type QualityCheck, type QualityResult } from '../../models/quality.ts';
import { cleanWorld, plantedWorld } from '../helpers/quality-world.ts';
import { days, workspace } from '../helpers/workspace.ts';

let planted: Database;
let result: QualityResult;
beforeAll(async () => {
  ({ db: planted } = await workspace(plantedWorld));
  result = await quality(planted);
});
afterAll(() => planted.close());

const check = (code: string): QualityCheck => result.checks.find((c) => c.code === code)!;
/** Each example as "table id field value | other_table other_id other_field other_value" */
const pairs = (code: string) => check(code).examples.map((e) =>
  [e.table, e.id, e.case_id, e.field, e.value, e.other_table, e.other_id, e.other_field, e.other_value]);

describe('quality (docs/quality.md): each check finds exactly the planted records', () => {
  it('reports every check, in order, with titles and explanations in both languages', () => {
    expect(result.checks.map((c) => c.code)).toEqual(QUALITY_CHECKS.map((c) => c.code));
    for (const c of result.checks) {
      expect(c.title).not.toBe('');
      expect(c.title_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.explanation_zh).toMatch(/[\u4e00-\u9fff]/);
    }
    // 1 + 1 + 1 + 1 + 1 + 1 + 2 (lead steps) + 1 + 1 + 1 + 3 (early dates) + 1
    expect(result).toMatchObject({ problems: 15, failing_checks: 12, limit: 10 });
  });

  it('finds orders before their lead and before their opportunity', () => {
    // SO2 2025-02-03 names L2, created 2025-03-05: 30 days before.
    expect(check('order_before_lead').count).toBe(1);
    expect(pairs('order_before_lead')).toEqual([
      ['orders', 'SO2', 'L2', 'created_at', '2025-02-03T00:00:00', 'leads', 'L2', 'created_at', '2025-03-05T00:00:00']]);
    expect(check('order_before_lead').examples[0].difference).toBe(-30);
    // SO3 2025-01-25 names O3, created 2025-02-01: 7 days before (its lead L3, 2025-01-20, is fine).
    expect(pairs('order_before_opportunity')).toEqual([
      ['orders', 'SO3', 'L3', 'created_at', '2025-01-25T00:00:00', 'opportunities', 'O3', 'created_at', '2025-02-01T00:00:00']]);
    expect(check('order_before_opportunity').examples[0].difference).toBe(-7);
  });

  it('finds a quote, a delivery and an invoice before what they follow', () => {
    expect(pairs('quote_before_opportunity')).toEqual([
      ['quotes', 'Q3', 'L3', 'created_at', '2025-01-28T00:00:00', 'opportunities', 'O3', 'created_at', '2025-02-01T00:00:00']]);
    expect(check('quote_before_opportunity').examples[0].difference).toBe(-4);
    expect(pairs('delivery_before_order')).toEqual([
      ['deliveries', 'D3', 'L3', 'delivered_at', '2025-01-22T00:00:00', 'orders', 'SO3', 'created_at', '2025-01-25T00:00:00']]);
    expect(check('delivery_before_order').examples[0].difference).toBe(-3);
    // I13 names an order that is not loaded: nothing to compare with. IA1 is issued the moment SOA was created: fine.
    expect(pairs('invoice_before_order')).toEqual([
      ['invoices', 'I4', 'L4', 'issued_at', '2025-04-01T00:00:00', 'orders', 'SO4', 'created_at', '2025-04-10T00:00:00']]);
    expect(check('invoice_before_order').examples[0].difference).toBe(-9);
  });

  it('finds a payment before the invoice it was applied to', () => {
    expect(pairs('payment_before_invoice')).toEqual([
      ['payments', 'P3', 'L3', 'paid_at', '2025-02-01T00:00:00', 'invoices', 'I3', 'issued_at', '2025-02-05T00:00:00']]);
    expect(check('payment_before_invoice').examples[0].difference).toBe(-4);
  });

  it('finds lead steps and an opportunity close before their creation, the furthest off first', () => {
    expect(pairs('lead_step_before_created')).toEqual([
      ['leads', 'L5', 'L5', 'qualified_at', '2025-05-01T00:00:00', 'leads', 'L5', 'created_at', '2025-05-10T00:00:00'],
      ['leads', 'L6', 'L6', 'converted_at', '2025-05-30T00:00:00', 'leads', 'L6', 'created_at', '2025-06-01T00:00:00'],
    ]);
    expect(check('lead_step_before_created').examples.map((e) => e.difference)).toEqual([-9, -2]);
    // O7 closed 2025-06-05, created 2025-06-10; O10 is open and its planned close is no finding.
    expect(pairs('opportunity_closed_before_created')).toEqual([
      ['opportunities', 'O7', 'L7', 'closed_at', '2025-06-05T00:00:00', 'opportunities', 'O7', 'created_at', '2025-06-10T00:00:00']]);
  });

  it('finds a duration over ten years, leaving out pairs with a placeholder date', () => {
    // L8 2014-01-01 → SO8 2025-01-15: 11 years with three leap days (2016, 2020, 2024) + 14 days = 4,032 days.
    // L11 (1900-01-01) → SO11 is 125 years, but L11 is reported as an early date instead.
    expect(pairs('duration_over_ten_years')).toEqual([
      ['orders', 'SO8', 'L8', 'created_at', '2025-01-15T00:00:00', 'leads', 'L8', 'created_at', '2014-01-01T00:00:00']]);
    expect(check('duration_over_ten_years').examples[0].difference).toBe(4032);
  });

  it('finds a date after its file was imported, but no planned date', async () => {
    const [batch] = await planted.query<{ batch_id: number; imported_at: string }>(
      `SELECT batch_id, strftime(imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at FROM import_batches WHERE kind = 'leads'`);
    // L9 is dated 2099; I2 and IA1 are due in 2030 and O10, OA close in 2027: planned, not findings.
    expect(pairs('date_in_future')).toEqual([
      ['leads', 'L9', 'L9', 'created_at', '2099-03-01T00:00:00', 'import_batches', String(batch.batch_id), 'imported_at', batch.imported_at]]);
    expect(check('date_in_future').examples[0].difference).toBeCloseTo(days(batch.imported_at, '2099-03-01T00:00:00'), 4);
  });

  it('finds dates before 1990, the earliest first, also of records stitched into no case', () => {
    expect(pairs('date_before_1990')).toEqual([
      ['leads', 'L11', 'L11', 'created_at', '1900-01-01T00:00:00', null, null, null, null],
      ['deliveries', 'D12', 'L11', 'shipped_at', '1970-01-01T00:00:00', null, null, null, null],
      ['invoices', 'I13', null, 'issued_at', '1980-05-05T00:00:00', null, null, null, null],
    ]);
  });

  it('finds an invoice paid beyond its amount, by the payments the measures apply', () => {
    // P4 pays 900 on I4 (800). P4B's 50 names only SO4, whose one invoice has nothing left: not applied.
    expect(pairs('payment_above_invoice')).toEqual([
      ['invoices', 'I4', 'L4', 'amount', '800.00', 'payments', 'P4', 'amount', '900.00']]);
    expect(check('payment_above_invoice').examples[0].difference).toBe(100);
  });

  it('lists at most --limit examples but always the full count', async () => {
    const one = await quality(planted, { limit: 1 });
    const early = one.checks.find((c) => c.code === 'date_before_1990')!;
    expect(early.count).toBe(3);
    expect(early.examples.map((e) => e.id)).toEqual(['L11']);
    const none = await quality(planted, { limit: 0 });
    expect(none.problems).toBe(15);
    expect(none.checks.every((c) => c.examples.length === 0)).toBe(true);
  });

  it('refuses a limit that is not a whole number in range', async () => {
    await expect(quality(planted, { limit: -1 })).rejects.toThrow(/whole number from 0 to 1000/);
    await expect(quality(planted, { limit: 1001 })).rejects.toThrow(/whole number from 0 to 1000/);
  });
});

describe('quality on a clean world', () => {
  it('finds nothing in any check', async () => {
    const { db } = await workspace(cleanWorld);
    try {
      const clean = await quality(db);
      expect(clean.checks.map((c) => [c.code, c.count])).toEqual(QUALITY_CHECKS.map((c) => [c.code, 0]));
      expect(clean).toMatchObject({ problems: 0, failing_checks: 0 });
    } finally {
      db.close();
    }
  });

  it('finds nothing in an empty workspace', async () => {
    const { db } = await workspace({});
    try {
      expect((await quality(db)).problems).toBe(0);
    } finally {
      db.close();
    }
  });
});
