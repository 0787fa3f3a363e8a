/**
 * `ltc ingest --lang zh` prints its whole text report in Chinese: the headings of the table, a
 * failed file, the skipped rows, the rejects and the notes on how each file was read. File names,
 * column names and counts stay as they are; without --lang the report stays English.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ltc, type CliResult } from '../helpers/cli.ts';

describe('ltc ingest --lang zh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-ingest-zh-'));
  const orders = join(dir, 'sale.order (1).csv');
  const mystery = join(dir, 'mystery.csv');
  copyFileSync(fileURLToPath(new URL('../fixtures/odoo/sale.order (1).csv', import.meta.url)), orders);
  writeFileSync(mystery, 'a,b\n1,2\n');

  let zh: CliResult, en: CliResult;
  beforeAll(() => {
    zh = ltc(['ingest', orders, mystery, '--db', join(dir, 'zh.duckdb'), '--lang', 'zh']);
    en = ltc(['ingest', orders, mystery, '--db', join(dir, 'en.duckdb')]);
  });

  it('says the headings and a failed file in Chinese', () => {
    expect(zh.code).toBe(1); // mystery.csv failed
    expect(zh.stdout.split('\n')[0]).toMatch(/^文件\s+识别为\s+读取\s+新增\s+更新\s+未变\s+拒绝\s+跳过\s+备注$/);
    expect(zh.stdout).toMatch(/mystery\.csv\s+—(\s+0){6}\s+失败 —— 没有载入任何内容$/m);
    expect(zh.stdout).toContain(`${orders} 中跳过的行(有意不载入):\n行数  原因`);
    expect(zh.stdout).toMatch(/^\s+1\s+草稿、报价单或已取消的单据\s+5$/m);
    expect(zh.stdout).toContain(`${orders} 中被拒绝的行:\n行  列`);
    expect(zh.stdout).not.toMatch(/skipped rows|rejected rows|FAILED|notes on/);
  });

  it('says the notes on how the file was read in Chinese, column names as the file has them', () => {
    expect(zh.stdout.split(`${orders} 的说明:\n`)[1]).toBe([
      '  - 报价单和已取消的订单(state)不是订单,不载入',
      '  - 订单各列的值沿用到该订单的续行',
      '  - 没有订单 Total 列:amount = order_line/price_subtotal 之和(不含税)',
      '',
    ].join('\n'));
  });

  it('keeps the English report without --lang, now with the notes too', () => {
    expect(en.stdout.split('\n')[0]).toMatch(/^file\s+read as\s+read\s+new\s+updated\s+unchanged\s+rejected\s+skipped\s+note$/);
    expect(en.stdout).toMatch(/mystery\.csv\s+—(\s+0){6}\s+FAILED — nothing loaded$/m);
    expect(en.stdout).toContain(`notes on ${orders}:\n  - quotations and cancelled orders (state) are not orders and are not loaded\n`);
  });
});
