/**
 * The notebooks that ship with the product: the Markdown files directly in the repository's
 * notebooks/ folder, found by file name only (no folders, no path of the caller's choosing).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { UsageError } from '../analysis/errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { parseNotebook, type NotebookMeta, type ParsedNotebook } from './parse.ts';
import { sayAll } from '../messages/catalogue.ts';
import { NOTEBOOK_ERRORS } from '../messages/workspace-errors.ts';

export const NOTEBOOKS_DIR = join(PACKAGE_ROOT, 'notebooks') + sep;

export interface NotebookEntry extends NotebookMeta {
  /** "bottleneck-review.md" */
  readonly file: string;
}

/** The shipped notebooks, by file name. */
export function listNotebooks(dir = NOTEBOOKS_DIR): NotebookEntry[] {
  if (!existsSync(dir)) return [];
  return notebookFiles(dir).map((file) => ({ file, ...parseNotebook(readFileSync(dir + file, 'utf8'), file).meta }));
}

/** A shipped notebook by name ("bottleneck-review" or "bottleneck-review.md"). */
export function loadNotebook(name: string, dir = NOTEBOOKS_DIR): ParsedNotebook {
  const file = name.endsWith('.md') ? name : `${name}.md`;
  if (!/^[\w][\w.-]*\.md$/.test(file) || file.includes('..') || basename(file) !== file) {
    throw new UsageError(sayAll(NOTEBOOK_ERRORS, 'notebookName', { value: name }));
  }
  if (!existsSync(dir) || !notebookFiles(dir).includes(file)) throw new UsageError(sayAll(NOTEBOOK_ERRORS, 'noNotebook', { file }));
  return parseNotebook(readFileSync(dir + file, 'utf8'), file);
}

function notebookFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name.toLowerCase() !== 'readme.md')
    .map((entry) => entry.name)
    .sort();
}
