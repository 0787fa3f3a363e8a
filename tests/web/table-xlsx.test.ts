import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { isoDate, plainNumber, sheetName, xlsxBlob, xlsxCell } from '../../app/web/src/lib/table-xlsx.ts';

/** A transitions table as the page gives it: Chinese and English header, exact numbers, dates, gaps. */
const ROWS = [
  ['转换 Transition', '完成 Completed', '中位天数 Median days', '开始 Started', '最后事件 Last event', '备注 Note'],
  ['线索 → 商机', '1234', '12.5', '2025-01-31', '2025-02-03 09:30', '=1+1'],
  ['Order → Invoice', '-3', '41.833333333333336', '2024-02-29', '2025-02-03 23:59:58', '+cmd'],
  ['Invoice → Payment', '', '1e-3', '', '', '@SUM(A1)'],
  ['编号 007', '007', '3,985', '32.0%', '−4', '2025-02-30'],
];

async function readBack(rows: string[][], options: { name: string; headerRows?: number }) {
  const blob = await xlsxBlob(rows, options);
  expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('table as Excel: cell types', () => {
  it('reads plain numbers as numbers, and nothing else', () => {
    expect([plainNumber('1234'), plainNumber('-3'), plainNumber('+7.1'), plainNumber('1e-3'), plainNumber('0'), plainNumber('0.25')])
      .toEqual([1234, -3, 7.1, 0.001, 0, 0.25]);
    // Formatted for reading, written with leading zeros, too long to be exact, or a formula: text.
    for (const text of ['3,985', '32.0%', '−4', '12 d', '007', '-0012', '12345678901234567', '-2+3', '=1+1', '', ' 12', 'NaN', 'Infinity'])
      expect(plainNumber(text), text).toBeUndefined();
    expect(plainNumber('123456789012345')).toBe(123456789012345);
    // A double's shortest text, as the API's numbers arrive, reads back as that double.
    expect(plainNumber(String(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(plainNumber('41.833333333333336')).toBe(41.833333333333336);
  });

  it('reads ISO dates and date-times as the wall-clock date, and rejects days that do not exist', () => {
    expect(isoDate('2025-01-31')).toEqual({ value: new Date(Date.UTC(2025, 0, 31)), format: 'yyyy-mm-dd' });
    expect(isoDate('2025-02-03 09:30')).toEqual({ value: new Date(Date.UTC(2025, 1, 3, 9, 30)), format: 'yyyy-mm-dd hh:mm' });
    expect(isoDate('2025-02-03T23:59:58')).toEqual({ value: new Date(Date.UTC(2025, 1, 3, 23, 59, 58)), format: 'yyyy-mm-dd hh:mm:ss' });
    for (const text of ['2025-02-30', '2023-02-29', '2025-13-01', '2025-01-31 24:00', '2025-01', '2025-01-31Z', '2025-01-31T09:30:00+08:00', '1899-12-31'])
      expect(isoDate(text), text).toBeUndefined();
  });

  it('types a cell: number, date, text, or empty', () => {
    expect(xlsxCell('')).toBeNull();
    expect(xlsxCell('-3')).toEqual({ type: Number, value: -3 });
    expect(xlsxCell('2024-02-29')).toEqual({ type: Date, value: new Date(Date.UTC(2024, 1, 29)), format: 'yyyy-mm-dd' });
    expect(xlsxCell('=1+1')).toEqual({ type: String, value: '=1+1' });
  });

  it('names the sheet within Excel\'s rules', () => {
    expect(sheetName('quality-orders/missing [x]')).toBe('quality-orders-missing -x-');
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
  });
});

describe('table as Excel: the workbook read back by exceljs', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  // The dates must not move a day whichever side of UTC the writer and reader run on.
  for (const tz of ['America/Los_Angeles', 'Asia/Shanghai']) {
    it(`writes the header bold as shown, numbers, dates and text typed (TZ ${tz})`, async () => {
      process.env.TZ = tz;
      const workbook = await readBack(ROWS, { name: 'transitions', headerRows: 1 });
      const sheet = workbook.getWorksheet('transitions')!;
      expect(sheet).toBeDefined();
      expect(sheet.rowCount).toBe(ROWS.length);

      const header = sheet.getRow(1);
      expect(ROWS[0].map((_, c) => header.getCell(c + 1).value)).toEqual(ROWS[0]);
      expect(ROWS[0].map((_, c) => header.getCell(c + 1).font?.bold)).toEqual(ROWS[0].map(() => true));
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

      const cell = (address: string) => sheet.getCell(address);
      const { Number: NUMBER, String: STRING, Date: DATE, Null: NULL } = ExcelJS.ValueType;
      expect([cell('A2').type, cell('A2').value]).toEqual([STRING, '线索 → 商机']);
      expect([cell('B2').type, cell('B2').value]).toEqual([NUMBER, 1234]);
      expect([cell('C2').type, cell('C2').value]).toEqual([NUMBER, 12.5]);
      expect([cell('B3').type, cell('B3').value]).toEqual([NUMBER, -3]);
      expect([cell('C3').type, cell('C3').value]).toEqual([NUMBER, 41.833333333333336]);
      expect([cell('C4').type, cell('C4').value]).toEqual([NUMBER, 0.001]);

      expect([cell('D2').type, cell('D2').value, cell('D2').numFmt]).toEqual([DATE, new Date('2025-01-31T00:00:00Z'), 'yyyy-mm-dd']);
      expect([cell('D3').type, cell('D3').value]).toEqual([DATE, new Date('2024-02-29T00:00:00Z')]);
      expect([cell('E2').type, cell('E2').value, cell('E2').numFmt]).toEqual([DATE, new Date('2025-02-03T09:30:00Z'), 'yyyy-mm-dd hh:mm']);
      expect([cell('E3').type, cell('E3').numFmt]).toEqual([DATE, 'yyyy-mm-dd hh:mm:ss']);
      expect((cell('E3').value as Date).getTime()).toBeCloseTo(Date.UTC(2025, 1, 3, 23, 59, 58), -2);

      // Formula-looking text is text: no cell of the sheet holds a formula.
      for (const [address, text] of [['F2', '=1+1'], ['F3', '+cmd'], ['F4', '@SUM(A1)']]) {
        expect([cell(address).type, cell(address).value], address).toEqual([STRING, text]);
        expect(cell(address).formula, address).toBeUndefined();
      }
      // Formatted numbers, a leading-zero id, the page's minus sign, a day that does not exist: text as shown.
      expect(['B5', 'C5', 'D5', 'E5', 'F5'].map((a) => [cell(a).type, cell(a).value]))
        .toEqual([[STRING, '007'], [STRING, '3,985'], [STRING, '32.0%'], [STRING, '−4'], [STRING, '2025-02-30']]);
      // Empty cells are empty, not empty strings.
      expect(['B4', 'D4', 'E4'].map((a) => cell(a).type)).toEqual([NULL, NULL, NULL]);
    });
  }

  it('makes columns about as wide as their longest cell, a Chinese character counting two', async () => {
    const workbook = await readBack([['名称', 'n'], ['一个很长的中文名称', '1'], ['x'.repeat(80), '2']], { name: 'widths' });
    const sheet = workbook.worksheets[0];
    expect(sheet.getColumn(1).width).toBe(50);
    expect(sheet.getColumn(2).width).toBe(8);
    const chinese = await readBack([['名称'], ['一个很长的中文名称']], { name: 'zh' });
    expect(chinese.worksheets[0].getColumn(1).width).toBe(20);
  });

  it('writes a table without a header row all typed, and nothing frozen', async () => {
    const workbook = await readBack([['Leads', '42'], ['Won', '7']], { name: 'headless', headerRows: 0 });
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('B1').value).toBe(42);
    expect(sheet.getCell('A1').font?.bold).toBeFalsy();
    expect(sheet.views?.[0]?.state).not.toBe('frozen');
  });
});
