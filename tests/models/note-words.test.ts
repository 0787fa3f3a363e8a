/** Notes and reasons chosen from the catalogues by their codes: a DSO month's notes, a column's role, a suggestion's evidence. */
import { describe, expect, it } from 'vitest';
import { dsoNoteText } from '../../models/dso-words.ts';
import { columnRole } from '../../models/filter-column-roles.ts';
import { describeAll, describeEvidence } from '../../models/stitch/evidence-text.ts';
import type { Evidence } from '../../models/stitch/scoring.ts';

describe('a DSO month in words', () => {
  it('joins its notes with each language\'s separator', () => {
    expect(dsoNoteText([
      { code: 'month_not_over', measured_at: '2025-03-14T10:00:00', days: 14 },
      { code: 'few_invoices', invoices: 1, thin_below: 20 },
    ])).toEqual({
      en: 'month not over: measured at 2025-03-14T10:00:00 over its first 14 days; thin: only 1 invoice(s) in the month (fewer than 20); not a headline',
      zh: '本月未结束：按截至 2025-03-14T10:00:00 的前 14 天计算；样本少：本月仅 1 张发票（少于 20 张），不作为主要数字',
    });
  });
});

describe('a column\'s role in words', () => {
  it('says why a near-unique column is not a segment, with its counts', () => {
    expect(columnRole({ key: 'customer_note', distinct_values: 19, present: 20, dated: 0, id_like: 0 })).toEqual({
      role: 'id',
      reason: 'nearly one value per case (19 values over 20 cases): an id, a name or free text',
      reason_zh: '几乎每个案例一个取值(20 个案例有 19 个取值):编号、名称或自由文本',
    });
  });
});

describe('a suggestion\'s evidence in words', () => {
  it('one day, many days, earlier and later, in English and Chinese', () => {
    expect(describeEvidence({ kind: 'date', days: 1 })).toBe('1 day later');
    expect(describeEvidence({ kind: 'date', days: -3 })).toBe('3 days earlier');
    expect(describeEvidence({ kind: 'date', days: -3 }, 'zh')).toBe('早 3 天');
  });

  it('names, amounts with tax and references, joined', () => {
    const evidence: Evidence[] = [
      { kind: 'name', rule: 'prefix', from: 'Acme', to: 'Acme GmbH', score: 0.9 },
      { kind: 'amount', rule: '+19% tax', from: 12500, to: 14875 },
      { kind: 'reference', field: 'memo', value: 'SO-7', names: 'from' },
    ];
    expect(describeAll(evidence)).toBe('one name begins the other (Acme ~ Acme GmbH); amounts equal +19% tax (12500 → 14875); memo names the other (SO-7)');
    expect(describeAll(evidence, 'zh')).toBe('名称前缀一致 (Acme ~ Acme GmbH); 金额加 19% 税后相同 (12500 → 14875); memo 提到对方编号（SO-7）');
  });
});
