/**
 * How a file was read, said in English and in Chinese: the import report's `notes` (unchanged) and
 * `notes_zh` beside them, same order, same length, with column names as the file writes them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../app/workspace.ts';
import type { Database } from '../../models/db/database.ts';
import { importFiles } from '../../ingest/import-files.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

describe('import notes in English and in Chinese', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openWorkspace(':memory:');
  });
  afterAll(() => db.close());

  async function notesOf(path: string, name: string) {
    const { files } = await importFiles(db, [{ path: fixture(path), name }]);
    expect(files[0].error).toBeUndefined();
    return { en: files[0].notes, zh: files[0].notes_zh };
  }

  it('an Odoo sale.order export with order lines on continuation rows', async () => {
    expect(await notesOf('odoo/sale.order (1).csv', 'sale.order (1).csv')).toEqual({
      en: [
        'quotations and cancelled orders (state) are not orders and are not loaded',
        'order columns are carried down over the continuation rows of each order',
        'no order Total column: amount = sum of order_line/price_subtotal (untaxed)',
      ],
      zh: [
        '报价单和已取消的订单(state)不是订单,不载入',
        '订单各列的值沿用到该订单的续行',
        '没有订单 Total 列:amount = order_line/price_subtotal 之和(不含税)',
      ],
    });
  });

  it('a yudao 回款 export, whose 计划回款日期 is the date the money came in', async () => {
    expect(await notesOf('chinese-crm/yudao/回款.csv', '回款.csv')).toEqual({
      en: ['计划回款日期 of a yudao 回款 export is the date the money came in (yudao\'s label), read as paid_at'],
      zh: ['yudao 回款导出中的 计划回款日期 是款项到账的日期(yudao 的叫法),读作 paid_at'],
    });
  });

  it('an Odoo crm.lead export: leads and opportunities, won and lost', async () => {
    expect((await notesOf('odoo/crm.lead.csv', 'crm.lead.csv')).zh).toEqual([
      '每条 crm.lead 记录都是一条线索;类型为 Opportunity 的同时也是商机,按记录名称关联',
      '赢单 = 阶段为 Won(或概率为 100);输单 = 有输单原因或记录已归档',
    ]);
  });

  it('a refused file adds the notes to its reason in the reason\'s language', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ltc-import-notes-zh-')), '回款.csv');
    writeFileSync(path, '回款编号,回款金额,回款方式\nR1,100,转账\n');
    const { files } = await importFiles(db, [{ path, name: '回款.csv' }]);
    expect({ en: files[0].error, zh: files[0].error_zh }).toEqual({
      en: '回款.csv:1: the payments table needs paid_at, which the file does not have (a payment export needs a column for paid_at)',
      zh: '回款.csv:1: payments 表需要 paid_at,但文件中没有(payment 导出需要 paid_at 的列)',
    });
  });
});
