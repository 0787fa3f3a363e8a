/**
 * The words of `ltc ingest`'s text report (app/cli/import-report.ts) around what the import found:
 * the table's headings, a failed or repeated file, the headings of the skipped rows, rejects and
 * notes of each file. `--lang zh` prints them in Chinese; file names, counts and commands are values.
 */
import type { Catalogue } from './catalogue.ts';

export const CLI_INGEST = {
  file: { en: 'file', zh: '文件' },
  read_as: { en: 'read as', zh: '识别为' },
  read: { en: 'read', zh: '读取' },
  new: { en: 'new', zh: '新增' },
  updated: { en: 'updated', zh: '更新' },
  unchanged: { en: 'unchanged', zh: '未变' },
  rejected: { en: 'rejected', zh: '拒绝' },
  skipped: { en: 'skipped', zh: '跳过' },
  note: { en: 'note', zh: '备注' },
  failed: { en: 'FAILED — nothing loaded', zh: '失败 —— 没有载入任何内容' },
  already_imported: { en: 'already imported (batch {batch})', zh: '已导入过(批次 {batch})' },
  skipped_of: { en: 'skipped rows of {file} (left out on purpose, not loaded):', zh: '{file} 中跳过的行(有意不载入):' },
  rows: { en: 'rows', zh: '行数' },
  reason: { en: 'reason', zh: '原因' },
  first_line: { en: 'first line', zh: '首行' },
  rejected_of: { en: 'rejected rows of {file}:', zh: '{file} 中被拒绝的行:' },
  line: { en: 'line', zh: '行' },
  column: { en: 'column', zh: '列' },
  more_in_batch: {
    en: '… and {more} more (all kept: ltc rejects --batch {batch}, or GET /api/rejects.csv?batch={batch})',
    zh: '…… 另有 {more} 行(全部保留:ltc rejects --batch {batch},或 GET /api/rejects.csv?batch={batch})',
  },
  more: {
    en: '… and {more} more (all kept: ltc rejects, or GET /api/rejects.csv)',
    zh: '…… 另有 {more} 行(全部保留:ltc rejects,或 GET /api/rejects.csv)',
  },
  notes_of: { en: 'notes on {file}:', zh: '{file} 的说明:' },
} as const satisfies Catalogue;
