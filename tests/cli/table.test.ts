/** The CLI's text tables (app/cli/table.ts): numbers, "—" and "n/a" right-aligned, CJK two columns wide. */
import { describe, expect, it } from 'vitest';
import { table } from '../../app/cli/table.ts';

describe('table', () => {
  it('right-aligns a column of numbers and missing values, left-aligns words', () => {
    expect(table(['measure', 'value'], [['a', '—'], ['bb', '12.5%']]).split('\n')).toEqual([
      'measure  value',
      '───────  ─────',
      `a${' '.repeat(12)}—`,
      'bb       12.5%',
    ]);
  });

  it('reads days in Chinese and n/a as numbers, and counts a CJK character as two columns', () => {
    expect(table(['m', '天数'], [['x', '5.0 天'], ['y', 'n/a']]).split('\n')).toEqual([
      'm    天数',
      '─  ──────',
      'x  5.0 天',
      'y     n/a',
    ]);
  });

  it('keeps a column left-aligned when one cell is a word', () => {
    expect(table(['k', 'v'], [['a', '—'], ['b', 'waiting']]).split('\n')).toEqual([
      'k  v',
      '─  ───────',
      'a  —',
      'b  waiting',
    ]);
  });
});
