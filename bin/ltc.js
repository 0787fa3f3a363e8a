#!/usr/bin/env node
/**
 * `ltc`, installed or in a checkout. It runs the compiled command line of dist/cli/ (`npm run build`
 * writes it; `npm pack` ships it) when that is the build of the sources beside it. In a checkout
 * whose build is missing or stale — a source edited, added or removed since (app/build/cli-build.js
 * compares every file with the build's stamp) — it runs the TypeScript sources through tsx's loader
 * instead, as before, so a stale build never runs; so does `LTC_FROM_SOURCE=1`. The loader reads
 * this package's own tsconfig.json, never the one of the folder `ltc` is run from. An installed
 * package carries only the compiled tree.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/app/cli/main.js', import.meta.url);
const source = new URL('../app/cli/main.ts', import.meta.url);

async function current() {
  if (process.env.LTC_FROM_SOURCE === '1' || !existsSync(compiled)) return false;
  const { compiledIsCurrent } = await import('../app/build/cli-build.js');
  return compiledIsCurrent(fileURLToPath(new URL('..', import.meta.url)));
}

if (!existsSync(source)) {
  await import(compiled.href);
} else if (await current()) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  await import(source.href);
}
