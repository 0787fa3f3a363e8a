/**
 * The Chromium the browser tests drive: `$CHROMIUM_PATH`, else Debian's package. Kept apart from
 * browser.ts so that the summary reporter can tell why browser suites were left out without loading
 * playwright, vite and the server.
 */
import { existsSync } from 'node:fs';

/** Where Chromium is looked for, in order. */
export const CHROMIUM_CANDIDATES: readonly string[] = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((p): p is string => Boolean(p));

/** The first candidate that exists; undefined when there is none (the browser suites are then left out). */
export const CHROMIUM: string | undefined = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
