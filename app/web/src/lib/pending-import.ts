/**
 * A chosen file before it is loaded: a quick look at its first rows in the browser (papaparse), the
 * server's preview (decoding, dialect, detected tables and mapping) and the mapping draft the user
 * may correct.
 */
import Papa from 'papaparse';
import { errorIn, previewFile } from './api.ts';
import { pageLang } from './page-lang.svelte.ts';
import { draftFromDetected, draftFromRemembered, type MappingDraft } from './mapping.ts';
import { recallMapping } from './remembered-mappings.ts';
import type { FilePreview, PreviewResponse } from './types.ts';

/** Only the start of a file is sent for its preview. */
export const PREVIEW_BYTES = 262_144;
/** Archives cannot be cut; the whole archive is previewed up to this size. */
const ARCHIVE_PREVIEW_BYTES = 64 * 1024 * 1024;
const SHOWN_ROWS = 20;

/** The first rows as the browser reads them (UTF-8 assumed: other encodings look garbled). */
export interface Peek {
  headers: readonly string[];
  rows: string[][];
}

export interface PendingFile {
  key: number;
  file: File;
  reading: boolean;
  archive: boolean;
  /** What previews send: the first 256 KB of a file, a whole small archive, or nothing. */
  previewBody: Blob | null;
  peek: Peek | null;
  /** The server's preview, one entry per file (several for an archive). */
  entries: FilePreview[];
  /** Why the server could not be asked (the preview request failed). */
  previewError?: string;
  /** An event log (XES or OCEL) is read whole by the server: no preview and no mapping. */
  eventLog?: 'XES' | 'OCEL';
  /** The header the mapping editor offers: the server's, else the browser's reading. */
  headers: readonly string[];
  /** The mapping editor's state; null when the file cannot be mapped by hand here. */
  draft: MappingDraft | null;
  /** The generic reading is being fetched after the user chose a table. */
  guessing: boolean;
}

let previews: Promise<unknown> = Promise.resolve();

/**
 * Asks the server for a preview after the previous one has finished: the server reads each
 * preview through the one workspace connection, so previews are not sent in parallel.
 */
export function previewInTurn(body: Blob, name: string, kind?: string): Promise<PreviewResponse> {
  const next = previews.then(() => previewFile(body, name, kind));
  previews = next.catch(() => undefined);
  return next;
}

/** A placeholder shown while the file is read. */
export function pendingFile(key: number, file: File): PendingFile {
  return {
    key, file, reading: true, archive: false, previewBody: null, peek: null, entries: [], headers: [],
    draft: null, guessing: false,
  };
}

/** XES and OCEL logs by their file names (as `ltc ingest` tells them). */
export function eventLogFormat(name: string): 'XES' | 'OCEL' | undefined {
  if (/\.xes(\.gz)?$/i.test(name)) return 'XES';
  if (/\.(jsonocel|xmlocel|sqlite3?)$/i.test(name)) return 'OCEL';
  return undefined;
}

/** Reads the start of `file` in the browser and asks the server how it would import it. */
export async function readPendingFile(key: number, file: File): Promise<PendingFile> {
  const eventLog = eventLogFormat(file.name);
  if (eventLog) {
    return { key, file, reading: false, archive: false, previewBody: null, peek: null, entries: [], headers: [], draft: null, guessing: false, eventLog };
  }
  const archive = isArchive(new Uint8Array(await file.slice(0, 4).arrayBuffer()));
  const previewBody = archive ? (file.size <= ARCHIVE_PREVIEW_BYTES ? file : null) : file.slice(0, PREVIEW_BYTES);
  const peek = archive || !previewBody ? null : peekCsv(await previewBody.text());
  let entries: FilePreview[] = [];
  let previewError: string | undefined;
  if (previewBody) {
    try {
      entries = (await previewInTurn(previewBody, file.name)).files;
    } catch (err) {
      previewError = errorIn(err, pageLang.lang);
    }
  }
  const single = entries.length <= 1 ? entries[0] : undefined;
  const headers = entries.length > 1 ? [] : single?.headers?.length ? single.headers : (peek?.headers ?? []);
  let draft: MappingDraft | null = null;
  if (headers.length > 0) {
    const detected = single?.targets ?? [];
    const remembered = recallMapping(headers);
    draft = remembered ? draftFromRemembered(detected, remembered, headers) : draftFromDetected(detected);
  }
  return { key, file, reading: false, archive, previewBody, peek, entries, previewError, headers, draft, guessing: false };
}

/** The first rows of CSV text: header and up to 20 records. */
export function peekCsv(text: string): Peek | null {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: SHOWN_ROWS + 1, skipEmptyLines: 'greedy' });
  const [headers, ...rows] = result.data;
  if (!headers || headers.every((h) => h.trim() === '')) return null;
  return { headers, rows };
}

/** Header and rows to show for one preview entry: the server's decoded rows, else the browser's. */
export function shownRows(entry: FilePreview | undefined, peek: Peek | null): Peek | null {
  if (entry?.headers?.length && entry.rows) {
    const headers = entry.headers;
    return { headers, rows: entry.rows.map((row) => headers.map((h) => row[h] ?? '')) };
  }
  return peek;
}

function isArchive(head: Uint8Array): boolean {
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  return zip || gzip;
}
