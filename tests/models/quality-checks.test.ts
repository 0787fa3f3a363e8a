import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../models/db/database.ts';
import {
  fillMessage, PAYMENT_TOLERANCE, QUALITY_CHECK_MESSAGES, QUALITY_CHECKS,
} from '../../models/quality-checks.ts';

describe('quality checks: declaration and message catalogue (models/messages/quality-checks.json)', () => {
  it('has text in both languages for exactly the declared checks, every placeholder known', () => {
    expect(Object.keys(QUALITY_CHECK_MESSAGES).sort()).toEqual(QUALITY_CHECKS.map((c) => c.code).sort());
    for (const c of QUALITY_CHECKS) {
      for (const text of [c.title, c.title_zh, c.explanation, c.explanation_zh]) expect(text).not.toMatch(/[{}]/);
    }
  });

  it('fills placeholders with the thresholds the queries use', () => {
    expect(fillMessage('{absurd_days} / {earliest_plausible} / {earliest_year} / {payment_tolerance}'))
      .toBe('3650 / 1990-01-01 / 1990 / 0.01');
    expect(() => fillMessage('{nothing}')).toThrow(/no value for \{nothing\}/);
  });

  it('states the payment tolerance the SQL macro ltc_payment_tolerance() applies', async () => {
    const db = await openDatabase(':memory:');
    try {
      const [{ tolerance }] = await db.query<{ tolerance: unknown }>('SELECT ltc_payment_tolerance()::DOUBLE AS tolerance');
      expect(Number(tolerance)).toBe(PAYMENT_TOLERANCE);
    } finally {
      await db.close();
    }
  });
});
