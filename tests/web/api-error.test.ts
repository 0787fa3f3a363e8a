/**
 * The dashboard's HTTP helper keeps the server's reason in both languages (app/web/src/lib/api.ts):
 * a real server's refusal reaches the page as an ApiError with `error` and `error_zh`, shown in
 * the page's language; a server that cannot be reached is said in both too.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, errorIn, getJson } from '../../app/web/src/lib/api.ts';
import type { Database } from '../../models/db/database.ts';
import { apiServer, type ApiServer } from '../helpers/api-server.ts';
import { workspace } from '../helpers/workspace.ts';

describe('ApiError in the page language', () => {
  let db: Database;
  let api: ApiServer;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    ({ db } = await workspace({ 'leads.csv': 'lead_id,created_at,source\nL1,2025-01-01,Web\n' }));
    api = await apiServer(db);
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await api.stop(db);
  });

  /** The page's relative addresses, sent to `base` as the browser sends them to its own server. */
  const servedBy = (base: string) => vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(`${base}${input}`, init));

  it("keeps the server's reason in English and Chinese, with its status", async () => {
    servedBy(api.base);
    const failure = await getJson('/api/trends', { by: 'week' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 400,
      message: 'by must be month or quarter, not "week"',
      texts: { en: 'by must be month or quarter, not "week"', zh: 'by 必须是 month 或 quarter，而不是 "week"' },
    });
    expect(errorIn(failure, 'zh')).toBe('by 必须是 month 或 quarter，而不是 "week"');
    expect(errorIn(failure, 'en')).toBe('by must be month or quarter, not "week"');
  });

  it('says a server that cannot be reached in both languages, and any other error by its message', async () => {
    servedBy('http://127.0.0.1:1');
    const failure = await getJson('/api/kpis', {}).catch((err: unknown) => err);
    expect(failure).toMatchObject({ status: 0, texts: { en: 'Cannot reach the LTC Lens server.', zh: '无法连接 LTC Lens 服务器。' } });
    expect(errorIn(new Error('plain'), 'zh')).toBe('plain');
  });
});
