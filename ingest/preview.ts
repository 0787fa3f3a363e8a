/**
 * What an import would do, without doing it: the file's encoding, dialect, header, first rows and
 * the adapter's reading (tables and column mappings), or why it cannot be read. The Import page
 * shows it so the user can correct the mapping before loading.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../models/db/database.ts';
import { expandArchive } from './archive.ts';
import { stageFile } from './stage.ts';
import { fileErrorFields } from './errors.ts';
import { readAs, readSource, type FileOptions } from './import-file.ts';
import { skipped, type SkippedRows } from './skip-reasons.ts';
import { noteFields } from '../models/messages/import-notes.ts';

export interface Preview {
  readonly path: string;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly header_line?: number;
  readonly headers?: readonly string[];
  readonly rows?: readonly Readonly<Record<string, string | null>>[];
  readonly adapter?: string;
  readonly preset?: string;
  readonly confidence?: number;
  readonly targets?: readonly { kind: string; fields: Record<string, string> }[];
  /** rows that will be left out on purpose, known before loading: a report footer, blank rows */
  readonly skipped?: readonly SkippedRows[];
  /** why an entry is not read (a hidden sheet of a workbook …), in English and in Chinese */
  readonly notes?: readonly string[];
  readonly notes_zh?: readonly string[];
  /** why the file cannot be read as it is, in English and in Chinese */
  readonly error?: string;
  readonly error_zh?: string;
}

const PREVIEW_ROWS = 20;

export async function previewFile(db: Database, path: string, name: string, options: FileOptions = {}): Promise<Preview[]> {
  const tmp = mkdtempSync(join(db.scratch, 'preview-'));
  try {
    const entries = await expandArchive(stageFile(path, tmp, 0), name, tmp);
    const previews: Preview[] = [];
    for (const entry of entries) {
      if (entry.skipped) {
        previews.push({ path: entry.name, ...noteFields([entry.skipped]) });
        continue;
      }
      try {
        // Only temp tables are written; the transaction keeps other requests' scratch tables apart.
        const source = await db.transaction(() => readSource(db, entry.path, entry.name, tmp, options, entry.sheetRows));
        const base = {
          path: entry.name, encoding: source.encoding, delimiter: source.delimiter, header_line: source.headerLine + 1,
          headers: source.file.headers, rows: source.file.sample.slice(0, PREVIEW_ROWS),
          ...(source.footer || source.blank ? {
            skipped: [
              ...(source.blank ? [skipped('blank_row', source.blank.rows, null)] : []),
              ...(source.footer?.rows ?? []).map((f) => skipped(f.reason, f.rows, f.first_line)),
            ],
          } : {}),
        };
        try {
          const match = await readAs(source.file, options);
          previews.push({
            ...base, adapter: match.adapter, preset: match.preset, confidence: Math.round(match.confidence * 100) / 100,
            targets: match.targets.map((t) => ({
              kind: t.kind,
              fields: Object.fromEntries(Object.entries(t.fields).map(([f, s]) => [f, typeof s === 'string' ? s : s.label ?? 'expression'])),
            })),
          });
        } catch (error) {
          previews.push({ ...base, ...fileErrorFields(entry.name, error) });
        }
      } catch (error) {
        previews.push({ path: entry.name, ...fileErrorFields(entry.name, error) });
      }
    }
    return previews;
  } catch (error) {
    return [{ path: name, ...fileErrorFields(name, error) }];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
