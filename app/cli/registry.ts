/**
 * The `ltc` commands: one for every analysis of models/analyses/ (its flags from the analysis's
 * parameters, its text from a view in views/), and the commands of commands/ that do more than
 * ask one analysis (import, undo, export, serve …). A name used twice stops the start.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isArrow, type Analysis } from '../../models/analysis/define.ts';
import { analyses } from '../../models/analysis/registry.ts';
import { cliArgs, cliDetails, cliOptions, readCliParams, withDb, type AnyTextView, type Command } from './command.ts';

/** Every module of a folder, each exporting `name` → value under `field`; a name twice is an error. */
async function gather<T>(folder: string, field: string): Promise<Record<string, T>> {
  const dir = new URL(`./${folder}/`, import.meta.url);
  const all: Record<string, T> = {};
  for (const file of readdirSync(fileURLToPath(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort()) {
    const module = (await import(new URL(file, dir).href)) as Record<string, Record<string, T> | undefined>;
    for (const [name, value] of Object.entries(module[field] ?? {})) {
      if (Object.hasOwn(all, name)) throw new Error(`two ${folder} named "${name}" (app/cli/${folder}/): each must be unique`);
      all[name] = value;
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
  const [list, views, own] = await Promise.all([analyses(), gather<AnyTextView>('views', 'views'), gather<Command>('commands', 'commands')]);
  const all: Record<string, Command> = { ...own };
  for (const analysis of list.filter((a) => a.command !== false)) {
    if (Object.hasOwn(all, analysis.name)) throw new Error(`the analysis "${analysis.name}" and a command of app/cli/commands/ share a name`);
    all[analysis.name] = analysisCommand(analysis, views[analysis.name]);
  }
  for (const name of Object.keys(views)) {
    if (!list.some((a) => a.name === name)) throw new Error(`app/cli/views/ has a view "${name}" for no analysis`);
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}
