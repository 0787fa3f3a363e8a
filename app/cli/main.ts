#!/usr/bin/env node
/**
 * `ltc` — the command line of LTC Lens (docs/api.md). Exit 0 on success, 1 on a failed operation (one
 * line on stderr, database unchanged), 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../models/analysis/errors.ts';
import { errorText, type Lang } from '../../models/messages/catalogue.ts';
import { PACKAGE_ROOT } from '../../models/package-root.ts';
import type { CommandContext } from './command.ts';
import { commandSummaries, loadCommand, type CommandSummary } from './registry.ts';

const COMMON: ParseArgsConfig['options'] = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // the language of the text output (compare, mix, survival write Chinese too)
  lang: { type: 'string' },
};

export function usage(COMMANDS: Readonly<Record<string, CommandSummary>>): string {
  const listed = Object.entries(COMMANDS).filter(([, c]) => !c.hidden);
  const width = Math.max(...listed.map(([name]) => name.length));
  const rows = listed.map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['usage: ltc <command> [--db PATH] [--json] [options]', '', 'commands:', ...rows,
    '', '`ltc <command> --help` shows its options. Every command takes --db PATH (default data/ltc.duckdb) and --json',
    '(machine output on stdout); --lang zh writes the text of compare, mix and survival, and the error line, in Chinese.',
    '`ltc --version` prints the version of LTC Lens.'].join('\n');
}

/** The version of package.json, the one `npm install` put here. */
function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage(await commandSummaries()) + '\n');
    return name ? 0 : 2;
  }
  // Only the command asked is loaded (with the compiled CLI's index), not every module of every command.
  const command = await loadCommand(name);
  if (!command) {
    process.stderr.write(`ltc: unknown command "${name}"\n\n${usage(await commandSummaries())}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...COMMON, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's parser explains some mistakes over several lines: one line, as every refusal.
    process.stderr.write(`ltc ${name}: ${(error as Error).message.split('\n').join(' ')}\n`);
    return 2;
  }
  const lang = parsed.values.lang as string | undefined;
  if (lang !== undefined && lang !== 'en' && lang !== 'zh') {
    process.stderr.write(`ltc ${name}: --lang must be en or zh, not "${lang}"\n`);
    return 2;
  }
  // The error line is said in this language too; a refused --lang itself stays English.
  const said: Lang = lang === 'zh' ? 'zh' : 'en';
  if (parsed.values.help) {
    process.stdout.write(`usage: ltc ${name} ${command.args}\n  ${command.summary}\n${command.details ? `\n${command.details}\n` : ''}`);
    return 0;
  }
  const context: CommandContext = {
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
    json: parsed.values.json === true,
    dbPath: (parsed.values.db as string | undefined) ?? process.env.LTC_DB ?? 'data/ltc.duckdb',
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  };
  try {
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.err(`ltc ${name}: ${errorText(error, said)}`);
      return 2;
    }
    context.err(`ltc ${name}: ${errorText(error, said).split('\n')[0]}`);
    if (process.env.LTC_DEBUG) console.error(error);
    return 1;
  }
}

// `ltc … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

let finished = false;
main(process.argv.slice(2)).then((code) => {
  finished = true;
  process.exitCode = code;
});

// A command whose work waits on nothing that can ever happen would end the process as a success.
process.once('beforeExit', () => {
  if (finished) return;
  process.stderr.write('ltc: internal error: the command stopped before it finished (nothing more was written)\n');
  process.exitCode = 1;
});
