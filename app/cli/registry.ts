/**
 * The `ltc` commands: every module in commands/ exports `commands` (name → Command); adding a
 * command is one new file there.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from './command.ts';

export async function loadCommands(): Promise<Record<string, Command>> {
  const dir = fileURLToPath(new URL('./commands/', import.meta.url));
  const all: Record<string, Command> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
    const module = (await import(new URL(`./commands/${file}`, import.meta.url).href)) as { commands?: Record<string, Command> };
    Object.assign(all, module.commands ?? {});
  }
  return all;
}
