import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../models/db/database.ts';
import { booleanSql, dateSql, detectDateFormat, detectNumberFormat, numberSql, type DateFormat } from '../../ingest/formats.ts';
import { openWorkspace } from '../../app/workspace.ts';

let db: Database;
beforeAll(async () => { db = await openWorkspace(':memory:'); });
afterAll(() => db.close());

async function parseDate(text: string, format: DateFormat): Promise<string | null> {
  const [row] = await db.query<{ v: string | null }>(`SELECT strftime(${dateSql('$1::VARCHAR', format)}, '%Y-%m-%d %H:%M:%S') AS v`, [text]);
  return row.v;
}

async function parseNumber(text: string, format: 'decimal-point' | 'decimal-comma'): Promise<number | null> {
  const [row] = await db.query<{ v: number | null }>(`SELECT ${numberSql('$1::VARCHAR', format)} AS v`, [text]);
  return row.v;
}

describe('date formats', () => {
  it.each([
    ['2025-03-07', 'iso', '2025-03-07 00:00:00'],
    ['2025-03-07 14:05', 'iso', '2025-03-07 14:05:00'],
    ['2025-03-07T14:05:00+08:00', 'iso', '2025-03-07 06:05:00'],
    ['2025-03-07T14:05:00Z', 'iso', '2025-03-07 14:05:00'],
    ['2020-12-30 3:15:52', 'iso', '2020-12-30 03:15:52'],
    ['3/7/2025', 'M/D/Y', '2025-03-07 00:00:00'],
    ['3/7/2025 2:05 PM', 'M/D/Y', '2025-03-07 14:05:00'],
    ['12/31/2024 11:59:59 PM', 'M/D/Y', '2024-12-31 23:59:59'],
    ['2/26/2018 19:58', 'M/D/Y', '2018-02-26 19:58:00'],
    ['7/3/2025', 'D/M/Y', '2025-03-07 00:00:00'],
    ['07.03.2025', 'D.M.Y', '2025-03-07 00:00:00'],
    ['7.3.2025 14:05', 'D.M.Y', '2025-03-07 14:05:00'],
    ['2025/3/7 14:05', 'Y/M/D', '2025-03-07 14:05:00'],
    ['20250307', 'YYYYMMDD', '2025-03-07 00:00:00'],
    ['20250307140500', 'YYYYMMDDHHMMSS', '2025-03-07 14:05:00'],
    ['2025年3月7日', 'zh', '2025-03-07 00:00:00'],
    ['2025年3月7日 14:05', 'zh', '2025-03-07 14:05:00'],
    ['45723', 'excel-serial', '2025-03-07 00:00:00'],
    ['45723.5', 'excel-serial', '2025-03-07 12:00:00'],
    ['1741356300000', 'epoch-ms', '2025-03-07 14:05:00'],
  ] as const)('%s read as %s is %s', async (text, format, expected) => {
    expect(await parseDate(text, format)).toBe(expected);
  });

  it.each([['2025-02-30', 'iso'], ['13/45/2025', 'M/D/Y'], ['yesterday', 'iso'], ['2025年13月1日', 'zh']] as const)(
    'refuses %s as %s', async (text, format) => {
      expect(await parseDate(text, format)).toBeNull();
    });

  it('settles day/month order from a value above 12 and says why', () => {
    expect(detectDateFormat(['3/7/2025', '12/31/2024'])).toMatchObject({ format: 'M/D/Y', note: expect.stringMatching(/second/) });
    expect(detectDateFormat(['3/7/2025', '31/12/2024'])).toMatchObject({ format: 'D/M/Y', note: expect.stringMatching(/first/) });
    expect(detectDateFormat(['3/7/2025', '4/8/2025'])).toMatchObject({ format: 'M/D/Y', note: expect.stringMatching(/≤ 12/) });
    expect(detectDateFormat(['3/7/2025', '4/8/2025'], true)).toMatchObject({ format: 'D/M/Y' });
  });

  it('recognises the other shapes by their values', () => {
    expect(detectDateFormat(['2025-03-07', '2025-03-08 10:00'])?.format).toBe('iso');
    expect(detectDateFormat(['20250307', '20241231'])?.format).toBe('YYYYMMDD');
    expect(detectDateFormat(['2025年3月7日'])?.format).toBe('zh');
    expect(detectDateFormat(['07.03.2025'])?.format).toBe('D.M.Y');
    expect(detectDateFormat(['1741356300000'])?.format).toBe('epoch-ms');
    expect(detectDateFormat(['45723', '45724'])?.format).toBe('excel-serial');
    expect(detectDateFormat(['n/a'])).toBeNull();
  });
});

describe('number formats', () => {
  it.each([
    ['$1,234.50', 'decimal-point', 1234.5],
    ['¥1,234', 'decimal-point', 1234],
    ['USD 1,234', 'decimal-point', 1234],
    ['(1,234.00)', 'decimal-point', -1234],
    ['-12.5', 'decimal-point', -12.5],
    ['1e3', 'decimal-point', 1000],
    ['1.234,50', 'decimal-comma', 1234.5],
    ['1 234,50', 'decimal-comma', 1234.5],
    ['1 234,50 €', 'decimal-comma', 1234.5],
    ['12,5', 'decimal-comma', 12.5],
    ['1.234,56-', 'decimal-comma', -1234.56],
  ] as const)('%s (%s) is %d', async (text, format, expected) => {
    expect(await parseNumber(text, format)).toBeCloseTo(expected, 10);
  });

  it.each(['abc', '12abc34', '1,2,3x'])('refuses %s', async (text) => {
    expect(await parseNumber(text, 'decimal-point')).toBeNull();
  });

  it('detects the decimal comma from the values', () => {
    expect(detectNumberFormat(['1.234,50', '99,00']).format).toBe('decimal-comma');
    expect(detectNumberFormat(['1,234.50', '99.00']).format).toBe('decimal-point');
    expect(detectNumberFormat(['1234', '99']).format).toBe('decimal-point');
  });
});

describe('booleans', () => {
  it.each([['true', true], ['Yes', true], ['是', true], ['已转化', true], ['Closed Won', true], ['0', false], ['否', false], ['未转化', false], ['maybe', null]] as const)(
    '%s is %s', async (text, expected) => {
      const [row] = await db.query<{ v: boolean | null }>(`SELECT ${booleanSql('$1::VARCHAR')} AS v`, [text]);
      expect(row.v).toBe(expected);
    });
});
