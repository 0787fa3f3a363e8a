/**
 * The Before/After table shows its values first and each row's evidence once it has come
 * (app/web/src/lib/before-after.ts, tableRows): the evidence of an earlier question never stands
 * beside the values of a newer one.
 */
import { describe, expect, it } from 'vitest';
import { tableRows, type CompareEvidenceResponse, type CompareValuesResponse } from '../../app/web/src/lib/before-after.ts';

const row = (id: string, value: number) => ({ id, label: id, label_zh: id, unit: 'days', better: 'lower', before: { value }, after: { value: value / 2 }, change_pct: -0.5, improved: true });
const values = (query: string) => ({
  query,
  data: { cutover: '2025-01-01', data_end: null, window_days: 90, exclude_days: 0, periods: { before: { from: null, to: '2024-12-31' }, after: { from: '2025-01-01', to: null } },
    kpis: [row('sales_cycle_days', 40), row('collection_days', 30)] } as unknown as CompareValuesResponse,
});
const evidence = (query: string) => ({
  query,
  data: { kpis: [
    { id: 'collection_days', test: 'Mann–Whitney U', p_value: 0.01, ci95: [-20, -10], median_diff: -15 },
    { id: 'sales_cycle_days', test: 'Mann–Whitney U', p_value: 0.2, ci95: [-30, 5], median_diff: -20, note: 'few', note_zh: '少' },
  ] } as CompareEvidenceResponse,
});

describe('the rows of the before/after table', () => {
  it('are the values with no evidence until it has come', () => {
    const rows = tableRows(values('cutover=2025-01-01'), undefined);
    expect(rows.map((r) => [r.id, r.after.value, r.evidence])).toEqual([['sales_cycle_days', 20, null], ['collection_days', 15, null]]);
  });

  it('take each measure\'s evidence by its id when it answers the same question', () => {
    const rows = tableRows(values('cutover=2025-01-01'), evidence('cutover=2025-01-01'));
    expect(rows.map((r) => [r.id, r.evidence])).toEqual([
      ['sales_cycle_days', { test: 'Mann–Whitney U', p_value: 0.2, ci95: [-30, 5], median_diff: -20, note: 'few', note_zh: '少' }],
      ['collection_days', { test: 'Mann–Whitney U', p_value: 0.01, ci95: [-20, -10], median_diff: -15 }],
    ]);
  });

  it('leave out the evidence of another question (a filter changed, one answer came before the other)', () => {
    expect(tableRows(values('cutover=2025-01-01&from=2024-01-01'), evidence('cutover=2025-01-01')).map((r) => r.evidence)).toEqual([null, null]);
  });
});
