import { tableFromIPC } from 'apache-arrow';
import type {
  CohortMonth,
  CompareResponse,
  FunnelResponse,
  ImportResponse,
  KpisResponse,
  Status,
} from './types.ts';

/** A failed request, with the server's one-line reason as message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

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
    throw new ApiError('Cannot reach the LTC Lens server.', 0);
  }
  if (!res.ok) throw new ApiError(await errorReason(res), res.status);
  return res;
}

async function errorReason(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      return body.error;
    }
  } catch {
    // not JSON: fall through to the status line
  }
  return `HTTP ${res.status} ${res.statusText}`.trim();
}

async function getJson<T>(path: string, params: ApiParams | string, signal?: AbortSignal): Promise<T> {
  const res = await request(url(path, params), { signal, headers: { Accept: 'application/json' } });
  return (await res.json()) as T;
}

export const getStatus = (signal?: AbortSignal) => getJson<Status>('/api/status', {}, signal);

export const getKpis = (params: ApiParams | string, signal?: AbortSignal) =>
  getJson<KpisResponse>('/api/kpis', params, signal);

export const getFunnel = (params: ApiParams | string, signal?: AbortSignal) =>
  getJson<FunnelResponse>('/api/funnel', params, signal);

export const getCompare = (params: ApiParams | string, signal?: AbortSignal) =>
  getJson<CompareResponse>('/api/compare', params, signal);

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

/** Uploads one file's raw bytes; the server detects its kind and encoding. */
export async function importFile(file: File, signal?: AbortSignal): Promise<ImportResponse> {
  const res = await request(url('/api/import', { name: file.name }), {
    method: 'POST',
    body: file,
    signal,
    headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
  });
  return (await res.json()) as ImportResponse;
}
