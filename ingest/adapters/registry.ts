/**
 * Finds the adapters (every module in this folder whose default export is an Adapter) and picks
 * the one that reads a file best. Two adapters that read a file as different tables with the same
 * confidence make the file ambiguous: it is refused with the candidates listed, never guessed.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Adapter, AdapterMatch, SourceFile } from './adapter.ts';

let adapters: Promise<Adapter[]> | undefined;

export function loadAdapters(): Promise<Adapter[]> {
  adapters ??= (async () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(dir).filter((f) => /\.[cm]?[tj]s$/.test(f) && !/\.d\.ts$/.test(f)
      && !['adapter.ts', 'registry.ts'].includes(f)).sort();
    const found: Adapter[] = [];
    for (const file of files) {
      try {
        const module = (await import(new URL(file, import.meta.url).href)) as { default?: unknown };
        if (isAdapter(module.default)) found.push(module.default);
      } catch (error) {
        // One broken adapter must not stop every import; its own tests fail loudly instead.
        process.stderr.write(`warning: adapter ${file} could not be loaded: ${(error as Error).message.split('\n')[0]}\n`);
      }
    }
    return found;
  })();
  return adapters;
}

function isAdapter(value: unknown): value is Adapter {
  return typeof value === 'object' && value !== null && typeof (value as Adapter).id === 'string'
    && typeof (value as Adapter).detect === 'function';
}

export type Choice =
  | { readonly match: AdapterMatch }
  | { readonly ambiguous: readonly AdapterMatch[] }
  | { readonly none: true };

/** The best reading of a file by any adapter (or by the one named). */
export async function chooseAdapter(file: SourceFile, only?: string): Promise<Choice> {
  const all = await loadAdapters();
  const candidates = only ? all.filter((a) => a.id === only) : all;
  const matches: AdapterMatch[] = [];
  for (const adapter of candidates) {
    const match = adapter.detect(file);
    if (match) matches.push(match);
  }
  return pickMatch(matches);
}

/** The most confident reading, unless another reads the file as different tables nearly as well. */
export function pickMatch(found: readonly AdapterMatch[]): Choice {
  const matches = [...found].sort((a, b) => b.confidence - a.confidence);
  const [best, second] = matches;
  if (!best) return { none: true };
  const kinds = (m: AdapterMatch) => m.targets.map((t) => t.kind).sort().join(',');
  if (second && best.confidence - second.confidence < 0.02 && kinds(best) !== kinds(second)) {
    return { ambiguous: matches.filter((m) => best.confidence - m.confidence < 0.02) };
  }
  return { match: best };
}

export async function adapterIds(): Promise<string[]> {
  return (await loadAdapters()).map((a) => a.id);
}
