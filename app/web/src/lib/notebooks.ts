/**
 * The Notebooks page's data: the notebooks of notebooks/ (GET /api/notebooks) and one of them run
 * against the workspace (GET /api/notebook?name=…), the same cells `ltc notebook` renders.
 */

import type { NotebookEntry } from '../../../../models/notebook/library.ts';
import { getJson } from './api.ts';
import type { NotebookRun } from '../../../../models/notebook/run.ts';

export type { NotebookEntry } from '../../../../models/notebook/library.ts';
export type { NotebookRun, ResultCell, SqlResult } from '../../../../models/notebook/run.ts';

export const getNotebooks = (signal?: AbortSignal) =>
  getJson<{ notebooks: NotebookEntry[] }>('/api/notebooks', {}, signal).then((r) => r.notebooks);

/** One notebook run; `cutover` (the link's) sets its `workspace` block's cut-over, else the workspace's default. */
export const getNotebook = (file: string, cutover: string | undefined, signal?: AbortSignal) =>
  getJson<NotebookRun>('/api/notebook', { name: file, cutover }, signal);

/** Where the notebook downloads as one HTML file (with the run's cut-over when it was chosen). */
export const notebookHtmlUrl = (run: Pick<NotebookRun, 'file' | 'workspace'>) =>
  `/api/notebook.html?name=${encodeURIComponent(run.file)}`
  + (run.workspace.cutover_source === 'chosen' && run.workspace.cutover ? `&cutover=${run.workspace.cutover}` : '');

/** The notebook chosen by `nb` (its file name without .md), else the first. */
export function chosenNotebook(params: URLSearchParams, notebooks: readonly NotebookEntry[]): NotebookEntry | undefined {
  const nb = params.get('nb');
  return notebooks.find((n) => n.file === `${nb}.md` || n.file === nb) ?? notebooks[0];
}

/** The `nb` value of a notebook. */
export const notebookKey = (entry: NotebookEntry) => entry.file.replace(/\.md$/, '');
