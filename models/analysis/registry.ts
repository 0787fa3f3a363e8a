/**
 * Every analysis of models/analyses/, one file each; the CLI and the server build their commands and
 * routes from this list. Two analyses of one name or one route stop the start.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { routePath, type Analysis } from './define.ts';

const DIR = new URL('../analyses/', import.meta.url);
let loaded: Promise<readonly Analysis[]> | undefined;
/** The file of models/analyses/ each analysis is declared in. */
const fileOf = new Map<Analysis, string>();

export function analyses(): Promise<readonly Analysis[]> {
  loaded ??= (async () => {
    const files = readdirSync(fileURLToPath(DIR)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
    const list: Analysis[] = [];
    for (const file of files) {
      const module = (await import(new URL(file, DIR).href)) as { default?: Analysis };
      if (!module.default) throw new Error(`models/analyses/${file} declares no analysis (export default defineAnalysis(…))`);
      list.push(module.default);
      fileOf.set(module.default, file);
    }
    assertUnique(list);
    return list;
  })();
  return loaded;
}

/** The file of models/analyses/ that declares each analysis ("funnel.ts"). */
export async function analysisFiles(): Promise<ReadonlyMap<Analysis, string>> {
  await analyses();
  return fileOf;
}

/** Throws when two analyses share a name or a route: neither may silently win. */
export function assertUnique(list: readonly Analysis[]): void {
  for (const [what, key] of [['name', (a: Analysis) => a.name], ['route', routePath]] as const) {
    const seen = new Set<string>();
    for (const a of list) {
      if (seen.has(key(a))) throw new Error(`two analyses have the ${what} "${key(a)}": each must be unique (models/analyses/)`);
      seen.add(key(a));
    }
  }
}
