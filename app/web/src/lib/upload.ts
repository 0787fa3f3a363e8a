import { errorIn, importFile, type UploadProgress } from './api.ts';
import { pageLang } from './page-lang.svelte.ts';
import type { ColumnMapping, ImportOutcome } from './types.ts';

/** A file to load, with the user's mapping when they corrected the detected one. */
export interface Upload {
  file: File;
  mapping?: ColumnMapping;
}

/**
 * Uploads files one after another (each import is all-or-nothing on the server), reporting
 * `onProgress(index, file)` before each and `onSent(bytes, total)` while one is sent; a failed file
 * does not stop the others. `signal` cancels: the file in flight and those after it are not sent
 * (their outcomes say so).
 */
export async function uploadAll(
  uploads: readonly Upload[],
  onProgress: (index: number, file: File) => void,
  options: { signal?: AbortSignal; onSent?: UploadProgress; cancelled?: string } = {},
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const cancelled = options.cancelled ?? 'cancelled';
  for (const [index, { file, mapping }] of uploads.entries()) {
    if (options.signal?.aborted) {
      outcomes.push({ name: file.name, files: [], error: cancelled });
      continue;
    }
    onProgress(index, file);
    try {
      const report = await importFile(file, mapping, options.signal, options.onSent);
      outcomes.push({ name: file.name, files: report.files ?? [] });
    } catch (err) {
      const aborted = err instanceof DOMException && err.name === 'AbortError';
      outcomes.push({ name: file.name, files: [], error: aborted ? cancelled : errorIn(err, pageLang.lang) });
    }
  }
  return outcomes;
}
