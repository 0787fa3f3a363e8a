/** The text of `ltc ingest`: one row per file, then the rows skipped with their reasons and the first rejects of each file. */
import type { FileReport } from '../../ingest/import-files.ts';
import type { Lang } from '../../models/messages/catalogue.ts';
import { table } from './table.ts';
import { MISSING } from '../../models/messages/format.ts';

/** Rejects printed per file; the rest are in the rejects table (`ltc rejects --batch N`). */
export const REJECTS_SHOWN = 20;

/** The report as text; with `lang` zh the reasons (rejects, skipped rows, a failed file's error) are in Chinese. */
export function importReportText(files: readonly FileReport[], lang: Lang = 'en'): string {
  const out = [table(['file', 'read as', 'read', 'new', 'updated', 'unchanged', 'rejected', 'skipped', 'note'], files.map((f) => [
    f.path, f.preset ?? f.kind ?? MISSING, String(f.rows_read), String(f.rows_inserted), String(f.rows_updated),
    String(f.rows_unchanged), String(f.rows_rejected), String(f.rows_skipped), note(f),
  ]))];
  for (const f of files.filter((r) => r.skipped.length > 0)) {
    out.push(`\nskipped rows of ${f.path} (left out on purpose, not loaded):`);
    out.push(table(['rows', 'reason', 'first line'], f.skipped.map((s) => [String(s.rows), lang === 'zh' ? s.label_zh : s.label, s.first_line === null ? '' : String(s.first_line)])));
  }
  for (const f of files.filter((r) => r.rejects.length > 0)) {
    out.push(`\nrejected rows of ${f.path}:`);
    const shown = f.rejects.slice(0, REJECTS_SHOWN);
    out.push(table(['line', 'column', 'reason'], shown.map((r) => [String(r.line ?? '?'), r.column ?? '', lang === 'zh' ? r.reason_zh : r.reason])));
    const more = f.rows_rejected - shown.length;
    if (more > 0) {
      out.push(`… and ${more} more (all kept: ltc rejects${f.batch_id !== null ? ` --batch ${f.batch_id}` : ''}, or GET /api/rejects.csv${f.batch_id !== null ? `?batch=${f.batch_id}` : ''})`);
    }
  }
  return out.join('\n');
}

function note(f: FileReport): string {
  if (f.error) return 'FAILED — nothing loaded';
  if (f.already_imported_as) return `already imported (batch ${f.already_imported_as})`;
  return [f.encoding && f.encoding !== 'utf-8' ? f.encoding : '', ...Object.entries(f.formats ?? {}).map(([k, v]) => `${k}: ${v}`)]
    .filter(Boolean).join('; ');
}
