#!/usr/bin/env node
/**
 * `ltc` as npm installs it: the TypeScript CLI of app/cli, run through tsx's loader (a dependency)
 * until the CLI is compiled. The loader reads this package's own tsconfig.json, never the one of the
 * folder `ltc` is run from.
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../app/cli/main.ts');
