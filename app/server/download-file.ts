/**
 * A file written for one download (an export, a report, a notebook): private to this user — a
 * folder of its own (0700, mkdtemp) holding one file created 0600 — and removed with its folder
 * once sent, or when writing or sending it fails.
 */
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DownloadFile {
  /** an empty file, 0600, for the writer to fill */
  readonly path: string;
  /** removes the file and its folder; safe to call more than once */
  dispose(): void;
}

/** A new private download file, `name` in a folder `ltc-<prefix>-XXXXXX` of the temporary folder. */
export function downloadFile(prefix: string, name = 'download'): DownloadFile {
  const dir = mkdtempSync(join(tmpdir(), `ltc-${prefix}-`));
  const path = join(dir, name);
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    // Created here, private, before any writer opens it (a writer's own mode would follow the umask).
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    dispose();
    throw error;
  }
  return { path, dispose };
}

/** Runs `write` on a fresh download file; on failure the file is removed and the error passed on. */
export async function writtenDownload<T>(prefix: string, write: (path: string) => Promise<T> | T): Promise<{ file: DownloadFile; result: T }> {
  const file = downloadFile(prefix);
  try {
    return { file, result: await write(file.path) };
  } catch (error) {
    file.dispose();
    throw error;
  }
}
