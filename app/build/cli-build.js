/**
 * The compiled command line: app/cli and everything it imports (app/server, app/render, app/style,
 * app/workspace.ts, models/, ingest/) bundled by esbuild from the TypeScript into dist/cli/. A module
 * found at run time by scanning its folder — an analysis, a view, a command, a route, an adapter —
 * keeps a file of its own at its own path, as do app/cli/main.js and app/cli/registry.js; the code
 * they share goes into chunks (dist/cli/chunks/), each module into exactly one, so that a module is
 * loaded once whichever file asks for it. Packages stay outside (node_modules), except the JavaScript
 * of @duckdb/node-api: a one-file copy beside models/db/duckdb-api.js, which uses it only when it is
 * of the version installed. Every module keeps the import.meta.url of its place in the tree, so that
 * the SQL and JSON copied beside it are found as beside the sources.
 *
 * A build stamp (dist/cli/build-stamp.json) records every source file with its size, modification
 * time and SHA-256, so an edited, added or removed file makes the build stale; `bin/ltc.js` runs the
 * build only when it is current. Beside the compiled registry of commands goes command-index.json,
 * which modules declare each command (app/cli/registry.ts), so that one command loads only its own
 * modules; it is written from the full list, so two commands of one name stop the build as they stop
 * the start. Plain JavaScript: bin/ltc.js reads it before any TypeScript can run.
 *
 * `node app/build/cli-build.js` builds (`npm run build` does); `--if-stale` only when the build is
 * missing or stale (the test suite's set-up).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readStamp, stampFiles, stampIsCurrent } from './stamp.js';

/** What the compiled tree is built from: the folders it bundles, and the build's own configuration. */
const SOURCES = ['app/cli', 'app/server', 'app/render', 'app/style', 'app/workspace.ts', 'models', 'ingest',
  'tsconfig.json', 'app/build/cli-build.js', 'app/build/stamp.js', 'app/build/web-build.js'];
/** The folders whose modules are found by listing them (the registries of analyses, views, commands, routes, adapters). */
const SCANNED = ['models/analyses', 'app/cli/views', 'app/cli/commands', 'app/server/routes', 'ingest/adapters'];
/** The entry points, and the child process that converts a workbook apart (ingest/xlsx-apart.ts). */
const ENTRIES = ['app/cli/main.ts', 'app/cli/registry.ts', 'ingest/xlsx-convert.ts'];
export const OUT_DIR = join('dist', 'cli');
const STAMP = 'build-stamp.json';
/** Stands for the compiled tree's root in a module's own URL until the build knows which file the module went into. */
const TREE_ROOT = '__ltc_tree_root__';

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
 * Bundles into a folder aside and moves it in whole, so that a CLI starting meanwhile finds the old
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
    const esbuild = await import('esbuild');
    const entries = [...ENTRIES, ...files.filter((f) => SCANNED.includes(dirname(f)) && f.endsWith('.ts') && !f.endsWith('.d.ts'))];
    const bundled = await esbuild.build({
      absWorkingDir: root,
      entryPoints: entries,
      outbase: '.',
      outdir: aside,
      entryNames: '[dir]/[name]',
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      tsconfig: join(root, 'tsconfig.json'),
      plugins: [ownUrls(root)],
      write: false,
      logLevel: 'warning',
    });
    for (const file of bundled.outputFiles) {
      const text = file.text.replaceAll(`"${TREE_ROOT}/`, `"${relative(dirname(file.path), aside).split(sep).join('/') || '.'}/`);
      if (text.includes(TREE_ROOT)) throw new Error(`${relative(aside, file.path)}: a module's own URL was left unresolved`);
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, text);
    }
    await copyDuckDBApi(esbuild, root, join(aside, 'models', 'db'));
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

/**
 * An esbuild plugin: a module that reads its own URL (to find the SQL beside it, to list its
 * folder) gets the URL of its place in the compiled tree, whichever file of the bundle it ends up in.
 */
function ownUrls(root) {
  return {
    name: 'ltc-own-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const own = relative(root, args.path).split(sep).join('/').replace(/\.ts$/, '.js');
        return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(`${TREE_ROOT}/${own}`)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

/**
 * @duckdb/node-api's JavaScript in one CommonJS file named by its version (models/db/duckdb-api.ts
 * loads it); its native binding, @duckdb/node-bindings, stays the installed one.
 */
async function copyDuckDBApi(esbuild, root, dir) {
  const require = createRequire(join(root, 'package.json'));
  const { version } = require('@duckdb/node-api/package.json');
  await esbuild.build({
    entryPoints: [require.resolve('@duckdb/node-api')],
    outfile: join(dir, `duckdb-node-api-${version}.cjs`),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['@duckdb/node-bindings'],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (process.argv.includes('--if-stale') && compiledIsCurrent(root)) process.exit(0);
  const started = performance.now();
  await buildCli(root);
  process.stderr.write(`the command line bundled into ${OUT_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
