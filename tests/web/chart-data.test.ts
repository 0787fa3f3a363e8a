import { describe, expect, it } from 'vitest';
import { seriesSummary } from '../../app/web/src/lib/chart-data.ts';

describe('chart summaries for screen readers', () => {
  const points = [
    { label: '2025-01', value: 12 }, { label: '2025-02', value: null }, { label: '2025-03', value: 5.5 }, { label: '2025-04', value: 30 }, { label: '2025-05', value: 9 },
  ];
  const fmt = (v: number) => v.toFixed(1);

  it('names the lowest, highest and latest known value with their labels, skipping gaps', () => {
    expect(seriesSummary(points, fmt, 'en')).toBe('4 values: lowest 5.5 (2025-03), highest 30.0 (2025-04), latest 9.0 (2025-05).');
    expect(seriesSummary(points, fmt, 'zh')).toBe('4 个数值：最低 5.5（2025-03），最高 30.0（2025-04），最新 9.0（2025-05）。');
  });

  it('says so when there is nothing to draw', () => {
    expect(seriesSummary([{ label: 'a', value: null }], fmt, 'en')).toBe('No values yet.');
  });
});
