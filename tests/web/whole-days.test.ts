import { describe, expect, it } from 'vitest';
import { wholeDays } from '../../app/web/src/lib/whole-days.ts';

describe('a days field', () => {
  it('takes a whole number of days within its range', () => {
    expect(wholeDays('90', 1)).toBe(90);
    expect(wholeDays(' 007 ', 0, 3650)).toBe(7);
    expect(wholeDays('3650', 0, 3650)).toBe(3650);
  });

  it('says null when emptied and nothing for what is not a whole number in range', () => {
    expect(wholeDays('', 1)).toBeNull();
    expect(wholeDays('0', 1)).toBeUndefined();
    expect(wholeDays('3651', 0, 3650)).toBeUndefined();
    expect(wholeDays('1.5', 0)).toBeUndefined();
    expect(wholeDays('-3', 0)).toBeUndefined();
  });
});
