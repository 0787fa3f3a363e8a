/**
 * vitest globalSetup: the compiled command line (dist/cli) built once before the suite when it is
 * missing or stale (`npm test` has built it already in `npm run check`), so that every `ltc` the
 * tests spawn runs JavaScript instead of transpiling the sources on each start.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const built = spawnSync(process.execPath, ['app/build/cli-build.js', '--if-stale'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the command line (node app/build/cli-build.js) failed:\n${built.stderr}${built.stdout}`);
}
