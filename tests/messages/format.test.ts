/**
 * The one number format (models/messages/format.ts): every expected string below is worked out by
 * hand from its input and the conventions of docs/architecture.md#numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  amount, cents, change, compactAmount, count, days, daysWithUnit, difference, exactAmount, fileSize, interval, intervalWithUnit, measureCell,
  measureNumber, measureWithUnit, MISSING, notebookNumber, percent, pPhrase, pValue, seconds, signed, timestamp, times,
  wholePercent,
} from '../../models/messages/format.ts';

const NOTHING = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY];

describe('missing values', () => {
  it('is the em dash, for null, undefined, NaN and infinity alike', () => {
    expect(MISSING).toBe('\u2014');
    for (const v of NOTHING) {
      for (const f of [percent, wholePercent, days, count, amount, cents, exactAmount, times, pValue, pPhrase, seconds, fileSize]) expect(f(v)).toBe('—');
      expect(compactAmount(v, 'zh')).toBe('—');
      expect(daysWithUnit(v, 'zh')).toBe('—');
      expect(change(v, true)).toBe('—');
      expect(difference('amount', v)).toBe('—');
      expect(measureNumber('ratio', v)).toBe('—');
      expect(measureWithUnit('days', v, 'en')).toBe('—');
    }
    expect(interval('days', null)).toBe('—');
    expect(intervalWithUnit('ratio', undefined, 'zh')).toBe('—');
    expect(timestamp(null)).toBe('—');
    expect(timestamp('')).toBe('—');
  });
});

describe('rates, days, counts and amounts', () => {
  it('writes a rate as a percent with one decimal, and never "-0.0%"', () => {
    expect(percent(0.3)).toBe('30.0%');
    expect(percent(0.125)).toBe('12.5%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(-0.0004)).toBe('0.0%');
    expect(wholePercent(0.4027)).toBe('40%');
    expect(wholePercent(0)).toBe('0%');
    // a share that is there but rounds to nothing is not written as none
    expect(wholePercent(0.004)).toBe('<1%');
    expect(wholePercent(0.005)).toBe('1%');
  });

  it('writes days with one decimal, bare or with the unit word of the language', () => {
    expect(days(5.04)).toBe('5.0');
    expect(days(0)).toBe('0.0');
    expect(days(-3)).toBe('-3.0');
    expect(days(-0.04)).toBe('0.0');
    expect(daysWithUnit(5.04, 'en')).toBe('5.0 d');
    expect(daysWithUnit(5.04, 'zh')).toBe('5.0 天');
    expect(daysWithUnit(0, 'zh')).toBe('0.0 天');
  });

  it('groups counts in both languages', () => {
    expect(count(12345)).toBe('12,345');
    expect(count(12345, 'zh')).toBe('12,345');
    expect(count(0, 'en')).toBe('0');
    expect(count(-1200)).toBe('-1,200');
    expect(count(1234567.4)).toBe('1,234,567');
  });

  it('writes amounts whole from 100 up and for whole numbers, with two decimals below', () => {
    expect(amount(2361)).toBe('2,361');
    expect(amount(999.995)).toBe('1,000');
    expect(amount(1234567.89)).toBe('1,234,568');
    expect(amount(42)).toBe('42');
    expect(amount(12.5)).toBe('12.50');
    expect(amount(99.5)).toBe('99.50');
    expect(amount(-12.5)).toBe('-12.50');
    expect(amount(-0.004)).toBe('0.00');
    expect(count(-0.4)).toBe('0');
    expect(amount(0, 'zh')).toBe('0');
    expect(cents(1234.5)).toBe('1,234.50');
    expect(cents(0)).toBe('0.00');
    expect(exactAmount(1234.5)).toBe('1,234.5');
    expect(exactAmount(1234.567, 'zh')).toBe('1,234.57');
    expect(exactAmount(12)).toBe('12');
    expect(compactAmount(1736000, 'en')).toBe('1.7M');
    expect(compactAmount(1736000, 'zh')).toBe('173.6万');
    expect(compactAmount(950, 'en')).toBe('950');
    expect(times(1.46)).toBe('1.5×');
    expect(times(1.456, 2)).toBe('1.46×');
  });

  it('writes a measure in its unit: bare for a table whose header says the unit, else with the unit word', () => {
    expect(measureNumber('ratio', 0.3)).toBe('30.0%');
    expect(measureNumber('days', 5.04)).toBe('5.0');
    expect(measureNumber('amount', 2361)).toBe('2,361');
    expect(measureWithUnit('days', 12.3, 'zh')).toBe('12.3 天');
    expect(measureWithUnit('days', 12.3, 'en')).toBe('12.3 d');
    expect(measureWithUnit('ratio', 0.3, 'zh')).toBe('30.0%');
    expect(measureWithUnit('amount', 1500, 'en')).toBe('1,500');
  });

  it('writes a measure cell: n/a when not available, the em dash without a value, a star when thin', () => {
    expect(measureCell({ unit: 'days', value: 5.04, available: true }, 'en')).toBe('5.0 d');
    expect(measureCell({ unit: 'days', value: 5.04, available: true, thin: true }, 'zh')).toBe('5.0 天 *');
    expect(measureCell({ unit: 'ratio', value: 0.3, available: false }, 'en')).toBe('n/a');
    expect(measureCell({ unit: 'ratio', value: null, available: true }, 'en')).toBe('—');
  });
});

describe('changes and differences', () => {
  it('signs with a real minus, and leaves a zero unsigned', () => {
    expect(signed(3.04)).toBe('+3.0');
    expect(signed(-0.2)).toBe('−0.2');
    expect(signed(0.04)).toBe('0.0');
    expect(signed(-0.04)).toBe('0.0');
    expect(signed(1520, 0)).toBe('+1520');
  });

  it('writes a relative change as a signed percent, zero as "0.0%", with the arrow on request', () => {
    expect(change(1 / 3)).toBe('+33.3%');
    expect(change(-0.5)).toBe('−50.0%');
    expect(change(0)).toBe('0.0%');
    expect(change(0.0004)).toBe('0.0%');
    expect(change(0.25, true)).toBe('▲ +25.0%');
    expect(change(-0.25, true)).toBe('▼ −25.0%');
    expect(change(0, true)).toBe('0.0%');
  });

  it('writes a difference in the unit: percentage points, days, amounts grouped', () => {
    expect(difference('ratio', 0.071)).toBe('+7.1');
    expect(difference('days', -10.36)).toBe('−10.4');
    expect(difference('amount', 1520)).toBe('+1,520');
    expect(difference('amount', -1520)).toBe('−1,520');
    expect(difference('amount', 12.5)).toBe('+12.50');
    expect(difference('amount', 0)).toBe('0');
  });

  it('writes the interval of a difference with the unit of its language', () => {
    expect(interval('ratio', [0.052, 0.334])).toBe('+5.2 … +33.4');
    expect(intervalWithUnit('ratio', [0.052, 0.334], 'en')).toBe('+5.2 … +33.4 pp');
    expect(intervalWithUnit('ratio', [0.052, 0.334], 'zh')).toBe('+5.2 … +33.4 pp');
    expect(intervalWithUnit('days', [-3, 1.2], 'en')).toBe('−3.0 … +1.2 d');
    expect(intervalWithUnit('days', [-3, 1.2], 'zh')).toBe('−3.0 … +1.2 天');
    expect(intervalWithUnit('days', [0, 0], 'en')).toBe('0.0 … 0.0 d');
    expect(intervalWithUnit('amount', [1200, 3400], 'zh')).toBe('+1,200 … +3,400');
  });
});

describe('p-values', () => {
  it('writes a cell with three decimals, "<0.001" below that', () => {
    expect(pValue(0.0004)).toBe('<0.001');
    expect(pValue(0)).toBe('<0.001');
    expect(pValue(0.001)).toBe('0.001');
    expect(pValue(0.00805)).toBe('0.008');
    expect(pValue(0.42)).toBe('0.420');
    expect(pValue(1)).toBe('1.000');
  });

  it('writes a phrase for a sentence', () => {
    expect(pPhrase(0.0004)).toBe('p < 0.001');
    expect(pPhrase(0.00805)).toBe('p = 0.008');
    expect(pPhrase(0.42)).toBe('p = 0.420');
  });
});

describe('durations in seconds, timestamps, file sizes', () => {
  it('writes seconds in the largest fitting unit with one decimal, whole seconds without ".0"', () => {
    expect(seconds(45)).toBe('45s');
    expect(seconds(5.5)).toBe('5.5s');
    expect(seconds(0)).toBe('0s');
    expect(seconds(750)).toBe('12.5m');
    expect(seconds(10800)).toBe('3.0h');
    expect(seconds(14760)).toBe('4.1h');
    expect(seconds(2125440)).toBe('24.6d');
    expect(seconds(45, 'zh')).toBe('45秒');
    expect(seconds(750, 'zh')).toBe('12.5分');
    expect(seconds(10800, 'zh')).toBe('3.0小时');
    expect(seconds(276480, 'zh')).toBe('3.2天');
  });

  it('writes a naive timestamp as written, midnight as the date, never shifted', () => {
    expect(timestamp('2025-12-30T16:00:00')).toBe('2025-12-30 16:00');
    expect(timestamp('2025-12-30 16:05:59')).toBe('2025-12-30 16:05');
    expect(timestamp('2025-12-30 00:00:00')).toBe('2025-12-30');
    expect(timestamp('2025-12-30')).toBe('2025-12-30');
    expect(timestamp('soon')).toBe('soon');
  });

  it('writes a file size in B, KB or MB', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(812)).toBe('812 B');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(14540)).toBe('14.2 KB');
    expect(fileSize(3565158)).toBe('3.4 MB');
  });
});

describe('notebook values', () => {
  it('writes a number in its author\'s format, or by what it is', () => {
    expect(notebookNumber(1234567, undefined)).toBe('1,234,567');
    expect(notebookNumber(0.21757, undefined)).toBe('0.218');
    expect(notebookNumber(38.594, undefined)).toBe('38.6');
    expect(notebookNumber(0.21757, 'percent')).toBe('21.8%');
    expect(notebookNumber(38.594, 'days')).toBe('38.6 d');
    expect(notebookNumber(38.594, 'days', 'zh')).toBe('38.6 天');
    expect(notebookNumber(1234.56, 'number')).toBe('1,234.6');
    expect(notebookNumber(1234.4, 'int')).toBe('1,234');
    expect(notebookNumber(null, 'int')).toBe('—');
  });

  it('keeps NaN and infinity as the data has them', () => {
    expect(notebookNumber(Number.NaN, undefined)).toBe('NaN');
    expect(notebookNumber(Number.NEGATIVE_INFINITY, 'number')).toBe('-Infinity');
  });
});
