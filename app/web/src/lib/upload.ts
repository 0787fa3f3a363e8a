import { importFile } from './api.ts';
import type { ImportOutcome } from './types.ts';

/**
 * Uploads files one after another (each import is all-or-nothing on the server), reporting
 * `onProgress(index, file)` before each; a failed file does not stop the others.
 */
export async function uploadAll(
  files: File[],
  onProgress: (index: number, file: File) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index, file);
    try {
      const report = await importFile(file);
      outcomes.push({ name: file.name, files: report.files ?? [] });
    } catch (err) {
      outcomes.push({ name: file.name, files: [], error: err instanceof Error ? err.message : String(err) });
    }
  }
  return outcomes;
}
