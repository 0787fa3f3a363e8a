/**
 * Build stamps: which source files a build was made from, each with its size, modification time
 * and SHA-256, so that an edited, added or removed source makes the build stale. Shared by the
 * command line's build (cli-build.js) and the dashboard's (web-build.js). Plain JavaScript: it runs
 * before any TypeScript can.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sha256(path) {
  // Loaded only when a file must be read: `ltc` checks its build's stamp on every start.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The stamp of files (paths relative to root) as they are now. */
export function stampFiles(root, files) {
  const stamp = {};
  for (const file of files) {
    const { size, mtimeMs } = statSync(join(root, file));
    stamp[file] = { size, mtimeMs, sha256: sha256(join(root, file)) };
  }
  return stamp;
}

/** The files a stamp file records, or null when it is missing or unreadable. */
export function readStamp(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).files ?? null;
  } catch {
    return null;
  }
}

/**
 * True when every file of the stamp is as it was: the same size and either the same modification
 * time or the same content; and, when `files` is given, exactly those files.
 */
export function stampIsCurrent(root, stamp, files = Object.keys(stamp ?? {})) {
  if (!stamp) return false;
  if (files.length !== Object.keys(stamp).length) return false;
  for (const file of files) {
    const was = stamp[file];
    if (!was) return false;
    let now;
    try {
      now = statSync(join(root, file));
    } catch {
      return false;
    }
    if (now.size !== was.size) return false;
    if (now.mtimeMs !== was.mtimeMs && sha256(join(root, file)) !== was.sha256) return false;
  }
  return true;
}
