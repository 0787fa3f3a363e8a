/** What every `ltc` command shares: its shape, the context it runs in, its flags from an analysis's parameters. */
import type { ParseArgsConfig } from 'node:util';
import type { Analysis, ResultOf } from '../../models/analysis/define.ts';
import { flagName, fromCli, readParams, type ParamSchema, type ParamValues } from '../../models/analysis/params.ts';
import type { Database } from '../../models/db/database.ts';
import type { Lang } from '../../models/messages/catalogue.ts';

export interface CommandContext {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  readonly json: boolean;
  readonly dbPath: string;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly args: string;
  readonly summary: string;
  readonly options: ParseArgsConfig['options'];
  readonly hidden?: boolean;
  /** a line per option, for `ltc <command> --help` */
  readonly details?: string;
  run(context: CommandContext): Promise<number>;
}

/** How a command prints an analysis's answer as text (with --json it prints the answer itself). */
export interface TextView<R> {
  /** the text on stdout; returns the exit code */
  text(result: R, context: CommandContext): number;
  /** a line for stderr, printed with --json too (e.g. filters a log does not apply) */
  note?(result: R): string | undefined;
}
export type AnyTextView = TextView<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The language a command writes its text in: `--lang zh`, else English. */
export function langOf(context: CommandContext): Lang {
  return context.values.lang === 'zh' ? 'zh' : 'en';
}

/** A view typed by its analysis's answer. */
export function textView<A extends Analysis>(_analysis: A, view: TextView<ResultOf<A>>): TextView<ResultOf<A>> {
  return view;
}

/** The flags of an analysis's parameters, for node:util parseArgs. */
export function cliOptions(schema: ParamSchema): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [key, param] of Object.entries(schema)) {
    if (param.positional) continue;
    const flag = param.kind === 'filters' ? key : flagName(key).slice(2);
    options[flag] = param.kind === 'flag' ? { type: 'boolean' } : { type: 'string', ...(param.kind === 'filters' ? { multiple: true } : {}) };
  }
  return options;
}

/** The usage line of an analysis's parameters: `ID [--from D] [--where K=V]`. */
export function cliArgs(schema: ParamSchema): string {
  return Object.entries(schema).map(([key, param]) => {
    if (param.positional) return param.placeholder;
    const flag = param.kind === 'filters' ? `--${key}` : flagName(key);
    return `[${flag}${param.placeholder ? ` ${param.placeholder}` : ''}]`;
  }).join(' ');
}

/** A line per parameter: its flag, its value and what it does. */
export function cliDetails(schema: ParamSchema): string {
  const rows = Object.entries(schema).map(([key, param]) => [
    param.positional ? param.placeholder : `${param.kind === 'filters' ? `--${key}` : flagName(key)}${param.placeholder ? ` ${param.placeholder}` : ''}`, param.help,
  ]);
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`).join('\n');
}

/** The parameters of a schema from the command's flags and positionals. */
export function readCliParams<S extends ParamSchema>(schema: S, context: CommandContext): ParamValues<S> {
  return readParams(schema, fromCli(schema, context.values, context.positionals), 'cli');
}

export async function withDb<T>(context: CommandContext, work: (db: Database) => Promise<T>): Promise<T> {
  // The workspace and DuckDB load with the first command that opens one, not with `ltc --help`.
  const { openWorkspace } = await import('../workspace.ts');
  const db = await openWorkspace(context.dbPath);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

