/**
 * A workbook converted in a process of its own (xlsx-convert.ts): its JavaScript heap — exceljs's
 * parse of a million rows grows it to some 190 MB, which V8 keeps once grown — is given back when
 * the process ends, before DuckDB loads the sheets, so a workbook's import needs no more memory
 * than its CSV twin's. The child writes the sheets' CSVs into `dir` within the budget this import
 * has left, and the bytes and entries it used are counted here.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Entry } from './archive.ts';
import { ImportError } from './errors.ts';
import { importReason } from '../models/messages/import-errors.ts';
import type { Message } from '../models/messages/catalogue.ts';
import type { UnpackBudget } from './unpack-budget.ts';
import { WorkbookZip } from './xlsx-zip.ts';

export interface ConversionRequest {
  readonly path: string;
  readonly name: string;
  readonly dir: string;
  readonly left: UnpackBudget['left'];
}

export type ConversionReply =
  | { readonly entries: Entry[] | null; readonly written: number; readonly counted: number }
  | { readonly refused: { readonly file: string; readonly reasons: Message; readonly line?: number; readonly column?: string } }
  | { readonly failed: string };

/** Run from the sources (tests, `LTC_FROM_SOURCE`), the child is TypeScript too and runs through tsx. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const CHILD = new URL(FROM_SOURCE ? './xlsx-convert.ts' : './xlsx-convert.js', import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The sheets of the workbook at `path` as entries (xlsx.ts), null when the zip is no workbook. */
export async function workbookEntriesApart(path: string, name: string, dir: string, budget: UnpackBudget): Promise<Entry[] | null> {
  // A bundle of exports is told by its listing, without a process.
  if (!(await WorkbookZip.isWorkbook(path, name))) return null;
  const child = fork(fileURLToPath(CHILD), [], {
    cwd: ROOT, execArgv: FROM_SOURCE ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replied = once(child, 'message') as Promise<[ConversionReply]>;
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  child.send({ path, name, dir, left: budget.left } satisfies ConversionRequest);
  const outcome = await Promise.race([replied, exited.then(([code, signal]) => ({ exit: signal ?? `code ${code}` }))]);
  if ('exit' in outcome) throw new ImportError(name, importReason('xlsx_broken', { detail: `its conversion stopped (${outcome.exit})` }));
  const [reply] = outcome;
  if ('refused' in reply) throw new ImportError(reply.refused.file, reply.refused.reasons, reply.refused.line, reply.refused.column);
  if ('failed' in reply) throw new ImportError(name, importReason('xlsx_broken', { detail: reply.failed }));
  budget.spent(reply.written, reply.counted);
  return reply.entries;
}
