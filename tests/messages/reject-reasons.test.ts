/**
 * Reject reasons are stored in English and read back to be said in another language: every reason
 * template reads back its own English, the values come out as they went in (even where they hold
 * the template's own words), and a text no template wrote comes back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../models/messages/catalogue.ts';
import { READER_ERRORS, REJECT_REASONS, VALUE_FORMATS, readReason, reasonIn, reasonTexts, rejectReason, MAX_READ_REASON, type RejectReason } from '../../models/messages/reject-reasons.ts';

/** Values for each reason, awkward on purpose: quotes, colons and the template's own words inside them. */
const EXAMPLES: Record<RejectReason, Record<string, string>[]> = {
  missing: [{ field: 'order_id' }, { field: 'a is missing' }],
  missing_empty: [{ field: 'amount', column: 'Betrag (EUR)' }, { field: 'created_at', column: '创建时间' }],
  not_in_format: [
    ...Object.values(VALUE_FORMATS).map((f) => ({ field: 'issued_at', value: '2025-02-30', expected: f.en })),
    { field: 'amount', value: 'x" is not a number: "y', expected: VALUE_FORMATS['decimal-comma'].en },
    { field: 'amount', value: '', expected: VALUE_FORMATS.boolean.en },
  ],
  duplicate_id: [
    { key: 'lead_id', value: 'L2' },
    { key: 'case_id + object_type', value: 'C 1 / order' },
    { key: 'invoice_id', value: 'INV 7: another' },
  ],
  unreadable_record: Object.values(READER_ERRORS).map((t) => ({ type: t.en, detail: 'Expected Number of Columns: 2 Found: 3' })),
};

describe('reject reasons read back from their English', () => {
  it('has examples for every reason', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(REJECT_REASONS).sort());
  });

  for (const [id, examples] of Object.entries(EXAMPLES) as [RejectReason, Record<string, string>[]][]) {
    it(`${id}: reads back its own English with the values it was said with`, () => {
      for (const values of examples) {
        const text = rejectReason(id, values);
        expect(readReason(text)).toEqual({ id, values });
        expect(reasonIn(text, 'en')).toBe(text);
        for (const lang of LANGS) expect(reasonIn(text, lang)).not.toBe('');
      }
    });
  }

  it('says a stored reason in Chinese, the value formats and reader errors in Chinese words', () => {
    expect(reasonIn('order_id is missing', 'zh')).toBe('缺少 order_id');
    expect(reasonIn('amount is missing (Betrag is empty)', 'zh')).toBe('缺少 amount(Betrag 为空)');
    expect(reasonIn('amount: "abc" is not a number like 1,234.50', 'zh')).toBe('amount:"abc" 不是形如 1,234.50 的数字');
    expect(reasonIn('issued_at: "2025-02-30" is not an ISO date like 2025-03-07 or 2025-03-07 14:05', 'zh'))
      .toBe('issued_at:"2025-02-30" 不是形如 2025-03-07 或 2025-03-07 14:05 的 ISO 日期');
    expect(reasonIn('duplicate lead_id L2: another row of this file has the same id with different values', 'zh'))
      .toBe('重复的 lead_id L2:本文件另有一行 id 相同但其他值不同');
    expect(reasonIn('too many columns: Expected Number of Columns: 2 Found: 3', 'zh')).toBe('列数过多:Expected Number of Columns: 2 Found: 3');
    expect(reasonTexts('cast: Could not convert')).toEqual({ en: 'cast: Could not convert', zh: '类型转换错误:Could not convert' });
  });

  it('reads a reason up to the bound and shows a longer one (a hostile cell quoted whole) as stored', () => {
    const within = rejectReason('not_in_format', { field: 'created_at', value: 'x'.repeat(MAX_READ_REASON - 80), expected: VALUE_FORMATS.iso.en });
    expect(within.length).toBeLessThanOrEqual(MAX_READ_REASON);
    expect(reasonIn(within, 'zh')).not.toBe(within);
    // the templates' own words repeated, the input that makes lazy groups backtrack
    const hostile = rejectReason('not_in_format', { field: 'created_at', value: ' is missing ('.repeat(20_000), expected: VALUE_FORMATS.iso.en });
    expect(readReason(hostile)).toBeNull();
    expect(reasonIn(hostile, 'zh')).toBe(hostile);
  });

  it('gives back a text no template wrote as it is stored', () => {
    for (const text of [
      'a reason from an older version',
      'amount: "abc" is not a currency we know',
      'weird error: DuckDB said so',
      '',
      'order_id is missing!',
    ]) {
      expect(readReason(text)).toBeNull();
      expect(reasonIn(text, 'zh')).toBe(text);
    }
  });
});
