/** Reads the SQL files that live next to the models, once. */
import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

export function sqlFile(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`./sql/${name}`, import.meta.url), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several statements on the semicolons that end a line. */
export function statements(sql: string): string[] {
  return sql.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, '').trim() !== '');
}
