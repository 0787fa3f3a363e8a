import { ask } from './client.ts';
import { tableFromIPC } from 'apache-arrow';
import { DASHBOARD_HEADERS } from '../../../server/dashboard-request.ts';
import type {
  Lang,
  CohortMonth,
  ColumnMapping,
  CompareResponse,
  ContractResponse,
  FunnelResponse,
  ImportResponse,
  ImportsResponse,
  KpisResponse,
  PreviewResponse,
  Status,
  UndoResult,
} from './types.ts';

/** A reason in every language of the pages (the server's `error` and `error_zh`). */
export type Reason = Readonly<Record<Lang, string>>;

/**
 * A failed request: the server's one-line reason in every language (`texts`), its English as
 * message; `status` 0 when the server was not reached.
 */
export class ApiError extends Error {
  constructor(
    readonly texts: Reason,
    readonly status: number,
  ) {
    super(texts.en);
  }
}

/** An error as the page shows it: an ApiError in the page's language, any other by its message. */
export function errorIn(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) return err.texts[lang];
  return err instanceof Error ? err.message : String(err);
}

const UNREACHABLE: Reason = { en: 'Cannot reach the LTC Lens server.', zh: '无法连接 LTC Lens 服务器。' };

/** Query parameters; empty or undefined values are left out. */
export type ApiParams = Record<string, string | undefined>;

/** The query string for `params` in a stable form, usable as a cache or effect key. */
export function queryString(params: ApiParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    if (value) search.set(key, value);
  }
  return search.toString();
}

function url(path: string, params: ApiParams | string = ''): string {
  const query = typeof params === 'string' ? params : queryString(params);
  return query ? `${path}?${query}` : path;
}

async function request(input: string, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(input, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(UNREACHABLE, 0);
  }
  if (!res.ok) throw new ApiError(await errorReason(res), res.status);
  return res;
}

async function errorReason(res: Response): Promise<Reason> {
  return reasonOf(res.status, res.statusText, await res.text().catch(() => ''));
}

/** The server's one-line reason (`{"error": …, "error_zh": …}`; English where it has no Chinese), else the status line. */
function reasonOf(status: number, statusText: string, text: string): Reason {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      const zh = 'error_zh' in body && typeof body.error_zh === 'string' ? body.error_zh : body.error;
      return { en: body.error, zh };
    }
  } catch {
    // not JSON: fall through to the status line
  }
  const line = `HTTP ${status} ${statusText}`.trim();
  return { en: line, zh: line };
}

/**
 * GET `path` with `params` as JSON; every JSON read of the dashboard goes through here. A failure
 * is an ApiError with the server's reason; an abort through `signal` rejects with the AbortError.
 */
export async function getJson<T>(path: string, params: ApiParams | string, signal?: AbortSignal): Promise<T> {
  const res = await request(url(path, params), { signal, headers: { Accept: 'application/json' } });
  return (await res.json()) as T;
}

export const getStatus = (signal?: AbortSignal) => ask('status', {}, signal);

export const getKpis = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('kpis', params, signal);

export const getFunnel = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('funnel', params, signal);

export const getCompare = (params: ApiParams | string, signal?: AbortSignal) =>
  ask('compare', params, signal);

/** Monthly lead cohorts, sent by the server as an Arrow IPC stream. */
export async function getCohorts(params: ApiParams | string, signal?: AbortSignal): Promise<CohortMonth[]> {
  const res = await request(url('/api/cohorts', params), { signal });
  const table = tableFromIPC(await res.arrayBuffer());
  const month = table.getChild('month');
  const leads = table.getChild('leads');
  const converted = table.getChild('converted');
  const observable = table.getChild('observable');
  const rate = table.getChild('conversion_rate');
  const rows: CohortMonth[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const r = rate?.get(i);
    const leadCount = Number(leads?.get(i) ?? 0);
    const observed = observable?.get(i);
    rows.push({
      month: String(month?.get(i) ?? ''),
      leads: leadCount,
      converted: Number(converted?.get(i) ?? 0),
      observable: observed == null ? leadCount : Number(observed),
      conversion_rate: r == null ? null : Number(r),
    });
  }
  return rows;
}

export const getContract = (signal?: AbortSignal) => getJson<ContractResponse>('/api/contract', {}, signal);

export const getImports = (signal?: AbortSignal) => getJson<ImportsResponse>('/api/imports', {}, signal);

/** Every request that changes the workspace proves it comes from the dashboard (server/request-guard.ts). */
const CHANGE_HEADERS = { ...DASHBOARD_HEADERS, Accept: 'application/json' };

const UPLOAD_HEADERS = { ...CHANGE_HEADERS, 'Content-Type': 'application/octet-stream' };

/** POST a change to the workspace (`body` sent as JSON when given) and read its JSON answer. */
export async function postJson<T>(path: string, params: ApiParams, body?: unknown): Promise<T> {
  const init: RequestInit = body === undefined
    ? { method: 'POST', headers: CHANGE_HEADERS }
    : { method: 'POST', body: JSON.stringify(body), headers: { ...CHANGE_HEADERS, 'Content-Type': 'application/json' } };
  const res = await request(url(path, params), init);
  return (await res.json()) as T;
}

/**
 * What importing `body` (a file or its first part) would do; `kind` asks for the generic reading
 * of that table instead of detection.
 */
export async function previewFile(body: Blob, name: string, kind?: string, signal?: AbortSignal): Promise<PreviewResponse> {
  const res = await request(url('/api/import/preview', { name, kind }), { method: 'POST', body, signal, headers: UPLOAD_HEADERS });
  return (await res.json()) as PreviewResponse;
}

/** How far an upload is: bytes sent of the file's size. */
export type UploadProgress = (sent: number, total: number) => void;

/**
 * Uploads one file's raw bytes; the server detects its kind and encoding unless `mapping` says.
 * A file refused as a whole (HTTP 422) still comes back as a report, its entries carrying `error`.
 * `onSent` follows the bytes sent (an XMLHttpRequest: fetch cannot tell); `signal` cancels — the
 * server then drops the file unless it was already committed.
 */
export function importFile(file: File, mapping?: ColumnMapping, signal?: AbortSignal, onSent?: UploadProgress): Promise<ImportResponse> {
  const query = { name: file.name, mapping: mapping ? JSON.stringify(mapping) : undefined };
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const aborted = () => reject(new DOMException('The import was cancelled.', 'AbortError'));
    if (signal?.aborted) return aborted();
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.open('POST', url('/api/import', query));
    for (const [name, value] of Object.entries(UPLOAD_HEADERS)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onSent?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onabort = aborted;
    xhr.onerror = () => reject(new ApiError(UNREACHABLE, 0));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(JSON.parse(xhr.responseText) as ImportResponse);
      if (xhr.status === 422) {
        // A file refused as a whole still comes with its report.
        try {
          const body = JSON.parse(xhr.responseText) as { report?: ImportResponse };
          if (body.report) return resolve(body.report);
        } catch {
          // no report: the reason below
        }
      }
      reject(new ApiError(reasonOf(xhr.status, xhr.statusText, xhr.responseText), xhr.status));
    };
    xhr.send(file);
  });
}

/** Removes a batch's rows and restores those it replaced; refused with the reason in words. */
export const undoBatch = (batch: number) => postJson<UndoResult>('/api/undo', { batch: String(batch) });

/** Where the rejected rows of a batch download as CSV. */
export function rejectsCsvUrl(batch: number): string {
  return url('/api/rejects.csv', { batch: String(batch) });
}
