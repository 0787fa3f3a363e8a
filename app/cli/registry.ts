/**
 * The `ltc` commands: one for every analysis of models/analyses/ (its flags from the analysis's
 * parameters, its text from a view in views/), and the commands of commands/ that do more than
 * ask one analysis (import, undo, export, serve …). A name used twice stops the start.
 *
 * The compiled CLI (dist/cli, app/build/cli-build.js) carries command-index.json beside this
 * module: which modules declare each command, and its summary, written by the build from the full
 * list (so a name used twice stops the build). With it, one command loads its own modules only and
 * the list of commands (`ltc --help`) none; without it (the sources through tsx), every module is
 * scanned as before.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isArrow, type Analysis } from '../../models/analysis/define.ts';
import { analyses, analysisFiles } from '../../models/analysis/registry.ts';
import { cliArgs, cliDetails, cliOptions, readCliParams, withDb, type AnyTextView, type Command } from './command.ts';

/** A command's modules, as URLs relative to this one: its own module, or its analysis and its view. */
type CommandModules = { readonly command: string } | { readonly analysis: string; readonly view?: string };
/** What the usage text says of a command. */
export type CommandSummary = Pick<Command, 'summary' | 'hidden'>;
export type CommandIndex = Record<string, CommandModules & CommandSummary>;

const INDEX = new URL('./command-index.json', import.meta.url);

/** Every module of a folder, each exporting `name` → value under `field`; a name twice is an error. */
async function gather<T>(folder: string, field: string): Promise<Record<string, { value: T; file: string }>> {
  const dir = new URL(`./${folder}/`, import.meta.url);
  const all: Record<string, { value: T; file: string }> = {};
  for (const file of readdirSync(fileURLToPath(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
    const module = (await import(new URL(file, dir).href)) as Record<string, Record<string, T> | undefined>;
    for (const [name, value] of Object.entries(module[field] ?? {})) {
      if (Object.hasOwn(all, name)) throw new Error(`two ${folder} named "${name}" (app/cli/${folder}/): each must be unique`);
      all[name] = { value, file: `./${folder}/${file}` };
    }
  }
  return all;
}

/** JSON of an answer: an Arrow table as its rows, 64-bit integers as numbers. */
function toJson(result: unknown): string {
  const rows = isArrow(result) ? result.toArray().map((row) => row.toJSON()) : result;
  return JSON.stringify(rows, (_key, value) => (typeof value === 'bigint' ? Number(value) : value));
}

export function analysisCommand(analysis: Analysis, view: AnyTextView | undefined): Command {
  return {
    args: cliArgs(analysis.params),
    summary: analysis.summary,
    hidden: analysis.hidden,
    details: cliDetails(analysis.params),
    options: cliOptions(analysis.params),
    async run(context) {
      const params = readCliParams(analysis.params, context);
      const result = await withDb(context, (db) => analysis.run(db, params));
      const note = view?.note?.(result);
      if (note) context.err(note);
      if (context.json || !view) {
        context.out(toJson(result));
        return 0;
      }
      return view.text(result, context);
    },
  };
}

export async function loadCommands(): Promise<Record<string, Command>> {
  return Object.fromEntries(Object.entries(await declared()).map(([name, { command }]) => [name, command]));
}

/** Every command's summary, for the usage text: from the build's index where there is one. */
export async function commandSummaries(): Promise<Record<string, CommandSummary>> {
  return readIndex() ?? loadCommands();
}

function readIndex(): CommandIndex | undefined {
  return existsSync(INDEX) ? JSON.parse(readFileSync(INDEX, 'utf8')) as CommandIndex : undefined;
}

/** One command by name (undefined when there is none), loading only its modules where the build's index says which. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  const index = readIndex();
  if (!index) {
    const all = await loadCommands();
    return Object.hasOwn(all, name) ? all[name] : undefined;
  }
  const entry = Object.hasOwn(index, name) ? index[name] : undefined;
  if (!entry) return undefined;
  const load = <T>(file: string) => import(new URL(file, import.meta.url).href) as Promise<T>;
  if ('command' in entry) return (await load<{ commands: Record<string, Command> }>(entry.command)).commands[name];
  const [analysis, views] = await Promise.all([
    load<{ default: Analysis }>(entry.analysis), entry.view ? load<{ views: Record<string, AnyTextView> }>(entry.view) : undefined]);
  return analysisCommand(analysis.default, views?.views[name]);
}

/** Which modules declare each command, and its summary, for command-index.json (app/build/cli-build.js writes it). */
export async function commandIndex(): Promise<CommandIndex> {
  return Object.fromEntries(Object.entries(await declared()).map(([name, { command, modules }]) =>
    [name, { ...modules, summary: command.summary, ...(command.hidden ? { hidden: true } : {}) }]));
}

interface Declared {
  readonly command: Command;
  readonly modules: CommandModules;
}

async function declared(): Promise<Record<string, Declared>> {
  const [list, files, views, own] = await Promise.all([
    analyses(), analysisFiles(), gather<AnyTextView>('views', 'views'), gather<Command>('commands', 'commands')]);
  const all: Record<string, Declared> = {};
  for (const [name, { value, file }] of Object.entries(own)) all[name] = { command: value, modules: { command: file } };
  for (const analysis of list.filter((a) => a.command !== false)) {
    if (Object.hasOwn(all, analysis.name)) throw new Error(`the analysis "${analysis.name}" and a command of app/cli/commands/ share a name`);
    const view = views[analysis.name];
    all[analysis.name] = {
      command: analysisCommand(analysis, view?.value),
      modules: { analysis: `../../models/analyses/${files.get(analysis)!}`, ...(view ? { view: view.file } : {}) },
    };
  }
  for (const name of Object.keys(views)) {
    if (!list.some((a) => a.name === name)) throw new Error(`app/cli/views/ has a view "${name}" for no analysis`);
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}
