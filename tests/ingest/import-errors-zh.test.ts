/**
 * A file refused as a whole says why in English and in Chinese: the report's `error` (unchanged)
 * and `error_zh`, each with the frame `file:line column "X": reason`; a reader's own detail (a JSON
 * parser's) is kept as it wrote it. No ImportError in ingest/ is written from English text alone.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../app/workspace.ts';
import type { Database } from '../../models/db/database.ts';
import { errorText, SaidError } from '../../models/messages/catalogue.ts';
import { importReason } from '../../models/messages/import-errors.ts';
import { ImportError } from '../../ingest/errors.ts';
import { importFiles, type ImportOptions } from '../../ingest/import-files.ts';

describe('a refused file in English and in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-import-errors-zh-'));
  let db: Database;
  beforeAll(async () => {
    db = await openWorkspace(':memory:');
  });
  afterAll(() => db.close());

  async function refusal(name: string, text: string, options: ImportOptions = {}) {
    writeFileSync(join(dir, name), text);
    const { files } = await importFiles(db, [{ path: join(dir, name), name }], options);
    return { en: files[0].error, zh: files[0].error_zh };
  }

  it('an empty file, a file named as a workbook that is none', async () => {
    expect(await refusal('empty.csv', '')).toEqual({ en: 'empty.csv: the file is empty', zh: 'empty.csv: 文件为空' });
    expect(await refusal('sheet.xlsx', 'PK')).toEqual({
      en: 'sheet.xlsx: named as an Excel workbook but it is not one (no xl/workbook.xml in it): save it again in Excel as .xlsx, or export CSV',
      zh: 'sheet.xlsx: 文件名是 Excel 工作簿,内容却不是(其中没有 xl/workbook.xml):请在 Excel 中重新另存为 .xlsx,或导出为 CSV',
    });
  });

  it('a file without the fields of the table named, by its line', async () => {
    expect(await refusal('orders.csv', 'a,b\n1,2\n', { kind: 'orders' })).toEqual({
      en: 'orders.csv:1: the orders table needs order_id, created_at, which the file does not have',
      zh: 'orders.csv:1: orders 表需要 order_id, created_at,但文件中没有',
    });
  });

  it('slash dates read both ways, by their column: the readings in the words of each language', async () => {
    const { en, zh } = await refusal('dates.csv', 'lead_id,created_at\nL1,3/15/2025\nL2,15/3/2025\nL3,4/5/2025\n');
    expect(en).toMatch(/^dates\.csv column "created_at": dates are written both month first and day first — line 2 "3\/15\/2025" reads only as March 15, 2025, /);
    expect(en).toContain('line 4 "4/5/2025" reads as April 5, 2025 or as 4 May 2025 and no other date of its row says which. Nothing was loaded.');
    expect(zh).toMatch(/^dates\.csv 列 "created_at": 日期既有月在前、也有日在前的写法 —— 第 2 行 "3\/15\/2025" 只能读作 2025年3月15日,/);
    expect(zh).toContain('第 4 行 "4/5/2025" 既可读作 2025年4月5日 也可读作 2025年5月4日,而该行没有其他日期能说明是哪一种。没有载入任何内容。');
    expect(zh).toContain('{"kind":"leads","date_format":{"created_at":"M/D/Y"}}');
  });

  it('XES and OCEL logs: the XML\'s words translated, the JSON parser\'s detail as it wrote it', async () => {
    expect(await refusal('nolog.xes', '<?xml version="1.0"?>\n<foo></foo>\n')).toEqual({
      en: 'nolog.xes:1: not an XES log: no <log> element', zh: 'nolog.xes:1: 不是 XES 日志:没有 <log> 元素',
    });
    expect(await refusal('close.xes', '<?xml version="1.0"?>\n<log>\n<trace>\n</log>\n')).toEqual({
      en: 'close.xes:4: </log> closes <trace>', zh: 'close.xes:4: </log> 关闭的却是 <trace>',
    });
    const json = await refusal('x.jsonocel', '{');
    const detail = /^x\.jsonocel: not valid JSON: (.+)$/.exec(json.en ?? '')?.[1];
    expect(detail).toBeTruthy();
    expect(json.zh).toBe(`x.jsonocel: 不是有效的 JSON:${detail}`);
  });

  it('an ImportError is a SaidError: file, reason, line and column kept, its texts framed in each language', () => {
    const error = new ImportError('f.csv', importReason('empty_file'), 3, 'Betrag');
    expect(error).toBeInstanceOf(SaidError);
    expect(error).toMatchObject({ file: 'f.csv', reason: 'the file is empty', line: 3, column: 'Betrag', name: 'ImportError' });
    expect(error.message).toBe('f.csv:3 column "Betrag": the file is empty');
    expect(errorText(error, 'zh')).toBe('f.csv:3 列 "Betrag": 文件为空');
  });

  it('no ImportError in ingest/ is written from a bare string', () => {
    const root = new URL('../../ingest/', import.meta.url);
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const bare = sources.flatMap((f) => [...readFileSync(new URL(f, root), 'utf8').matchAll(/new ImportError\([^,]+,\s*[`'"]/g)].map(() => f));
    expect(sources.length).toBeGreaterThan(20);
    expect(bare).toEqual([]);
  });
});
