/**
 * The dashboard's build: vite builds app/web into a folder aside, which then replaces dist/web
 * whole (a server starting meanwhile serves the old build or the new one). Beside it,
 * dist/web-stamp.json (outside the served folder) records every file the build read — the modules
 * of vite's graph outside node_modules, the config, the lock file for the dependencies' versions —
 * so that `--if-stale` (what `npm start` runs) builds only when one of them changed, was removed or
 * is new to the graph. `node app/build/web-build.js` builds (`npm run build` does).
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStamp, stampFiles, stampIsCurrent } from './stamp.js';

export const WEB_DIR = join('dist', 'web');
const STAMP = join('dist', 'web-stamp.json');
const ALWAYS = ['vite.config.ts', 'package-lock.json', 'app/build/web-build.js', 'app/build/stamp.js'];

/** True when dist/web is the build of the files its stamp records, as they are now. */
export function dashboardIsCurrent(root) {
  return existsSync(join(root, WEB_DIR, 'index.html')) && stampIsCurrent(root, readStamp(join(root, STAMP)));
}

export async function buildDashboard(root) {
  const { build } = await import('vite');
  const read = new Set();
  const started = Date.now();
  const aside = join(root, 'dist', `.web-build-${process.pid}`);
  try {
    await build({
      configFile: join(root, 'vite.config.ts'),
      build: { outDir: aside, emptyOutDir: true },
      plugins: [{
        name: 'ltc-build-stamp',
        buildEnd() {
          for (const id of this.getModuleIds()) {
            const path = id.split('?')[0];
            if (path.startsWith(root) && !path.includes(`${sep}node_modules${sep}`) && existsSync(path)) read.add(relative(root, path).split(sep).join('/'));
          }
        },
      }],
    });
    const files = [...new Set([...read, ...ALWAYS.filter((f) => existsSync(join(root, f)))])].sort();
    const stamp = stampFiles(root, files);
    // A file edited while vite ran may be in the build as it was before: recorded as stale.
    for (const file of files) if (stamp[file].mtimeMs >= started) stamp[file] = { ...stamp[file], mtimeMs: -1, sha256: 'edited during the build' };
    const out = join(root, WEB_DIR);
    const old = join(root, 'dist', `.web-old-${process.pid}`);
    if (existsSync(out)) renameSync(out, old);
    renameSync(aside, out);
    rmSync(old, { recursive: true, force: true });
    writeFileSync(join(root, STAMP), JSON.stringify({ files: stamp }, null, 1) + '\n');
  } finally {
    rmSync(aside, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (process.argv.includes('--if-stale') && dashboardIsCurrent(root)) process.exit(0);
  await buildDashboard(root);
}
