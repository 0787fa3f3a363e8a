/**
 * Reject reasons and a refused file in Chinese, through the real `ltc`: one small CSV with a bad row
 * of each kind (a missing value, a value not in its format, a duplicate id, a record with a column
 * too many, a blank row) and a file whose table cannot be told. The import report gives reason_zh
 * and error_zh beside the English, `ltc rejects` gives reason_zh, and `--lang zh` prints them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../../ingest/import-files.ts';
import type { StoredReject } from '../../ingest/batches.ts';
import { ltc, ltcJson } from '../helpers/cli.ts';

describe('ltc ingest and ltc rejects say reasons in Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ltc-rejects-zh-'));
  const db = join(dir, 'ws.duckdb');
  const leads = join(dir, 'leads.csv');
  const mystery = join(dir, 'mystery.csv');
  writeFileSync(leads, [
    'lead_id,created_at,source',
    'L1,2025-01-02,Web',
    'L2,,Web', // line 3: no created_at
    'L3,2025-02-30,Web', // line 4: no such day
    ',,', // line 5: blank
    'L1,2025-01-05,Fair', // line 6: L1 again, other values
    'L4,2025-01-06,Web,extra', // line 7: a column too many
    '',
  ].join('\n'));
  writeFileSync(mystery, 'a,b\n1,2\n');

  let files: FileReport[];
  let stored: StoredReject[];
  beforeAll(() => {
    const run = ltc(['ingest', leads, mystery, '--db', db, '--json']);
    expect(run.code).toBe(1); // one file failed
    files = (JSON.parse(run.stdout) as { files: FileReport[] }).files;
    stored = ltcJson<{ rejects: StoredReject[] }>(['rejects', '--db', db]).rejects;
  });

  const reject = (line: number) => {
    const inReport = files[0].rejects.find((r) => r.line === line);
    const listed = stored.find((r) => r.line === line);
    expect(listed?.reason).toBe(inReport?.reason);
    return { report: inReport?.reason_zh, listed: listed?.reason_zh, en: inReport?.reason };
  };

  it('a missing required value', () => {
    expect(reject(3)).toEqual({ en: 'created_at is missing', report: '缺少 created_at', listed: '缺少 created_at' });
  });

  it('a value not in its column\'s format', () => {
    const zh = 'created_at:"2025-02-30" 不是形如 2025-03-07 或 2025-03-07 14:05 的 ISO 日期';
    expect(reject(4)).toEqual({ en: 'created_at: "2025-02-30" is not an ISO date like 2025-03-07 or 2025-03-07 14:05', report: zh, listed: zh });
  });

  it('a duplicate id', () => {
    const zh = '重复的 lead_id L1:本文件另有一行 id 相同但其他值不同';
    expect(reject(6)).toEqual({ en: 'duplicate lead_id L1: another row of this file has the same id with different values', report: zh, listed: zh });
  });

  it('a record DuckDB\'s reader cannot split: our words in Chinese, its message as it wrote it', () => {
    const zh = '列数过多:Expected Number of Columns: 3 Found: 4';
    expect(reject(7)).toEqual({ en: 'too many columns: Expected Number of Columns: 3 Found: 4', report: zh, listed: zh });
  });

  it('a blank row is skipped, its reason in both languages', () => {
    expect(files[0].skipped).toEqual([{ reason: 'blank_row', label: 'blank row', label_zh: '空行', rows: 1, first_line: 5 }]);
  });

  it('a file refused as a whole: error_zh beside error, the frame kept', () => {
    expect(files[1].error).toBe(`${mystery}:1: cannot tell which table this file holds from its header (a, b): each table needs its id and date columns, `
      + 'e.g. lead_id + created_at for leads, invoice_id + order_id + issued_at + amount for invoices (or name the table with ltc ingest --kind, or map the columns with --map)');
    expect(files[1].error_zh).toBe(`${mystery}:1: 无法从表头(a, b)判断此文件属于哪张表:每张表都需要其 id 列和日期列,`
      + '例如线索表需要 lead_id + created_at,发票表需要 invoice_id + order_id + issued_at + amount(或用 ltc ingest --kind 指定表,或用 --map 映射列)');
  });

  it('--lang zh prints the reasons in Chinese; without it they stay English', () => {
    const zh = ltc(['rejects', '--db', db, '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^批次\s+文件\s+行\s+列\s+原因$/m);
    expect(zh.stdout).toMatch(/\s3\s+created_at\s+缺少 created_at$/m);
    expect(zh.stdout).toMatch(/\s7\s+列数过多:Expected Number of Columns: 3 Found: 4$/m);
    expect(ltc(['rejects', '--db', db, '--batch', '9', '--lang', 'zh']).stdout).toBe('批次 9 中没有被拒绝的行\n');
    const en = ltc(['rejects', '--db', db]);
    expect(en.stdout).toMatch(/\s3\s+created_at\s+created_at is missing$/m);

    const again = ltc(['ingest', mystery, '--db', db, '--lang', 'zh']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`ltc ingest: ${mystery}:1: 无法从表头(a, b)判断此文件属于哪张表`);
  });
});
