/**
 * The compiled command line: app/cli and everything it imports (app/server, app/render, app/style,
 * app/workspace.ts, models/, ingest/) compiled by tsc into dist/cli/, a tree that mirrors the
 * sources, with their SQL and JSON beside the JavaScript. `bin/ltc.js` runs it when it is the
 * build of the sources beside it; a build stamp (dist/cli/build-stamp.json) records every source
 * file with its size, modification time and SHA-256, so an edited, added or removed file makes the
 * build stale. Beside the compiled registry of commands goes command-index.json, which modules
 * declare each command (app/cli/registry.ts), so that one command loads only its own modules; it is
 * written from the full list, so two commands of one name stop the build as they stop the start.
 * Plain JavaScript: bin/ltc.js reads it before any TypeScript can run.
 *
 * `node app/build/cli-build.js` builds (`npm run build` does); `--if-stale` only when the build is
 * missing or stale (the test suite's set-up).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readStamp, stampFiles, stampIsCurrent } from './stamp.js';

/** What the compiled tree is built from: the folders tsconfig.cli.json compiles, and the build's own configuration. */
const SOURCES = ['app/cli', 'app/server', 'app/render', 'app/style', 'app/workspace.ts', 'models', 'ingest',
  'tsconfig.json', 'tsconfig.cli.json', 'app/build/cli-build.js', 'app/build/stamp.js'];
export const OUT_DIR = join('dist', 'cli');
const STAMP = 'build-stamp.json';

/** Every source file, relative to root with forward slashes, sorted. */
function sourceFiles(root) {
  const files = [];
  for (const source of SOURCES) {
    const path = join(root, source);
    if (!existsSync(path)) continue;
    if (statSync(path).isFile()) {
      files.push(source);
      continue;
    }
    listFiles(root, source, files);
  }
  return files.sort();
}

/** The files under folder (relative to root), walked by hand: readdirSync's `recursive` takes several times as long. */
function listFiles(root, folder, files) {
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const file = `${folder}/${entry.name}`;
    if (entry.isDirectory()) listFiles(root, file, files);
    else if (entry.isFile()) files.push(file);
  }
}

/**
 * True when dist/cli holds the build of exactly the sources under root: the same files, each of the
 * same size and either the same modification time or the same content.
 */
export function compiledIsCurrent(root) {
  return stampIsCurrent(root, readStamp(join(root, OUT_DIR, STAMP)), sourceFiles(root));
}

/**
 * Compiles into a folder aside and moves it in whole, so that a CLI starting meanwhile finds the old
 * build or the new one. The stamp describes the sources as they were when the build began: a file
 * edited during the build leaves it stale.
 */
export async function buildCli(root) {
  const files = sourceFiles(root);
  const stamp = stampFiles(root, files);
  const out = join(root, OUT_DIR);
  const aside = join(root, 'dist', `.cli-${process.pid}`);
  rmSync(aside, { recursive: true, force: true });
  try {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.cli.json'), '--outDir', aside], { cwd: root, stdio: 'inherit' });
    if (compiled.status !== 0) throw new Error(`tsc -p tsconfig.cli.json exited ${compiled.status ?? compiled.signal}`);
    // The SQL, the JSON read at run time and any other file the modules find beside themselves.
    for (const file of files) {
      if (file.endsWith('.ts') || !file.includes('/') || file.startsWith('app/build/')) continue;
      mkdirSync(dirname(join(aside, file)), { recursive: true });
      copyFileSync(join(root, file), join(aside, file));
    }
    const { commandIndex } = await import(pathToFileURL(join(aside, 'app/cli/registry.js')).href);
    writeFileSync(join(aside, 'app/cli/command-index.json'), JSON.stringify(await commandIndex(), null, 1) + '\n');
    writeFileSync(join(aside, STAMP), JSON.stringify({ files: stamp }, null, 1) + '\n');
    const old = join(root, 'dist', `.cli-old-${process.pid}`);
    if (existsSync(out)) renameSync(out, old);
    renameSync(aside, out);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(aside, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (process.argv.includes('--if-stale') && compiledIsCurrent(root)) process.exit(0);
  const started = performance.now();
  await buildCli(root);
  process.stderr.write(`the command line compiled into ${OUT_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
