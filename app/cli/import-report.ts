/** The text of `ltc ingest`: one row per file, then the rows skipped with their reasons and the first rejects of each file. */
import type { FileReport } from '../../ingest/import-files.ts';
import { say, type Lang, type MessageValues } from '../../models/messages/catalogue.ts';
import { CLI_INGEST } from '../../models/messages/cli-ingest.ts';
import { table } from './table.ts';
import { MISSING } from '../../models/messages/format.ts';

/** Rejects printed per file; the rest are in the rejects table (`ltc rejects --batch N`). */
export const REJECTS_SHOWN = 20;

type Words = (id: keyof typeof CLI_INGEST, values?: MessageValues) => string;

/** The report as text; with `lang` zh in Chinese: its headings, the reasons (rejects, skipped rows, a failed file's error) and the notes. */
export function importReportText(files: readonly FileReport[], lang: Lang = 'en'): string {
  const words: Words = (id, values) => say(CLI_INGEST, id, lang, values);
  const headings = (['file', 'read_as', 'read', 'new', 'updated', 'unchanged', 'rejected', 'skipped', 'note'] as const).map((id) => words(id));
  const out = [table(headings, files.map((f) => [
    f.path, f.preset ?? f.kind ?? MISSING, String(f.rows_read), String(f.rows_inserted), String(f.rows_updated),
    String(f.rows_unchanged), String(f.rows_rejected), String(f.rows_skipped), note(f, words),
  ]))];
  for (const f of files.filter((r) => r.skipped.length > 0)) {
    out.push(`\n${words('skipped_of', { file: f.path })}`);
    out.push(table([words('rows'), words('reason'), words('first_line')], f.skipped.map((s) => [String(s.rows), lang === 'zh' ? s.label_zh : s.label, s.first_line === null ? '' : String(s.first_line)])));
  }
  for (const f of files.filter((r) => r.rejects.length > 0)) {
    out.push(`\n${words('rejected_of', { file: f.path })}`);
    const shown = f.rejects.slice(0, REJECTS_SHOWN);
    out.push(table([words('line'), words('column'), words('reason')], shown.map((r) => [String(r.line ?? '?'), r.column ?? '', lang === 'zh' ? r.reason_zh : r.reason])));
    const more = f.rows_rejected - shown.length;
    if (more > 0) {
      out.push(f.batch_id !== null ? words('more_in_batch', { more: String(more), batch: String(f.batch_id) }) : words('more', { more: String(more) }));
    }
  }
  for (const f of files.filter((r) => (r.notes?.length ?? 0) > 0)) {
    out.push(`\n${words('notes_of', { file: f.path })}`);
    for (const text of (lang === 'zh' ? f.notes_zh : undefined) ?? f.notes ?? []) out.push(`  - ${text}`);
  }
  return out.join('\n');
}

function note(f: FileReport, words: Words): string {
  if (f.error) return words('failed');
  if (f.already_imported_as) return words('already_imported', { batch: String(f.already_imported_as) });
  return [f.encoding && f.encoding !== 'utf-8' ? f.encoding : '', ...Object.entries(f.formats ?? {}).map(([k, v]) => `${k}: ${v}`)]
    .filter(Boolean).join('; ');
}
