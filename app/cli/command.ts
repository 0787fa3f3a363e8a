/** What every `ltc` command shares: its shape, the context it runs in, and the period and filter options. */
import type { ParseArgsConfig } from 'node:util';
import type { Analysis, ResultOf } from '../../models/analysis/define.ts';
import { flagName, fromCli, readParams, type ParamSchema, type ParamValues } from '../../models/analysis/params.ts';
import type { Database } from '../../models/db/database.ts';
import { openWorkspace } from '../workspace.ts';
import { SEGMENT_KEYS, UsageError, assertMoment, type PeriodOptions, type SegmentKey, type Segments } from '../../models/period.ts';

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

/** --from, --to, --as-of, --window-days and --where, for every command that reads measures. */
export const PERIOD_OPTIONS: ParseArgsConfig['options'] = {
  from: { type: 'string' },
  to: { type: 'string' },
  'as-of': { type: 'string' },
  'window-days': { type: 'string' },
  where: { type: 'string', multiple: true },
};

export function periodOptions(values: CommandContext['values']): PeriodOptions {
  const window = values['window-days'];
  if (window !== undefined && !/^\d+$/.test(String(window))) throw new UsageError(`--window-days must be a whole number, not "${window}"`);
  const asOf = values['as-of'] as string | undefined;
  if (asOf !== undefined) assertMoment(asOf, '--as-of');
  return {
    segments: parseWhere(values.where as unknown as string[] | undefined),
    from: values.from as string | undefined,
    to: values.to as string | undefined,
    asOf,
    windowDays: window === undefined ? undefined : Number(window),
  };
}
/**
 * `--where source=Web --where "Sales Channel=Partner"` → filters: the four segments by name, any
 * other key as an extra column the data carries (its attributes).
 */
function parseWhere(clauses: readonly string[] | undefined): Segments {
  const segments: Partial<Record<SegmentKey, string>> = {};
  const attributes: Record<string, string> = {};
  for (const clause of clauses ?? []) {
    const at = clause.indexOf('=');
    const key = at > 0 ? clause.slice(0, at).trim() : '';
    if (!key) throw new UsageError(`--where takes KEY=VALUE (KEY one of ${SEGMENT_KEYS.join(', ')} or another column of the data), not "${clause}"`);
    if ((SEGMENT_KEYS as readonly string[]).includes(key)) segments[key as SegmentKey] = clause.slice(at + 1);
    else attributes[key] = clause.slice(at + 1);
  }
  return { ...segments, attributes };
}

export async function withDb<T>(context: CommandContext, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openWorkspace(context.dbPath);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

