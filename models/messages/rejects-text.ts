/** The words of `ltc rejects` (app/cli/commands/ingest.ts) around the rejects themselves. */
import type { Catalogue } from './catalogue.ts';

export const REJECTS_TEXT = {
  batch: { en: 'batch', zh: '批次' },
  file: { en: 'file', zh: '文件' },
  line: { en: 'line', zh: '行' },
  column: { en: 'column', zh: '列' },
  reason: { en: 'reason', zh: '原因' },
  none: { en: 'no rejected rows', zh: '没有被拒绝的行' },
  none_in_batch: { en: 'no rejected rows in batch {batch}', zh: '批次 {batch} 中没有被拒绝的行' },
} as const satisfies Catalogue;
