/**
 * The folder of this package (the one holding its package.json): the repository in a checkout, the
 * installed package otherwise. Found by walking up from this file, so that it is the same whether the
 * sources run (models/) or their compiled copy (dist/cli/models/, bin/ltc.js).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}

export const PACKAGE_ROOT = packageRoot();
