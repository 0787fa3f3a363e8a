import { importFile } from './api.ts';
import type { ColumnMapping, ImportOutcome } from './types.ts';

/** A file to load, with the user's mapping when they corrected the detected one. */
export interface Upload {
  file: File;
  mapping?: ColumnMapping;
}

/**
 * Uploads files one after another (each import is all-or-nothing on the server), reporting
 * `onProgress(index, file)` before each; a failed file does not stop the others.
 */
export async function uploadAll(
  uploads: readonly Upload[],
  onProgress: (index: number, file: File) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [index, { file, mapping }] of uploads.entries()) {
    onProgress(index, file);
    try {
      const report = await importFile(file, mapping);
      outcomes.push({ name: file.name, files: report.files ?? [] });
    } catch (err) {
      outcomes.push({ name: file.name, files: [], error: err instanceof Error ? err.message : String(err) });
    }
  }
  return outcomes;
}
